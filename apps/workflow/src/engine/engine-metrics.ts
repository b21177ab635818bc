import { counter } from '@app/telemetry';

/** Turns by outcome: answered, fallback, stopped (STOP mid-turn), skipped_<why>, duplicate. */
export const turnsTotal = counter('workflow_turns_total', 'Workflow turns, by outcome', ['outcome']);
