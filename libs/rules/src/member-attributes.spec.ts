import { ATTRIBUTE_LIMITS, attributesProblem, mergeAttributes } from './member-attributes';

describe('attributesProblem', () => {
  it.each([
    [{}],
    [{ appointment_at: '2026-12-01T10:00:00Z' }],
    [{ _x: 1, Plan: 'gold', visits: 3, vip: true, tags: ['a', 'b'], clinic: { city: 'Lyon' } }],
    [{ cleared: null }],
  ])('accepts %j', (attributes) => {
    expect(attributesProblem(attributes)).toBeNull();
  });

  it.each([
    [{ 'appointment-at': 'x' }, '"appointment-at": a key starts with a letter'],
    [{ '1st': 'x' }, '"1st": a key starts'],
    [{ 'a b': 'x' }, '"a b": a key starts'],
    [{ in: 'x' }, '"in": a CEL word'],
    [{ ['k'.repeat(65)]: 1 }, 'at most 64 characters'],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])), 'at most 50 attributes, not 51'],
    [{ notes: 'x'.repeat(ATTRIBUTE_LIMITS.maxBytes) }, 'at most 8192 bytes'],
    [{ deep: { a: { b: { c: { d: { e: 1 } } } } } }, '"deep": nested deeper than 4'],
  ])('refuses %j', (attributes, reason) => {
    expect(attributesProblem(attributes)).toContain(reason);
  });
});

describe('mergeAttributes', () => {
  it('sets named keys, removes keys set to null, keeps the rest', () => {
    expect(mergeAttributes({ a: 1, b: 'x', c: true }, { b: null, c: false, d: 'new' })).toEqual({
      a: 1,
      c: false,
      d: 'new',
    });
  });
});
