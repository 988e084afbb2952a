/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk parsed JSON/YAML manifests by shape; a typed model of Grafana/Istio would add nothing here */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it, test } from 'node:test';
import YAML from 'yaml';
import { builtInRulePackSpec } from '../../dlp/pack.ts';
import { scanText } from '../../dlp/scan.ts';
import type { RulePackSpec } from '../../dlp/types.ts';
import {
  DEFAULT_OPTIONS,
  ENVOY_FILTER_PATH,
  IngressGenerationError,
  RECORDING_RULES_PATH,
  REPO_ROOT,
  TEMPLATE_PATH,
  extractLua,
  ingressRules,
  luaRuleIds,
  renderAll,
  renderEnvoyFilter,
  renderLua,
  staleFiles,
} from '../generate.ts';
import { luajitSkip, runFilter } from './luajit.ts';

const committedYaml = readFileSync(ENVOY_FILTER_PATH, 'utf8');
const committedLua = extractLua(committedYaml, 'infra/k8s/gateway/dlp-envoyfilter.yaml');

function packWith(mutate: (pack: RulePackSpec) => void): RulePackSpec {
  const pack = builtInRulePackSpec();
  mutate(pack);
  return pack;
}

describe('generated files are fresh', () => {
  it('the committed EnvoyFilter and recording rules equal what the generator renders now', () => {
    assert.deepEqual(
      staleFiles(),
      [],
      'run `npx node lib/dlp-ingress/generate.ts --write` and commit the result',
    );
  });
  it('reports a committed file that differs or is missing', () => {
    const rendered = renderAll();
    const edited = staleFiles(rendered, (path) =>
      path === ENVOY_FILTER_PATH ? committedYaml.replace('us-ssn', 'us-ssn ') : readFileSync(path, 'utf8'),
    );
    assert.deepEqual(edited, [relative(REPO_ROOT, ENVOY_FILTER_PATH)]);
    assert.deepEqual(
      staleFiles(rendered, () => undefined).sort(),
      [ENVOY_FILTER_PATH, RECORDING_RULES_PATH].map((p) => relative(REPO_ROOT, p)).sort(),
    );
  });
  it('a change in the rule pack changes the rendering (the Lua is generated, not copied)', () => {
    const renamed = packWith((p) => {
      p.rules.find((r) => r.id === 'us-ssn')!.id = 'ssn-us';
    });
    assert.notEqual(renderEnvoyFilter(renamed), committedYaml);
    assert.deepEqual(luaRuleIds(renderLua(renamed)), ['ssn-us', 'payment-card']);
  });
});

describe('rule ids the Lua can report', () => {
  const pack = builtInRulePackSpec();
  const ids = luaRuleIds(committedLua);
  it('every id exists in lib/dlp/rules.json, enabled and tagged pii', () => {
    assert.ok(ids.length >= 2, `the Lua reports ${ids.length} rules`);
    for (const id of ids) {
      const rule = pack.rules.find((r) => r.id === id);
      assert.ok(rule, `${id}: not in lib/dlp/rules.json`);
      assert.ok(rule.tags.includes('pii'), `${id}: not tagged pii`);
      assert.ok(!rule.disabled, `${id}: disabled in the pack`);
    }
  });
  it('covers the SSN and payment-card rules, in pack order', () => {
    assert.deepEqual(ids, ['us-ssn', 'payment-card']);
    const order = ids.map((id) => pack.rules.findIndex((r) => r.id === id));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  });
  it('the EnvoyFilter annotation lists the same ids', () => {
    const manifest = YAML.parse(committedYaml);
    assert.equal(manifest.metadata.annotations['summit-ops/dlp-rules'], ids.join(','));
  });
  it('the ids the Lua actually emits at run time are among them', { skip: luajitSkip() }, () => {
    const src = committedLua.replace(
      /\nfunction envoy_on_request/,
      '\nfunction __ids() local t = {} for _, r in ipairs(RULES) do t[#t + 1] = r.id end return t end\nfunction envoy_on_request',
    );
    const probe =
      src +
      '\nlocal real = envoy_on_request\nfunction envoy_on_request(h) h:logInfo("ids=" .. table.concat(__ids(), ",")) return real(h) end\n';
    const [o] = runFilter(probe, [{ body: 'x' }]);
    assert.equal(o!.logs[0]!.msg, `ids=${ids.join(',')}`);
  });
});

