export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Most values (objects, arrays and the elements and members in them) in one body: parsing many small values is what costs time. */
  maxValues: number;
}

/**
 * Why a JSON text is refused before it is parsed, or null: one pass over the bytes counting the
 * nesting and the values (each object and array, and each comma between elements or members;
 * brackets and commas inside strings do not count). Malformed text is left to the parser.
 */
export function jsonShapeProblem(body: Buffer, limits: JsonShapeLimits): string | null {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return `is nested deeper than ${limits.maxDepth} levels`;
      if (++values > limits.maxValues) return `has more than ${limits.maxValues} values`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++values > limits.maxValues) return `has more than ${limits.maxValues} values`;
  }
  return null;
}
