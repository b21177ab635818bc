/**
 * A static estimate of what evaluating a CEL expression can cost, in steps (one per AST node
 * visited), so an expression that could hold the event loop is refused when it is saved.
 *
 * @marcbachmann/cel-js limits only the shape of an expression when it parses (nodes, depth,
 * literal sizes), not the work it does: `[1..20].exists(a, [1..20].exists(b, ...))` is small
 * but runs its body 20 × 20 times. This walks the parsed AST the library exposes (`parse().ast`,
 * macros expanded to `comprehension` nodes) and multiplies a loop body by the size of what it
 * loops over: a list or map literal's length, the size of the list a `map`/`filter` built, and
 * `assumedListSize` for anything read from data (event fields, `split()` results, loop variables).
 */

/** The shape of the library's AST nodes that the estimate reads. */
interface Node {
  op: string;
  args: unknown;
  meta?: { alternate?: Node };
}

interface Comprehension {
  iterable: Node;
  init?: Node;
  condition?: Node;
  step?: Node;
}

export interface CostOptions {
  /** Elements assumed in a list or map whose size is only known at run time. */
  assumedListSize: number;
}

/** Extra steps for a call whose work grows with its input (regular expressions, splitting). */
const HEAVY_CALLS: Record<string, number> = { matches: 50, split: 20, join: 20 };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).op === 'string';

export function estimateCost(ast: unknown, options: CostOptions): number {
  return cost(ast as Node, options).steps;
}

interface Estimate {
  steps: number;
  /** How many elements the value has when it is a list or map, when that is known. */
  size?: number;
}

function cost(node: Node, options: CostOptions): Estimate {
  const alternate = node.meta?.alternate;
  if (alternate) return cost(alternate, options);
  if (node.op === 'comprehension') return comprehension(node.args as Comprehension, options);
  let steps = 1;
  for (const child of children(node.args)) steps = saturate(steps + cost(child, options).steps);
  if (node.op === 'call' || node.op === 'rcall') {
    const name = (node.args as unknown[])[0];
    if (typeof name === 'string') steps = saturate(steps + (HEAVY_CALLS[name] ?? 0));
  }
  if (node.op === 'list') return { steps, size: (node.args as unknown[]).length };
  if (node.op === 'map') return { steps, size: (node.args as unknown[]).length };
  return { steps };
}

function comprehension(args: Comprehension, options: CostOptions): Estimate {
  const range = cost(args.iterable, options);
  const size = range.size ?? options.assumedListSize;
  let body = 1;
  for (const part of [args.condition, args.step]) if (part) body = saturate(body + cost(part, options).steps);
  const init = args.init ? cost(args.init, options).steps : 0;
  // map() and filter() build a list at most as long as the one they loop over.
  return { steps: saturate(range.steps + init + size * body), size };
}

/** Every AST node among a node's arguments (arrays of nodes, map entries as [key, value] pairs). */
function* children(args: unknown): Generator<Node> {
  if (isNode(args)) yield args;
  else if (Array.isArray(args)) for (const item of args) yield* children(item);
}

/** Costs past this are all the same "far too much" (and stay exact integers). */
const CEILING = Number.MAX_SAFE_INTEGER;
const saturate = (n: number) => (n > CEILING ? CEILING : n);
