import { cel } from './cel-library';
import type { WorkflowContext } from './context';

type Environment = InstanceType<typeof cel.Environment>;
type Program = ReturnType<Environment['parse']>;

/** The variables a workflow condition sees, typed, so a misspelt field is refused when saved. */
const STRING = 'string';
const workflowEnvironment: Environment = new cel.Environment({ unlistedVariablesAreDyn: false })
  .registerVariable({ name: 'member', schema: { first_name: STRING, last_name: STRING, phone: STRING, email: STRING } })
  .registerVariable({ name: 'chat', schema: { channel: STRING, id: STRING } })
  .registerVariable({ name: 'message', schema: { body: STRING } })
  .registerVariable({ name: 'workspace', schema: { name: STRING } })
  .registerVariable({ name: 'brand', schema: { name: STRING } });

/** A condition that does not parse or does not type-check: the message points at the column. */
export class ConditionSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionSyntaxError';
  }
}

/** A condition that parsed but failed on this context (or gave something other than a boolean). */
export class ConditionEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionEvaluationError';
  }
}

export interface CompiledCondition {
  readonly source: string;
  evaluate(context: WorkflowContext): boolean;
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledCondition>();

/**
 * Parses and type-checks a CEL condition over the workflow context (member, chat, message,
 * workspace, brand). Throws ConditionSyntaxError, e.g. `CEL syntax error at column 12: ...`.
 */
export function compileCondition(source: string): CompiledCondition {
  const hit = cache.get(source);
  if (hit) return hit;
  let program: Program;
  try {
    program = workflowEnvironment.parse(source);
  } catch (error) {
    throw new ConditionSyntaxError(`CEL syntax error${position(source, error)}: ${firstLine(error)}`);
  }
  const check = program.check();
  if (!check.valid) throw new ConditionSyntaxError(`CEL error${position(source, check.error)}: ${firstLine(check.error)}`);
  if (check.type !== 'bool' && check.type !== 'dyn') throw new ConditionSyntaxError(`CEL error: the condition gives ${check.type}, not a bool`);
  const compiled: CompiledCondition = {
    source,
    evaluate(context) {
      let value: unknown;
      try {
        value = program(toCelValue(context) as Record<string, unknown>);
      } catch (error) {
        throw new ConditionEvaluationError(`condition could not be evaluated: ${firstLine(error)}`);
      }
      if (typeof value !== 'boolean') throw new ConditionEvaluationError(`condition gave ${value === null ? 'null' : typeof value}, not true or false`);
      return value;
    },
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}

/** Compiles (cached) and evaluates a condition over the workflow context. */
export function evaluateCondition(source: string, context: WorkflowContext): boolean {
  return compileCondition(source).evaluate(context);
}

// The library's own Array (it may live in another realm than ours, e.g. under jest).
const CelArray = (cel.evaluate('[]') as unknown[]).constructor as ArrayConstructor;

/** Plain data as the evaluator recognises it whatever realm made it: prototype-less maps, its own arrays. */
function toCelValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return CelArray.from(value, toCelValue);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[key] = toCelValue(item);
  return out;
}

/** ` at column N` (or `line L, column N` for multi-line sources) from the library's node position. */
function position(source: string, error: unknown): string {
  const pos = (error as { node?: { pos?: unknown } } | undefined)?.node?.pos;
  if (typeof pos !== 'number' || pos < 0) return '';
  const before = source.slice(0, pos).split('\n');
  const column = before[before.length - 1].length + 1;
  return before.length > 1 ? ` at line ${before.length}, column ${column}` : ` at column ${column}`;
}

function firstLine(error: unknown): string {
  // Duck-typed: the library's errors may come from another realm (instanceof Error fails there).
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0].trim();
}
