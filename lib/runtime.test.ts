import { expect, test } from '@jest/globals';
import { defineAction } from './action.ts';
import { execute, type Sink } from './runtime.ts';
import type { Annotation } from './report/types.ts';

function recording(): { sink: Sink; annotations: Annotation[] } {
  const annotations: Annotation[] = [];
  return {
    annotations,
    sink: {
      info() {},
      debug() {},
      annotate: (a) => annotations.push(a),
      setOutput() {},
      writeSummary: async () => {},
      fail() {},
    },
  };
}

test('annotations go out errors first, then warnings, then notices, in the action order within a level', async () => {
  const given: Annotation[] = [
    { level: 'notice', message: 'n1' },
    { level: 'warning', message: 'w1', file: 'a.sql', line: 3 },
    { level: 'error', message: 'e1', file: 'b.sql', line: 1 },
    { level: 'warning', message: 'w2' },
    { level: 'notice', message: 'n2' },
    { level: 'error', message: 'e2' },
  ];
  const { sink, annotations } = recording();
  const { exitCode } = await execute(
    defineAction({
      name: 'ordering',
      inputs: {},
      run: async () => ({ outputs: {}, annotations: given, summary: '' }),
    }),
    () => '',
    sink,
    { env: { GITHUB_WORKSPACE: process.cwd() } },
  );
  expect(exitCode).toBe(0);
  expect(annotations.map((a) => a.message)).toStrictEqual(['e1', 'e2', 'w1', 'w2', 'n1', 'n2']);
  // the action's own list is not reordered in place (its result is returned to the caller as given)
  expect(given.map((a) => a.message)).toStrictEqual(['n1', 'w1', 'e1', 'w2', 'n2', 'e2']);
});
