import { AppError } from '@app/contracts';
import { isAgentStep, isIfStep, type Step } from './steps';

/**
 * The operator's model allow-list (`LLM_ALLOWED_MODELS`): empty allows any model, otherwise only
 * the names listed (exactly, case and all).
 */
export const isModelAllowed = (model: string, allowed: readonly string[]): boolean =>
  allowed.length === 0 || allowed.includes(model);

/** The agent steps (with their paths) naming a model outside the allow-list. */
export function disallowedModels(
  steps: readonly Step[],
  allowed: readonly string[],
  path = 'steps',
): Array<{ path: string; model: string }> {
  if (allowed.length === 0) return [];
  return steps.flatMap((step, i) => {
    const here = `${path}[${i}]`;
    if (isIfStep(step))
      return [
        ...disallowedModels(step.then, allowed, `${here}.then`),
        ...disallowedModels(step.else ?? [], allowed, `${here}.else`),
      ];
    if (isAgentStep(step) && step.agent.model !== undefined && !isModelAllowed(step.agent.model, allowed))
      return [{ path: `${here}.agent.model`, model: step.agent.model }];
    return [];
  });
}

/** Refuses (422) a definition whose agent steps name a model the operator does not allow. */
export function assertModelsAllowed(steps: readonly Step[], allowed: readonly string[]): void {
  const refused = disallowedModels(steps, allowed);
  if (!refused.length) return;
  const problems = refused.map(
    ({ path, model }) =>
      `${path}: model ${JSON.stringify(model)} is not allowed (allowed: ${allowed.join(', ')})`,
  );
  throw new AppError('rule_violation', `definition is not valid: ${problems.join('; ')}`, { problems });
}
