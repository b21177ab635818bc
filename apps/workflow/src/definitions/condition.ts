import { CelCompileError, CelEnvironment, firstLine } from '@app/cel';
import type { WorkflowContext } from './context';

/** The variables a workflow condition sees, typed, so a misspelt field is refused when saved. */
const STRING = 'string';
const workflowEnvironment = new CelEnvironment({
  variables: {
    member: {
      first_name: STRING,
      last_name: STRING,
      phone: STRING,
      email: STRING,
      attributes: 'map<string, dyn>',
    },
    chat: { channel: STRING, id: STRING },
    message: {
      body: STRING,
      button_payload: STRING,
      button_text: STRING,
      list_id: STRING,
      list_title: STRING,
    },
    workspace: { name: STRING },
    brand: { name: STRING },
  },
  cacheSize: 1000,
});

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

/**
 * Parses and type-checks a CEL condition over the workflow context (member, chat, message,
 * workspace, brand). Throws ConditionSyntaxError, e.g. `CEL syntax error at column 12: ...`.
 */
export function compileCondition(source: string): CompiledCondition {
  let program;
  try {
    program = workflowEnvironment.compile(source);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    throw new ConditionSyntaxError(
      `${error.kind === 'syntax' ? 'CEL syntax error' : 'CEL error'}${error.at}: ${error.summary}`,
    );
  }
  if (program.type !== 'bool' && program.type !== 'dyn')
    throw new ConditionSyntaxError(`CEL error: the condition gives ${program.type}, not a bool`);
  return {
    source,
    evaluate(context) {
      let value: unknown;
      try {
        value = program.evaluate(context as unknown as Record<string, unknown>);
      } catch (error) {
        throw new ConditionEvaluationError(`condition could not be evaluated: ${firstLine(error)}`);
      }
      if (typeof value !== 'boolean')
        throw new ConditionEvaluationError(
          `condition gave ${value === null ? 'null' : typeof value}, not true or false`,
        );
      return value;
    },
  };
}

/** Compiles (cached) and evaluates a condition over the workflow context. */
export function evaluateCondition(source: string, context: WorkflowContext): boolean {
  return compileCondition(source).evaluate(context);
}
