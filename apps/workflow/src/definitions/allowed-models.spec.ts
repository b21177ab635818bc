import { AppError } from '@app/contracts';
import { assertModelsAllowed, disallowedModels, isModelAllowed } from './allowed-models';
import type { Step } from './steps';

const agent = (model?: string): Step => ({
  agent: { instructions: 'x', abilities: [], ...(model ? { model } : {}) },
});

describe('the model allow-list', () => {
  it.each([
    ['gpt-4o-mini', [], true],
    ['anything', [], true],
    ['gpt-4o-mini', ['gpt-4o-mini', 'llama3'], true],
    ['llama3', ['gpt-4o-mini', 'llama3'], true],
    ['gpt-4o', ['gpt-4o-mini'], false],
    ['GPT-4o-mini', ['gpt-4o-mini'], false],
    ['gpt-4o-mini ', ['gpt-4o-mini'], false],
  ] as const)('%j with %j allowed: %s', (model, allowed, expected) => {
    expect(isModelAllowed(model, allowed)).toBe(expected);
  });

  it('finds every step naming a model outside the list, nested ones with their paths', () => {
    const steps: Step[] = [
      agent('small'),
      agent(),
      { if: 'true', then: [agent('big')], else: [{ reply: 'hi' }, agent('huge')] },
    ];
    expect(disallowedModels(steps, [])).toEqual([]);
    expect(disallowedModels(steps, ['small'])).toEqual([
      { path: 'steps[2].then[0].agent.model', model: 'big' },
      { path: 'steps[2].else[1].agent.model', model: 'huge' },
    ]);
  });

  it('refuses with a 422 (rule_violation) naming the model and what is allowed', () => {
    const error = (() => {
      try {
        assertModelsAllowed([agent('gpt-5')], ['gpt-4o-mini', 'llama3']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('rule_violation');
    expect((error as AppError).message).toBe(
      'definition is not valid: steps[0].agent.model: model "gpt-5" is not allowed (allowed: gpt-4o-mini, llama3)',
    );
    expect(() => assertModelsAllowed([agent('llama3'), agent()], ['gpt-4o-mini', 'llama3'])).not.toThrow();
  });
});