describe('generator refuses a pack the Lua does not implement', () => {
  it('names the rule and field when an ingress rule regex drifted', () => {
    const drifted = packWith((p) => {
      const r = p.rules.find((x) => x.id === 'payment-card')!;
      r.regex = r.regex.replace('13,19', '12,19');
    });
    assert.throws(
      () => ingressRules(drifted),
      (e: unknown) =>
        e instanceof IngressGenerationError &&
        /rules\[\d+\] 'payment-card': field 'regex'/.test(e.message) &&
        /filter\.lua/.test(e.message),
    );
  });
  it('fails when the pack lost the rule behind a detector', () => {
    const without = packWith((p) => {
      p.rules = p.rules.filter((x) => x.id !== 'us-ssn');
    });
    assert.throws(() => renderLua(without), /no enabled rule tagged 'pii' with validator 'ssn'/);
    const disabled = packWith((p) => {
      p.rules.find((x) => x.id === 'us-ssn')!.disabled = true;
    });
    assert.throws(() => renderLua(disabled), /validator 'ssn'/);
  });
  it('ignores a card rule that is no longer tagged pii (so it cannot be reported)', () => {
    const untagged = packWith((p) => {
      p.rules.find((x) => x.id === 'payment-card')!.tags = ['pci'];
    });
    assert.throws(() => renderLua(untagged), /validator 'payment-card'/);
  });
  it('rejects out-of-range limits and template placeholders it does not know', () => {
    assert.throws(() => renderLua(undefined, { ...DEFAULT_OPTIONS, maxBodyBytes: 10 }), /maxBodyBytes/);
    assert.throws(
      () => renderLua(undefined, DEFAULT_OPTIONS, '@@MAX_BODY_BYTES@@ @@NOPE@@'),
      /unknown placeholder @@NOPE@@/,
    );
    assert.throws(
      () => renderLua(undefined, DEFAULT_OPTIONS, '@@MAX_BODY_BYTES@@'),
      /placeholder @@[A-Z_]+@@ is missing/,
    );
  });
  it('extractLua says what is missing from a manifest', () => {
    assert.throws(
      () => extractLua('kind: EnvoyFilter\n', 'x.yaml'),
      /x\.yaml: spec\.configPatches is missing/,
    );
    assert.throws(
      () => extractLua('spec:\n  configPatches:\n    - patch: {value: {name: other}}\n', 'x.yaml'),
      /no configPatch inserts envoy\.filters\.http\.lua/,
    );
  });
});

describe('the EnvoyFilter manifest', () => {
  const manifest = YAML.parse(committedYaml);
  const patches = manifest.spec.configPatches as Array<{ applyTo: string; match: any; patch: any }>;
  it('is an Istio EnvoyFilter for the ingress gateway', () => {
    assert.equal(manifest.apiVersion, 'networking.istio.io/v1alpha3');
    assert.equal(manifest.kind, 'EnvoyFilter');
    assert.deepEqual(manifest.spec.workloadSelector, { labels: { istio: 'ingressgateway' } });
    for (const p of patches) assert.equal(p.match.context, 'GATEWAY');
  });
  it('inserts the Lua HTTP filter before the router of the HTTP connection manager', () => {
    const http = patches.find((p) => p.applyTo === 'HTTP_FILTER')!;
    assert.equal(http.patch.operation, 'INSERT_BEFORE');
    assert.equal(
      http.match.listener.filterChain.filter.name,
      'envoy.filters.network.http_connection_manager',
    );
    assert.equal(http.match.listener.filterChain.filter.subFilter.name, 'envoy.filters.http.router');
    assert.equal(http.patch.value.name, 'envoy.filters.http.lua');
    assert.equal(
      http.patch.value.typed_config['@type'],
      'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
    );
  });
  it('sets the gateway buffer limit to the Lua scan limit, and Envoy own 413 says what the Lua says', () => {
    const luaLimit = Number(/local MAX_BODY_BYTES = (\d+)/.exec(committedLua)?.[1]);
    const listener = patches.find((p) => p.applyTo === 'LISTENER')!;
    assert.equal(listener.patch.value.per_connection_buffer_limit_bytes, luaLimit);
    const hcm = patches.find((p) => p.applyTo === 'NETWORK_FILTER')!;
    const [mapper] = hcm.patch.value.typed_config.local_reply_config.mappers;
    assert.equal(mapper.filter.status_code_filter.comparison.value.default_value, 413);
    const luaBody = /'(\{"error":"dlp_body_too_large","limit_bytes":)' \.\. MAX_BODY_BYTES \.\. "\}"/.exec(
      committedLua,
    );
    assert.ok(luaBody, 'the Lua 413 body is where the test expects it');
    assert.deepEqual(mapper.body_format_override.json_format, JSON.parse(`${luaBody[1]}${luaLimit}}`));
    assert.ok(
      mapper.headers_to_add.some(
        (h: any) => h.header.key === 'x-dlp-verdict' && h.header.value === 'too_large',
      ),
    );
  });
  it('the Lua in the manifest uses no {n} quantifier (Lua patterns have none)', () => {
    assert.doesNotMatch(committedLua, /%d\{\d/);
    assert.doesNotMatch(committedLua, /\[0-9\]\{/);
  });
  it('the template is what the manifest embeds, placeholders filled', () => {
    const template = readFileSync(TEMPLATE_PATH, 'utf8');
    assert.match(template, /@@RULES@@/);
    assert.doesNotMatch(committedLua, /@@[A-Z_]+@@/);
  });
  it('holds nothing the repo DLP scan would flag (dogfood)', () => {
    for (const path of [ENVOY_FILTER_PATH, RECORDING_RULES_PATH, TEMPLATE_PATH]) {
      const findings = scanText(readFileSync(path, 'utf8'), { path: relative(REPO_ROOT, path) });
      assert.deepEqual(
        findings.map((f) => `${f.ruleId}@${f.line}`),
        [],
        relative(REPO_ROOT, path),
      );
    }
  });
});

test('LuaJIT tests skip on a developer machine without luajit, but fail in CI (CI=true)', () => {
  assert.equal(luajitSkip({}, true), false);
  assert.equal(luajitSkip({ CI: 'true' }, true), false);
  assert.match(String(luajitSkip({}, false)), /luajit is not installed/);
  assert.throws(() => luajitSkip({ CI: 'true' }, false), /CI=true but luajit is not installed/);
});
