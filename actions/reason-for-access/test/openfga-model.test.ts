/**
 * policy/openfga/model.fga: the DSL parses and validates with OpenFGA's own syntax transformer, the
 * test file names only types and relations the model has, and every assertion in model.fga.yaml
 * holds on a real OpenFGA server (the OpenFGA CLI's `fga model test`, done through the SDK).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { transformer, validator } from '@openfga/syntax-transformer';
import { describeUnless } from '../../../test/support/components.ts';
import { thrownBy } from '../../../test/support/errors.ts';
import { loadStoreFile, runStoreTests } from '../../../test/support/fga-store-tests.ts';
import { openFgaSkip, startOpenFga, type OpenFgaServer } from '../../../test/support/openfga.ts';

const modelPath = new URL('../../../policy/openfga/model.fga', import.meta.url).pathname;
const testsPath = new URL('../../../policy/openfga/model.fga.yaml', import.meta.url).pathname;
const dsl = await readFile(modelPath, 'utf8');

describe('the DSL (@openfga/syntax-transformer)', () => {
  test('model.fga is schema 1.1 and validates: users, nested teams, environment roles', () => {
    expect(() => validator.validateDSL(dsl)).not.toThrow();
    const model = transformer.transformDSLToJSONObject(dsl);
    expect(model.schema_version).toBe('1.1');
    const relations = Object.fromEntries(
      model.type_definitions.map((t) => [t.type, Object.keys(t.relations ?? {}).sort()]),
    );
    expect(relations).toEqual({
      user: [],
      team: ['member'],
      environment: ['approver', 'deployer', 'release_captain', 'suspended'],
    });
    const directly = (type: string, relation: string) =>
      model.type_definitions
        .find((t) => t.type === type)!
        .metadata!.relations![relation]!.directly_related_user_types!.map(
          (r) => `${r.type}${r.relation ? `#${r.relation}` : ''}`,
        );
    // A role is granted to people or through teams, never to a whole type (user:*).
    expect(directly('environment', 'release_captain')).toEqual(['user', 'team#member']);
    expect(directly('team', 'member')).toEqual(['user', 'team#member']);
  });

  test('the validator would catch a broken model (the check can fail)', () => {
    const typo = thrownBy(() => validator.validateDSL(dsl.replace('but not suspended', 'but not suspendd')));
    expect(String(typo)).toMatch(/the relation `suspendd` does not exist/);
    const syntax = thrownBy(() => validator.validateDSL(dsl.replace('define member:', 'define member')));
    expect(String(syntax)).toMatch(/syntax error at line=\d+/);
  });

  test('model.fga.yaml names only types and relations of the model', async () => {
    const { file } = await loadStoreFile(testsPath);
    const jsonModel = transformer.transformDSLToJSONObject(dsl);
    const validate = validator.YamlStoreValidator();
    const errorsOf = (doc: unknown) => {
      validate.call({ jsonModel }, doc);
      // Warnings ("does not match any existing tuples") are intended: outsiders must be denied.
      return (validate.errors ?? [])
        .filter((e) => e.keyword !== 'valid_store_warning')
        .map((e) => `${e.instancePath}: ${e.message}`);
    };
    expect(errorsOf(file)).toEqual([]);
    const broken = structuredClone(file);
    broken.tests[0]!.check![0]!.assertions['captain'] = true;
    expect(errorsOf(broken)).toEqual([
      '/tests/0/check/0/assertions/captain: `captain` is not a relationship for type `environment`.',
    ]);
  });
});

describeUnless(openFgaSkip())('model.fga.yaml on a real OpenFGA server', () => {
  let server: OpenFgaServer;
  beforeAll(async () => {
    server = await startOpenFga();
  }, 30_000);
  afterAll(async () => server?.stop());

  test('every assertion holds: direct, team-derived (nested) and denied cases', async () => {
    const { file, dsl: model } = await loadStoreFile(testsPath);
    const report = await runStoreTests(server, file, model);
    expect(report.failures).toEqual([]);
    expect(report.assertions).toBeGreaterThanOrEqual(30);
  });

  test('the runner reports a wrong expectation (a suspended captain expected to pass)', async () => {
    const { file, dsl: model } = await loadStoreFile(testsPath);
    const wrong = structuredClone(file);
    const denied = wrong.tests.find((t) => t.name.startsWith('outsiders'))!;
    denied.check![0]!.assertions['release_captain'] = true;
    denied.list_objects![0]!.assertions['release_captain'] = ['environment:prod'];
    const report = await runStoreTests(server, { ...wrong, tests: [denied] }, model);
    expect(report.failures).toEqual([
      `${denied.name}: check user:octocat release_captain environment:prod: expected true, got false`,
      `${denied.name}: list_objects user:octocat release_captain environment: expected [environment:prod], got []`,
    ]);
  });
});
