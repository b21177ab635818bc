import { AppError } from '@app/contracts';
import { cel } from './cel-library';

type Program = ReturnType<typeof cel.parse>;

// Rules and routines reuse a handful of expressions: parse each once.
const cache = new Map<string, Program>();
const CACHE_LIMIT = 1000;

/**
 * CEL for rule conditions, checked when a rule is saved and evaluated per event.
 * (A private wrapper: the engine's CEL helpers were not there yet when this was written.)
 */
export function compileCel(source: string, field: string): Program {
  const hit = cache.get(source);
  if (hit) return hit;
  let program: Program;
  try {
    program = cel.parse(source);
  } catch (error) {
    throw new AppError('invalid_input', `${field}: not a valid CEL expression: ${firstLine(error)}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, program);
  return program;
}

/** Evaluates a condition; anything but true or false is an error the run log shows. */
export function evaluateCondition(source: string, context: Record<string, unknown>): boolean {
  let value: unknown;
  try {
    value = compileCel(source, 'condition')(toCelValue(context) as Record<string, unknown>);
  } catch (error) {
    throw new ConditionError(`The condition could not be evaluated: ${firstLine(error)}`);
  }
  if (typeof value !== 'boolean') throw new ConditionError(`The condition must give true or false, not ${value === null ? 'null' : typeof value}.`);
  return value;
}

export class ConditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionError';
  }
}

// The library's own Array (it may live in another realm than ours, e.g. under jest).
const CelArray = (cel.evaluate('[]') as unknown[]).constructor as ArrayConstructor;

/**
 * Plain data as the evaluator recognises it whatever realm it was made in: maps as prototype-less
 * objects, lists as the library's arrays, dates as ISO strings.
 */
export function toCelValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return CelArray.from(value, toCelValue);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[key] = toCelValue(item);
  return out;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim();
}
