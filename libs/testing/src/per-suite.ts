/**
 * A test resource for the tests of one describe block: `start` runs before them (beforeAll) and
 * `stop` after (afterAll; only if it started). Answers at once a stand-in of the resource's class
 * that the started resource's fields are copied onto, so a spec declares it as a `const`; read it
 * inside tests and hooks, never at describe time.
 */
export function perSuite<C extends object, T extends C>(
  type: { prototype: C },
  start: () => Promise<T>,
  stop: (started: T) => Promise<void>,
): T {
  const suite = Object.create(type.prototype) as T;
  let started = false;
  beforeAll(async () => {
    Object.assign(suite, await start());
    started = true;
  });
  afterAll(async () => {
    if (started) await stop(suite);
  });
  return suite;
}
