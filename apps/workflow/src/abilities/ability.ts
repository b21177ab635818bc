import type { Turn, TurnState } from '../turn/turn';
import type { AbilityName } from '../definitions/ability-names';

/** A tool an agent step may use. The model sees `name`, `description` and `parameters`. */
export interface Ability {
  readonly name: AbilityName;
  readonly description: string;
  /** JSON Schema of the arguments. */
  readonly parameters: Record<string, unknown>;
  /** Whether this turn may offer the tool at all (e.g. the workspace has the feature). */
  isAvailable(turn: Turn): boolean;
  /** Runs the tool; the result goes back to the model as JSON. Expected failures are results, not throws. */
  invoke(args: unknown, turn: Turn, state: TurnState): Promise<Record<string, unknown>>;
}

export const ABILITIES = Symbol('ABILITIES');
