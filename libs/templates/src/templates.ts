import Handlebars from 'handlebars';

/**
 * Message templates: Handlebars that renders plain text. Message text is never HTML, so nothing
 * is escaped (`&` stays `&`). Only operator-written sources are ever compiled; whatever a member
 * wrote reaches a template as data in the context, and Handlebars never evaluates data.
 */
const handlebars = Handlebars.create();

/**
 * The helpers a template may call; a template calling anything else is refused when saved. Of
 * Handlebars' own, `log` is removed: it printed its arguments (phones, bodies) straight to the
 * console, past the log masking. A template calling it, even one saved before, renders nothing.
 */
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup']);
for (const name of Object.keys(handlebars.helpers)) {
  if (!BUILT_IN_HELPERS.has(name) && name !== 'helperMissing' && name !== 'blockHelperMissing')
    handlebars.unregisterHelper(name);
}
// Nothing in a template reaches the console, whatever Handlebars' own logging does.
handlebars.log = () => undefined;

const CACHE_LIMIT = 1000;
const cache = new Map<string, HandlebarsTemplateDelegate>();

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

function compile(source: string): HandlebarsTemplateDelegate {
  const hit = cache.get(source);
  if (hit) return hit;
  const template = handlebars.compile(source, { noEscape: true, strict: false, knownHelpersOnly: false });
  // Oldest out first: a busy service keeps its few templates, a flood of one-offs cannot grow memory.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, template);
  return template;
}

/** Renders an operator's template over plain data. Missing fields render as nothing. */
export function renderTemplate(source: string, context: Record<string, unknown>): string {
  try {
    return compile(source)(context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    throw new TemplateError(`template could not be rendered: ${firstLine(error)}`);
  }
}

/**
 * Checks a template when it is saved: syntax, partials (none exist), helpers (only the built-in
 * ones). Returns a message that says where the problem is, or null when the template is fine.
 */
export function validateTemplate(source: string): string | null {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (error) {
    return describeParseError(error);
  }
  const problem = findUnsupported(ast);
  if (problem) return problem;
  try {
    handlebars.precompile(source, { noEscape: true });
  } catch (error) {
    return `template error: ${firstLine(error)}`;
  }
  return null;
}

type Node = hbs.AST.Node & Record<string, unknown>;

function findUnsupported(root: hbs.AST.Node): string | null {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') continue;
    const n = node as Node;
    const where = n.loc ? ` at line ${n.loc.start.line}, column ${n.loc.start.column + 1}` : '';
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement')
      return `template error${where}: partials ({{> ...}}) are not supported`;
    if (n.type === 'Decorator' || n.type === 'DecoratorBlock')
      return `template error${where}: decorators are not supported`;
    if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
      const path = n.path as hbs.AST.PathExpression | undefined;
      const params = (n.params as unknown[] | undefined) ?? [];
      const hash = n.hash as hbs.AST.Hash | undefined;
      const isCall = params.length > 0 || (hash?.pairs.length ?? 0) > 0 || n.type === 'SubExpression';
      if (isCall && path?.type === 'PathExpression' && !BUILT_IN_HELPERS.has(path.original)) {
        return `template error${where}: unknown helper "${path.original}" (known: ${[...BUILT_IN_HELPERS].join(', ')})`;
      }
    }
    for (const value of Object.values(n))
      if (value && typeof value === 'object' && value !== n.loc) stack.push(value);
  }
  return null;
}

/** Handlebars reports `Parse error on line 2:\n<excerpt>\n----^\nExpecting ...`: keep the useful parts. */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n');
  const line = /line (\d+)/.exec(lines[0] ?? '')?.[1];
  const excerpt = lines[1]?.trim();
  const expected = lines.slice(3).join(' ').trim();
  if (!line) return `template syntax error: ${lines[0]}`;
  return `template syntax error on line ${line}${excerpt ? ` near "${excerpt}"` : ''}: ${expected ? lowerFirst(expected) : lines[0]}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
