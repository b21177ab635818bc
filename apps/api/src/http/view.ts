import type { z } from 'zod';

/** A value as a JSON answer carries it: dates as ISO timestamps. */
export type AsJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/**
 * An entity as the API shows it: only the fields its view names (a hash or secret the view leaves
 * out never leaves), dates as ISO timestamps. The entity must have every field the view names.
 */
export function viewOf<S extends z.ZodRawShape, E extends { [K in keyof S]: unknown }>(
  view: z.ZodObject<S>,
  entity: E,
): AsJson<Pick<E, keyof S>> {
  return Object.fromEntries(
    Object.keys(view.shape).map((field) => {
      const value = entity[field as keyof S];
      return [field, value instanceof Date ? value.toISOString() : value];
    }),
  ) as AsJson<Pick<E, keyof S>>;
}
