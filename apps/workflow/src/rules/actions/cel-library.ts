import * as nodeModule from 'node:module';

export type CelLibrary = typeof import('@marcbachmann/cel-js');

/**
 * Loads @marcbachmann/cel-js, which ships as ESM only. Node 20.19+ requires it directly; jest's
 * module loader cannot (it refuses require(esm) before Node 24), so under jest it goes through
 * Node's own loader. Drop this once the jest preset transforms the package.
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
