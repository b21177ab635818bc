/**
 * Member attributes: a flat JSON object of a workspace's own data about a member (an appointment
 * time, a plan, a clinic), read by templates (`{{member.attributes.appointment_at}}`) and CEL
 * (`member.attributes.appointment_at`). Keys are identifiers so CEL can name them; values are
 * JSON (strings, numbers, booleans, lists, objects); the whole is bounded.
 */
export const ATTRIBUTE_LIMITS = {
  maxKeys: 50,
  maxKeyLength: 64,
  /** The JSON text of all attributes together, in bytes (UTF-8). */
  maxBytes: 8_192,
  maxDepth: 4,
} as const;

/** A letter or underscore, then letters, digits or underscores: what CEL's `a.b` syntax accepts. */
export const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** CEL words a key may not be (`member.attributes.in` does not parse). */
const RESERVED = new Set([
  'as',
  'break',
  'const',
  'continue',
  'else',
  'false',
  'for',
  'function',
  'if',
  'import',
  'in',
  'let',
  'loop',
  'package',
  'namespace',
  'null',
  'return',
  'true',
  'var',
  'void',
  'while',
]);

/** JSON values under identifier keys (validated by attributesProblem). */
export type MemberAttributes = Record<string, unknown>;

/** Why these attributes are refused (one sentence naming the key), or null when they are fine. */
export function attributesProblem(attributes: Record<string, unknown>): string | null {
  const keys = Object.keys(attributes);
  if (keys.length > ATTRIBUTE_LIMITS.maxKeys)
    return `at most ${ATTRIBUTE_LIMITS.maxKeys} attributes, not ${keys.length}.`;
  for (const key of keys) {
    if (key.length > ATTRIBUTE_LIMITS.maxKeyLength)
      return `"${key.slice(0, 20)}…": a key has at most ${ATTRIBUTE_LIMITS.maxKeyLength} characters.`;
    if (!ATTRIBUTE_KEY.test(key))
      return `"${key}": a key starts with a letter or _ and has only letters, digits and _ (e.g. appointment_at).`;
    if (RESERVED.has(key)) return `"${key}": a CEL word cannot be a key.`;
    const depth = depthOf(attributes[key]);
    if (depth > ATTRIBUTE_LIMITS.maxDepth)
      return `"${key}": nested deeper than ${ATTRIBUTE_LIMITS.maxDepth} levels.`;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(attributes)).length;
  if (bytes > ATTRIBUTE_LIMITS.maxBytes)
    return `at most ${ATTRIBUTE_LIMITS.maxBytes} bytes of JSON together, not ${bytes}.`;
  return null;
}

/**
 * A patch applied to stored attributes: a key set to null is removed, any other key is set,
 * keys not named stay as they were.
 */
export function mergeAttributes(current: MemberAttributes, patch: Record<string, unknown>): MemberAttributes {
  const next: MemberAttributes = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}
