import { isNode, parseDocument, type Document } from 'yaml';

/** One problem of a workflow definition, placed in the editor's text where it can be. */
export interface DefinitionProblem {
  message: string;
  /** Character offsets in the text; null when the problem has no place (the whole document). */
  from: number | null;
  to: number | null;
  /** "line 3" for people and screen readers; null without a place. */
  where: string | null;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

const placed = (text: string, message: string, from: number, to: number): DefinitionProblem => ({
  message,
  from,
  to: Math.max(to, from + 1),
  where: `line ${lineOf(text, from)}`,
});

const unplaced = (message: string): DefinitionProblem => ({ message, from: null, to: null, where: null });

/** `steps[1].then[0].reply` as the keys of the document: [1, 'then', 0, 'reply'] (or under `steps:`). */
export function pathKeys(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  for (const match of path.matchAll(/([A-Za-z_][\w]*)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return keys;
}

/** The range of the deepest node on the path that exists (a missing `then` points at its step). */
function rangeOf(doc: Document, keys: Array<string | number>): [number, number] | null {
  for (let n = keys.length; n > 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return [node.range[0], node.range[1]];
  }
  return null;
}

/** Syntax errors as the YAML parser sees them while the person types. */
export function syntaxProblems(text: string): DefinitionProblem[] {
  const doc = parseDocument(text, { prettyErrors: false });
  return doc.errors.map((e) => placed(text, e.message.split('\n')[0], e.pos[0], e.pos[1]));
}

/**
 * The service's answer to a save (`definition is not valid: steps[1].if: ...; steps[2].reply: ...`,
 * or a YAML syntax error with its line and column), each part placed in the text.
 */
export function serverProblems(text: string, message: string): DefinitionProblem[] {
  const syntax = /YAML syntax error at line (\d+), column (\d+): (.*)$/.exec(message);
  if (syntax) {
    const lines = text.split('\n');
    const line = Math.min(Number(syntax[1]), lines.length);
    const from = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Number(syntax[2]) - 1;
    return [placed(text, `YAML syntax error: ${syntax[3]}`, from, from + 1)];
  }
  const list = /^(?:Invalid body: )?definition is not valid: (.*)$/s.exec(message);
  if (!list) return [unplaced(message.replace(/^Invalid body: /, ''))];
  const doc = parseDocument(text);
  const underSteps = !Array.isArray(doc.toJS()) && doc.has('steps');
  return list[1].split(/; (?=steps|and \d+ more)/).map((part) => {
    const at = /^(steps[^:]*): (.*)$/s.exec(part);
    if (!at) return unplaced(part);
    const keys = pathKeys(at[1]).slice(1);
    const range = rangeOf(doc, underSteps ? ['steps', ...keys] : keys);
    const message = `${at[1]}: ${at[2]}`;
    return range ? placed(text, message, range[0], range[1]) : unplaced(message);
  });
}
