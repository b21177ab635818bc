import { Environment, type EnvironmentOptions } from '@marcbachmann/cel-js';
import { estimateCost } from './cost';

/** A variable's fields and their CEL types, e.g. `{ first_name: 'string', opted_out: 'bool' }`. */
export type CelSchema = Record<string, string>;

export interface CelEnvironmentOptions {
  /**
   * Typed variables: an expression is type-checked against them when compiled, and any other
   * name is refused. Without them, every name is `dyn` and only the syntax is checked.
   */
  variables?: Record<string, CelSchema>;
  /**
   * Variables that are timestamps (e.g. `now`): passed as Date, they keep CEL's timestamp type,
   * so `timestamp(member.attributes.appointment_at) - now < duration("24h")` works.
   */
  timestamps?: string[];
  limits?: EnvironmentOptions['limits'];
  /** Compiled programs kept per source (the oldest dropped when full); 0 keeps none. */
  cacheSize?: number;
  /**
   * The most an expression may cost to evaluate once, in steps (see `estimateCost`): a dearer one
   * is refused when compiled (CelCompileError of kind `cost`). Default DEFAULT_MAX_COST.
   */
  maxCost?: number;
  /** Elements assumed in a list only known at run time (event data, split()), for the cost. Default 100. */
  assumedListSize?: number;
}

/**
 * Steps one evaluation may take by default: a few milliseconds of a busy core at most. A filter over
 * thousands of members or a condition per event stays far below it; nested loops over long
 * lists do not.
 */
export const DEFAULT_MAX_COST = 10_000;

/** An expression that does not parse (`syntax`) or does not type-check (`type`), with where. */
export class CelCompileError extends Error {
  constructor(
    /** `cost`: it parses and checks but could take too long to evaluate (see `maxCost`). */
    readonly kind: 'syntax' | 'type' | 'cost',
    /** The library's one-line description, without the source excerpt. */
    readonly summary: string,
    /** 0-based offset in the source of the offending part, when the library knows it. */
    readonly offset: number | null,
    readonly source: string,
  ) {
    super(summary);
    this.name = 'CelCompileError';
  }

  /** ` at column N` (` at line L, column N` for multi-line sources), or '' when unknown. */
  get at(): string {
    if (this.offset === null) return '';
    const before = this.source.slice(0, this.offset).split('\n');
    const column = before[before.length - 1].length + 1;
    return before.length > 1 ? ` at line ${before.length}, column ${column}` : ` at column ${column}`;
  }
}

export interface CelProgram {
  readonly source: string;
  /** The checked result type (`bool`, `string`, `dyn`...) in a typed environment; `dyn` otherwise. */
  readonly type: string;
  /** Evaluates over plain data (dates read as ISO strings, undefined as null); throws what the library throws (see `firstLine`). */
  evaluate(context: Record<string, unknown>): unknown;
}

/** CEL (@marcbachmann/cel-js) for one kind of expression: compile once, evaluate many times. */
export class CelEnvironment {
  private readonly environment: Environment;
  private readonly typed: boolean;
  private readonly cache = new Map<string, CelProgram>();
  private readonly cacheSize: number;
  private readonly timestamps: Set<string>;
  readonly maxCost: number;
  private readonly assumedListSize: number;

  constructor(options: CelEnvironmentOptions = {}) {
    this.typed = options.variables !== undefined;
    this.cacheSize = options.cacheSize ?? 0;
    this.maxCost = options.maxCost ?? DEFAULT_MAX_COST;
    this.assumedListSize = options.assumedListSize ?? 100;
    this.environment = new Environment({
      unlistedVariablesAreDyn: !this.typed,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    for (const [name, schema] of Object.entries(options.variables ?? {}))
      this.environment.registerVariable({ name, schema });
    this.timestamps = new Set(options.timestamps ?? []);
    for (const name of this.timestamps)
      this.environment.registerVariable(name, this.typed ? 'google.protobuf.Timestamp' : 'dyn');
  }

  /** Parses, in a typed environment type-checks, and checks the cost. Throws CelCompileError. */
  compile(source: string): CelProgram {
    const hit = this.cache.get(source);
    if (hit) return hit;
    let parsed: ReturnType<Environment['parse']>;
    try {
      parsed = this.environment.parse(source);
    } catch (error) {
      throw compileError('syntax', error, source);
    }
    let type = 'dyn';
    if (this.typed) {
      const check = parsed.check();
      if (!check.valid) throw compileError('type', check.error, source);
      type = check.type ?? 'dyn';
    }
    const cost = estimateCost(parsed.ast, { assumedListSize: this.assumedListSize });
    if (cost > this.maxCost)
      throw new CelCompileError(
        'cost',
        `too costly to evaluate: about ${cost.toLocaleString('en-US')} steps, more than the limit of ` +
          `${this.maxCost.toLocaleString('en-US')} (loop over shorter lists or nest fewer exists/all/map/filter)`,
        null,
        source,
      );
    const program: CelProgram = {
      source,
      type,
      evaluate: (context) => parsed(this.celContext(context)) as unknown,
    };
    if (this.cacheSize > 0) {
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(source, program);
    }
    return program;
  }

  private celContext(context: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(context))
      out[name] = this.timestamps.has(name) && value instanceof Date ? value : toCelValue(value);
    return out;
  }
}

/** Data as CEL reads it: dates as ISO strings, undefined as null, maps and lists copied through. */
function toCelValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toCelValue);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCelValue(item)]));
}

function compileError(kind: 'syntax' | 'type', error: unknown, source: string): CelCompileError {
  const e = error as { summary?: unknown; range?: { start?: unknown } } | undefined;
  const summary = typeof e?.summary === 'string' ? e.summary : firstLine(error);
  const offset = typeof e?.range?.start === 'number' && e.range.start >= 0 ? e.range.start : null;
  return new CelCompileError(kind, summary, offset, source);
}

/** The first line of an error's message (the library adds a source excerpt below it). */
export function firstLine(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0].trim();
}
