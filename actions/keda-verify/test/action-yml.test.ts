// action.yml is what the runner reads: its defaults are applied before the action sees an input,
// so a default there that differs from the input spec silently changes behaviour (a prose default
// such as "the standard lookup" became a kubeconfig path that does not exist).
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inputs } from '../src/main.ts';

const here = new URL('.', import.meta.url).pathname;
const manifest = parse(readFileSync(join(here, '..', 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: string }>;
};

function specDefault(d: { default?: unknown }): string | undefined {
  if (d.default === undefined) return undefined;
  return Array.isArray(d.default) ? d.default.join(', ') : String(d.default);
}

describe('keda-verify action.yml', () => {
  test('declares exactly the inputs of the spec', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual(Object.keys(inputs).sort());
  });
  test.each(Object.entries(inputs))(
    'input %s: the runner applies the same default as the spec',
    (name, d) => {
      expect({ name, default: manifest.inputs[name]?.default }).toEqual({ name, default: specDefault(d) });
    },
  );
});
