import { AppError } from '@app/contracts';
import { CelCompileError, CelEnvironment, firstLine, type CelProgram } from '@app/cel';

// Rule conditions read `event` and `member` (and routines' member filters `member`) as dyn: only
// the syntax is checked when saved. Rules and routines reuse a handful of expressions: parse each once.
const environment = new CelEnvironment({ cacheSize: 1000 });

/**
 * The names a condition may use, for the check when a rule is saved: a misspelt field
 * (`member.frist_name`) is refused then rather than failing every run. Values stay dyn.
 */
const dyn = (...fields: string[]) => Object.fromEntries(fields.map((f) => [f, 'dyn']));
const conditionNames = new CelEnvironment({
  cacheSize: 0,
  variables: {
    member: dyn(
      'id',
      'first_name',
      'last_name',
      'phone',
      'email',
      'notify_sms',
      'notify_email',
      'notify_voice',
      'notify_whatsapp',
      'opted_out',
      'attributes',
    ),
    event: dyn('id', 'type', 'data', 'occurred_at'),
  },
});

/** Checks a rule condition's syntax and the names it uses. */
export function checkCondition(source: string): void {
  compileCel(source, 'condition');
  try {
    conditionNames.compile(source);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    throw new AppError(
      'invalid_input',
      `condition: ${error.summary} (a condition can use member.<field> and event.type, event.data)`,
    );
  }
}

/** CEL for rule conditions, checked when a rule is saved and evaluated per event. */
export function compileCel(source: string, field: string): CelProgram {
  try {
    return environment.compile(source);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    if (error.kind === 'cost') throw new AppError('invalid_input', `${field}: ${error.summary}.`);
    throw new AppError('invalid_input', `${field}: not a valid CEL expression: ${error.summary}`);
  }
}

/** Evaluates a condition; anything but true or false is an error the run log shows. */
export function evaluateCondition(source: string, context: Record<string, unknown>): boolean {
  let program: CelProgram;
  try {
    program = compileCel(source, 'condition');
  } catch (error) {
    // Saved before the cost limit (or under a higher one): refused per run rather than evaluated.
    if (error instanceof AppError)
      throw new ConditionError(`The condition cannot be evaluated: ${error.message}`);
    throw error;
  }
  let value: unknown;
  try {
    value = program.evaluate(context);
  } catch (error) {
    throw new ConditionError(`The condition could not be evaluated: ${firstLine(error)}`);
  }
  if (typeof value !== 'boolean')
    throw new ConditionError(
      `The condition must give true or false, not ${value === null ? 'null' : typeof value}.`,
    );
  return value;
}

export class ConditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionError';
  }
}
