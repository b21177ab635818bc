import { z } from 'zod';
import type { OpenAPIObject } from '@nestjs/swagger';

type ComponentSchemas = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>;
/** @nestjs/swagger does not export its schema types; these are the same shapes. */
export type SchemaObject = Exclude<ComponentSchemas[string], { $ref: string }>;
export interface ReferenceObject {
  $ref: string;
}

/** Named schemas for `components.schemas`, filled as controllers are declared. */
const components = new Map<string, SchemaObject>();

/** The OpenAPI (3.0) form of a zod schema: the same schema that validates documents the route. */
export function toOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  return nullInNullableEnums(
    z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }),
  ) as SchemaObject;
}

/**
 * OpenAPI 3.0.3: `nullable` does not widen an `enum`, so a nullable enum lists null itself
 * (zod writes `{ nullable: true, enum: [...] }`; validators and Redocly then refuse null).
 */
function nullInNullableEnums<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(nullInNullableEnums);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null))
      schema.enum.push(null);
    Object.values(schema).forEach(nullInNullableEnums);
  }
  return node;
}

/** Registers a named response schema once and refers to it. */
export function schemaRef(name: string, schema: z.ZodType): ReferenceObject {
  if (!components.has(name)) components.set(name, toOpenApi(schema, 'output'));
  return { $ref: `#/components/schemas/${name}` };
}

export function pageOf(name: string, item: z.ZodType): ReferenceObject {
  return schemaRef(`${name}Page`, z.object({ items: z.array(item), nextCursor: z.string().nullable() }));
}

export function openApiComponents(): Record<string, SchemaObject> {
  return Object.fromEntries(components);
}

export const ErrorResponse = z.object({
  statusCode: z.number().int().meta({ example: 404 }),
  error: z.string().meta({ example: 'Not Found' }),
  message: z.string().meta({ example: 'Member not found.' }),
});
export const errorRef = (): ReferenceObject => schemaRef('Error', ErrorResponse);
