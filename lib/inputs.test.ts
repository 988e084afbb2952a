import { expect, test } from '@jest/globals';
import { thrownBy } from '../test/support/errors.ts';

import { bool, InputError, InputErrors, int, list, oneOf, readInputs, size, str } from './inputs.ts';

const spec = {
  catalog: str({ default: 'db/catalog/migrations.yaml' }),
  'fail-on': oneOf(['error', 'warning'] as const, { default: 'error' }),
  'prove-backout': bool({ default: true }),
  retries: int({ min: 0, max: 10, default: 3 }),
  paths: list(),
  'max-file-size': size({ default: 1024 }),
  reason: str({ required: true }),
};

const from = (values: Record<string, string>) => (name: string) => values[name];

test('reads typed values with camelCase names and defaults', () => {
  const inputs = readInputs(
    spec,
    from({
      reason: 'INC-1 fix',
      paths: 'a, b\n# comment\nc',
      'max-file-size': '10M',
      'prove-backout': 'False',
    }),
  );
  expect(inputs.catalog).toBe('db/catalog/migrations.yaml');
  expect(inputs.failOn).toBe('error');
  expect(inputs.proveBackout).toBe(false);
  expect(inputs.retries).toBe(3);
  expect(inputs.paths).toStrictEqual(['a', 'b', 'c']);
  expect(inputs.maxFileSize).toBe(10 * 1024 * 1024);
  expect(inputs.reason).toBe('INC-1 fix');
});

test('a missing required input names it and what is expected', () => {
  expect(
    ((e: unknown) =>
      e instanceof InputError &&
      e.message === "Input 'reason': is required but was not given; expected a non-empty string")(
      thrownBy(() => readInputs(spec, from({}))),
    ),
  ).toBe(true);
  expect(() => readInputs(spec, from({ reason: '   ' }))).toThrow(/Input 'reason': is required/);
});

test('each invalid kind has its own message', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [
      { 'fail-on': 'fatal' },
      /^InputError: Input 'fail-on': 'fatal' is not one of the choices; expected one of 'error', 'warning'$/,
    ],
    [
      { 'prove-backout': 'yes' },
      /^InputError: Input 'prove-backout': 'yes' is not a boolean; expected true or false$/,
    ],
    [
      { retries: '2.5' },
      /^InputError: Input 'retries': '2.5' is not an integer; expected an integer from 0 to 10$/,
    ],
    [
      { retries: '11' },
      /^InputError: Input 'retries': 11 is out of range; expected an integer from 0 to 10$/,
    ],
    [
      { 'max-file-size': '10 parsecs' },
      /^InputError: Input 'max-file-size': '10 parsecs' is not a size; expected a byte count/,
    ],
  ];
  for (const [values, expected] of cases)
    expect(String(thrownBy(() => readInputs(spec, from({ reason: 'r', ...values }))))).toMatch(expected);
});

test('all problems are reported together', () => {
  const error = thrownBy(() => readInputs(spec, from({ 'fail-on': 'x', retries: 'y' })));
  expect(error).toBeInstanceOf(InputErrors);
  expect((error as InputErrors).errors).toHaveLength(3);
  expect((error as InputErrors).message).toMatch(/fail-on[\s\S]*retries[\s\S]*reason/);
});

test('a secret input that fails its pattern is not echoed', () => {
  const secretSpec = { token: str({ secret: true, pattern: /^gh/, patternHint: 'a GitHub token' }) };
  expect(
    ((e: unknown) =>
      e instanceof Error && !e.message.includes('hunter2') && /expected a GitHub token/.test(e.message))(
      thrownBy(() => readInputs(secretSpec, from({ token: 'hunter2-value' }))),
    ),
  ).toBe(true);
});

test('types: inputs with a default or required are always present, others optional (checked by npm run typecheck)', () => {
  const typed = readInputs(
    { a: str({ default: 'x' }), b: str(), c: bool({ default: true }), e: str({ required: true }) },
    from({ e: 'v' }),
  );
  const a: string = typed.a;
  const c: boolean = typed.c;
  const e: string = typed.e;
  // @ts-expect-error b has no default and is not required
  const b: string = typed.b;
  expect([a, b, c, e]).toStrictEqual(['x', undefined, true, 'v']);
});
