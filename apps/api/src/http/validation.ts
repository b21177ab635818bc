import { Body, type PipeTransform, Param, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError, formatIssues, Id } from '@app/contracts';
import { toOpenApi } from './openapi';

/** Validates request input; a failure is a 400 whose message names each field and its problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('invalid_input', `Invalid ${where}: ${formatIssues(result.error)}`);
}

class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly where: string,
  ) {}
  transform(value: unknown): z.infer<S> {
    return parseInput(this.schema, value, this.where);
  }
}

/** Applies method decorators from inside a parameter decorator, so one declaration validates and documents. */
export function onMethod(
  target: object,
  key: string | symbol | undefined,
  ...decorators: MethodDecorator[]
): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  for (const d of decorators) d(target, key, descriptor);
}

/** A JSON body validated by `schema` (strict objects name unknown fields). No body counts as `{}`. */
export function ZodBody(schema: z.ZodType, options: { yaml?: boolean } = {}): ParameterDecorator {
  const pipe: PipeTransform = { transform: (value: unknown) => parseInput(schema, value ?? {}, 'body') };
  return (target, key, index) => {
    Body(pipe)(target, key, index);
    onMethod(target, key, ApiBody({ schema: toOpenApi(schema, 'input'), required: true }));
    if (options.yaml) onMethod(target, key, ApiConsumes('application/json', 'application/yaml', 'text/yaml'));
  };
}

/** Query parameters validated by a (strict) object schema of strings. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema, 'query'))(target, key, index);
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      onMethod(
        target,
        key,
        ApiQuery({ name, required: !field.safeParse(undefined).success, schema: toOpenApi(field, 'input') }),
      );
    }
  };
}

const uuidPipe = (name: string): PipeTransform => ({
  transform: (value: unknown) => {
    if (Id.safeParse(value).success) return value as string;
    throw new AppError('invalid_input', `Invalid path: ${name}: must be a UUID.`);
  },
});

/** A UUID path parameter: anything else is a 400, never a lookup. */
export function IdParam(name = 'id'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, uuidPipe(name))(target, key, index);
    onMethod(target, key, ApiParam({ name, schema: { type: 'string', format: 'uuid' } }));
  };
}

/** A PATCH body must change something: an empty one is a 400. */
export const changingSomething = <S extends z.ZodType<object>>(patch: S) =>
  patch.refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

/** Query-string helpers: every query value arrives as a string. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
export const queryBool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
/** A page cursor; absent is `null` (the first page), as the list contracts take it. */
export const queryCursor = z
  .string()
  .min(1)
  .max(500)
  .optional()
  .transform((v) => v ?? null);
