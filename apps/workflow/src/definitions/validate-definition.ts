import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AppError, Interactive } from '@app/contracts';
import { MAX_OUTBOUND_MEDIA, outboundMediaUrlProblem } from '@app/rules';
import { validateTemplate } from '@app/templates';
import { ABILITY_NAMES, isAbilityName, type AbilityName } from './ability-names';
import { compileCondition } from './condition';
import { HISTORY_BOUNDS, type HistoryLimits, type ReplyStep, type Step } from './steps';

const MAX_STEPS = 200;
const MAX_DEPTH = 8;
const MAX_TEMPLATE = 1600;
const MAX_INSTRUCTIONS = 20_000;
const MAX_CONDITION = 2000;

/**
 * Turns a definition as given (JSON steps, or a YAML document with the same steps) into validated
 * steps. Every problem is reported with the path of the step, e.g.
 * `steps[1].if: CEL syntax error at column 12: ...`; all of them at once, so one save fixes all.
 */
export function validateDefinition(input: unknown[] | string): Step[] {
  const raw = typeof input === 'string' ? parseYamlSteps(input) : input;
  const problems: string[] = [];
  const counter = { steps: 0 };
  const steps = validateSteps(raw, 'steps', 0, problems, counter);
  if (!problems.length && steps.length === 0) problems.push('steps: a workflow needs at least one step');
  if (counter.steps > MAX_STEPS)
    problems.push(`steps: at most ${MAX_STEPS} steps in a workflow (got ${counter.steps})`);
  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    throw new AppError('invalid_input', `definition is not valid: ${shown.join('; ')}${more}`, { problems });
  }
  return steps;
}

