import * as nodeModule from 'node:module';

export type CelLibrary = typeof import('@marcbachmann/cel-js');

/**
 * @marcbachmann/cel-js ships only ES modules. Node (20.19+) requires it directly; jest's module
 * loader cannot (suites that start this service in-process, e.g. apps/e2e, run under it), so
 * there it is loaded through Node's own loader.
 */
function loadCel(): CelLibrary {
  const request = '@marcbachmann/cel-js';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(request) as CelLibrary;
  } catch {
    const loader = nodeModule as unknown as { Module: { _load(path: string, parent: null, isMain: boolean): unknown } };
    return loader.Module._load(require.resolve(request), null, false) as CelLibrary;
  }
}

export const cel: CelLibrary = loadCel();