function parseYamlSteps(source: string): unknown[] {
  let doc: unknown;
  try {
    doc = parseYaml(source, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      throw new AppError(
        'invalid_input',
        `definition: YAML syntax error${where}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      );
    }
    throw new AppError('invalid_input', `definition: not a YAML document: ${String(error)}`);
  }
  // Either a list of steps, or a document with a `steps:` list.
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Array.isArray((doc as { steps?: unknown }).steps))
    return (doc as { steps: unknown[] }).steps;
  throw new AppError(
    'invalid_input',
    'definition: the YAML document must be a list of steps (or have a "steps:" list)',
  );
}

function validateSteps(
  raw: unknown,
  path: string,
  depth: number,
  problems: string[],
  counter: { steps: number },
): Step[] {
  if (!Array.isArray(raw)) {
    problems.push(`${path}: must be a list of steps`);
    return [];
  }
  if (depth > MAX_DEPTH) {
    problems.push(`${path}: "if" steps nest at most ${MAX_DEPTH} deep`);
    return [];
  }
  const out: Step[] = [];
  raw.forEach((item, i) => {
    counter.steps++;
    const step = validateStep(item, `${path}[${i}]`, depth, problems, counter);
    if (step) out.push(step);
  });
  return out;
}

function validateStep(
  raw: unknown,
  path: string,
  depth: number,
  problems: string[],
  counter: { steps: number },
): Step | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${path}: a step must be an object with one of reply, if, agent`);
    return null;
  }
  const step = raw as Record<string, unknown>;
  const kinds = (['reply', 'if', 'agent'] as const).filter((k) => k in step);
  if (kinds.length !== 1) {
    problems.push(
      `${path}: a step needs exactly one of reply, if, agent${kinds.length ? ` (got ${kinds.join(', ')})` : ''}`,
    );
    return null;
  }
  const kind = kinds[0];
  const allowed =
    kind === 'if'
      ? ['if', 'then', 'else']
      : kind === 'reply'
        ? ['reply', 'media', 'buttons', 'list']
        : [kind];
  const unknown = Object.keys(step).filter((k) => !allowed.includes(k));
  if (unknown.length)
    problems.push(
      `${path}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} in a ${kind} step`,
    );

  if (kind === 'reply') {
    const template = step.reply;
    if (typeof template !== 'string' || !template.trim()) {
      problems.push(`${path}.reply: must be a non-empty template`);
      return null;
    }
    if (template.length > MAX_TEMPLATE) problems.push(`${path}.reply: at most ${MAX_TEMPLATE} characters`);
    const problem = validateTemplate(template);
    if (problem) problems.push(`${path}.reply: ${problem}`);
    const choices = validateReplyChoices(step, path, problems);
    if (choices === null) return null;
    if (step.media === undefined) return { reply: template, ...choices };
    const media = validateReplyMedia(step.media, `${path}.media`, problems);
    return media ? { reply: template, media, ...choices } : null;
  }

  if (kind === 'if') {
    const condition = step.if;
    if (typeof condition !== 'string' || !condition.trim()) {
      problems.push(`${path}.if: must be a CEL expression`);
    } else if (condition.length > MAX_CONDITION) {
      problems.push(`${path}.if: at most ${MAX_CONDITION} characters`);
    } else {
      try {
        compileCondition(condition);
      } catch (error) {
        problems.push(`${path}.if: ${(error as Error).message}`);
      }
    }
    if (!('then' in step)) problems.push(`${path}.then: an if step needs a then list`);
    const thenSteps =
      'then' in step ? validateSteps(step.then, `${path}.then`, depth + 1, problems, counter) : [];
    const elseSteps =
      'else' in step && step.else !== null
        ? validateSteps(step.else, `${path}.else`, depth + 1, problems, counter)
        : undefined;
    return {
      if: typeof condition === 'string' ? condition : '',
      then: thenSteps,
      ...(elseSteps ? { else: elseSteps } : {}),
    };
  }

  const agent = step.agent;
  if (!agent || typeof agent !== 'object' || Array.isArray(agent)) {
    problems.push(`${path}.agent: must be an object with instructions and abilities`);
    return null;
  }
  const a = agent as Record<string, unknown>;
  const known = ['instructions', 'abilities', 'model', 'history', 'images'];
  const extra = Object.keys(a).filter((k) => !known.includes(k));
  if (extra.length)
    problems.push(
      `${path}.agent: unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')})`,
    );
  const history = validateHistory(a.history, `${path}.agent.history`, problems);
  if (typeof a.instructions !== 'string' || !a.instructions.trim())
    problems.push(`${path}.agent.instructions: must be non-empty text`);
  else if (a.instructions.length > MAX_INSTRUCTIONS)
    problems.push(`${path}.agent.instructions: at most ${MAX_INSTRUCTIONS} characters`);
  if (a.model !== undefined && (typeof a.model !== 'string' || !a.model.trim()))
    problems.push(`${path}.agent.model: must be a model name`);
  if (a.images !== undefined && typeof a.images !== 'boolean')
    problems.push(`${path}.agent.images: must be true or false`);
  const abilities: AbilityName[] = [];
  if (a.abilities !== undefined && !Array.isArray(a.abilities)) {
    problems.push(`${path}.agent.abilities: must be a list of ability names`);
  } else {
    ((a.abilities as unknown[] | undefined) ?? []).forEach((name, i) => {
      if (typeof name === 'string' && isAbilityName(name)) {
        if (!abilities.includes(name)) abilities.push(name);
      } else {
        problems.push(
          `${path}.agent.abilities[${i}]: unknown ability ${JSON.stringify(name)} (known: ${ABILITY_NAMES.join(', ')})`,
        );
      }
    });
  }
  return {
    agent: {
      instructions: typeof a.instructions === 'string' ? a.instructions : '',
      abilities,
      ...(typeof a.model === 'string' && a.model.trim() ? { model: a.model.trim() } : {}),
      ...(history ? { history } : {}),
      ...(a.images === false ? { images: false } : {}),
    },
  };
}

function validateHistory(value: unknown, path: string, problems: string[]): HistoryLimits | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: must be an object with messages and/or tokens`);
    return undefined;
  }
  const h = value as Record<string, unknown>;
  const out: HistoryLimits = {};
  for (const key of Object.keys(h)) {
    if (key !== 'messages' && key !== 'tokens') {
      problems.push(`${path}: unknown field "${key}" (known: messages, tokens)`);
      continue;
    }
    const [min, max] = HISTORY_BOUNDS[key];
    const n = h[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
      problems.push(`${path}.${key}: must be a whole number from ${min} to ${max}`);
    else out[key] = n;
  }
  return out;
}

/**
 * A reply's buttons or list (one of them, not with media), checked against WhatsApp's limits by
 * the send contract itself, so a definition never saves what outbound would refuse.
 */
function validateReplyChoices(
  step: Record<string, unknown>,
  path: string,
  problems: string[],
): Pick<ReplyStep, 'buttons' | 'list'> | null {
  if (step.buttons === undefined && step.list === undefined) return {};
  if (step.buttons !== undefined && step.list !== undefined) {
    problems.push(`${path}: a reply has buttons or a list, not both`);
    return null;
  }
  const field = step.buttons !== undefined ? 'buttons' : 'list';
  if (step.media !== undefined) {
    problems.push(`${path}: a reply with ${field === 'buttons' ? 'buttons' : 'a list'} cannot carry media`);
    return null;
  }
  const parsed = Interactive.safeParse(
    field === 'buttons'
      ? { type: 'buttons', buttons: step.buttons }
      : { ...(typeof step.list === 'object' ? step.list : {}), type: 'list' },
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = (field === 'buttons' ? issue.path.slice(1) : issue.path).join('.');
      problems.push(`${path}.${field}${at ? `.${at}` : ''}: ${issue.message}`);
    }
    return null;
  }
  if (parsed.data.type === 'buttons') return { buttons: parsed.data.buttons };
  const { type: _type, ...list } = parsed.data;
  return { list };
}

/**
 * A reply's media: 1 to 10 templates, each rendering to an https URL. One without a template
 * expression is checked as a URL now; the others when they render (a turn skips a reply whose
 * URL comes out wrong).
 */
function validateReplyMedia(media: unknown, path: string, problems: string[]): string[] | null {
  if (!Array.isArray(media) || media.length === 0 || media.length > MAX_OUTBOUND_MEDIA) {
    problems.push(`${path}: a list of 1 to ${MAX_OUTBOUND_MEDIA} media URLs`);
    return null;
  }
  const before = problems.length;
  media.forEach((entry, i) => {
    if (typeof entry !== 'string' || !entry.trim()) {
      problems.push(`${path}[${i}]: must be a media URL (https), or a template rendering to one`);
      return;
    }
    const problem = entry.includes('{{') ? validateTemplate(entry) : outboundMediaUrlProblem(entry.trim());
    if (problem) problems.push(`${path}[${i}]: ${problem}`);
  });
  return problems.length === before ? media.map((m: string) => m.trim()) : null;
}
