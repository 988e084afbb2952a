/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk parsed JSON/YAML manifests by shape; a typed model of Grafana/Istio would add nothing here */

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { testUnless } from '../../../test/support/components.ts';
import { thrownBy } from '../../../test/support/errors.ts';
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
    expect(staleFiles()).toStrictEqual([]);
  });
  it('reports a committed file that differs or is missing', () => {
    const rendered = renderAll();
    const edited = staleFiles(rendered, (path) =>
      path === ENVOY_FILTER_PATH ? committedYaml.replace('us-ssn', 'us-ssn ') : readFileSync(path, 'utf8'),
    );
    expect(edited).toStrictEqual([relative(REPO_ROOT, ENVOY_FILTER_PATH)]);
    expect(staleFiles(rendered, () => undefined).sort()).toStrictEqual(
      [ENVOY_FILTER_PATH, RECORDING_RULES_PATH].map((p) => relative(REPO_ROOT, p)).sort(),
    );
  });
  it('a change in the rule pack changes the rendering (the Lua is generated, not copied)', () => {
    const renamed = packWith((p) => {
      p.rules.find((r) => r.id === 'us-ssn')!.id = 'ssn-us';
    });
    expect(renderEnvoyFilter(renamed)).not.toBe(committedYaml);
    expect(luaRuleIds(renderLua(renamed))).toStrictEqual(['ssn-us', 'payment-card']);
  });
});

describe('rule ids the Lua can report', () => {
  const pack = builtInRulePackSpec();
  const ids = luaRuleIds(committedLua);
  it('every id exists in lib/dlp/rules.json, enabled and tagged pii', () => {
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) {
      const rule = pack.rules.find((r) => r.id === id);
      expectTruthy(rule);
      expectTruthy(rule.tags.includes('pii'));
      expect(!rule.disabled).toBeTruthy();
    }
  });
  it('covers the SSN and payment-card rules, in pack order', () => {
    expect(ids).toStrictEqual(['us-ssn', 'payment-card']);
    const order = ids.map((id) => pack.rules.findIndex((r) => r.id === id));
    expect(order).toStrictEqual([...order].sort((a, b) => a - b));
  });
  it('the EnvoyFilter annotation lists the same ids', () => {
    const manifest = YAML.parse(committedYaml);
    expect(manifest.metadata.annotations['summit-ops/dlp-rules']).toBe(ids.join(','));
  });
  testUnless(luajitSkip())('the ids the Lua actually emits at run time are among them', async () => {
    const src = committedLua.replace(
      /\nfunction envoy_on_request/,
      '\nfunction __ids() local t = {} for _, r in ipairs(RULES) do t[#t + 1] = r.id end return t end\nfunction envoy_on_request',
    );
    const probe =
      src +
      '\nlocal real = envoy_on_request\nfunction envoy_on_request(h) h:logInfo("ids=" .. table.concat(__ids(), ",")) return real(h) end\n';
    const [o] = await runFilter(probe, [{ body: 'x' }]);
    expect(o!.logs[0]!.msg).toBe(`ids=${ids.join(',')}`);
  });
});

describe('generator refuses a pack the Lua does not implement', () => {
  it('names the rule and field when an ingress rule regex drifted', () => {
    const drifted = packWith((p) => {
      const r = p.rules.find((x) => x.id === 'payment-card')!;
      r.regex = r.regex.replace('13,19', '12,19');
    });
    expect(
      ((e: unknown) =>
        e instanceof IngressGenerationError &&
        /rules\[\d+\] 'payment-card': field 'regex'/.test(e.message) &&
        /filter\.lua/.test(e.message))(thrownBy(() => ingressRules(drifted))),
    ).toBe(true);
  });
  it('fails when the pack lost the rule behind a detector', () => {
    const without = packWith((p) => {
      p.rules = p.rules.filter((x) => x.id !== 'us-ssn');
    });
    expect(() => renderLua(without)).toThrow(/no enabled rule tagged 'pii' with validator 'ssn'/);
    const disabled = packWith((p) => {
      p.rules.find((x) => x.id === 'us-ssn')!.disabled = true;
    });
    expect(() => renderLua(disabled)).toThrow(/validator 'ssn'/);
  });
  it('ignores a card rule that is no longer tagged pii (so it cannot be reported)', () => {
    const untagged = packWith((p) => {
      p.rules.find((x) => x.id === 'payment-card')!.tags = ['pci'];
    });
    expect(() => renderLua(untagged)).toThrow(/validator 'payment-card'/);
  });
  it('rejects out-of-range limits and template placeholders it does not know', () => {
    expect(() => renderLua(undefined, { ...DEFAULT_OPTIONS, maxBodyBytes: 10 })).toThrow(/maxBodyBytes/);
    expect(() => renderLua(undefined, DEFAULT_OPTIONS, '@@MAX_BODY_BYTES@@ @@NOPE@@')).toThrow(
      /unknown placeholder @@NOPE@@/,
    );
    expect(() => renderLua(undefined, DEFAULT_OPTIONS, '@@MAX_BODY_BYTES@@')).toThrow(
      /placeholder @@[A-Z_]+@@ is missing/,
    );
  });
  it('extractLua says what is missing from a manifest', () => {
    expect(() => extractLua('kind: EnvoyFilter\n', 'x.yaml')).toThrow(
      /x\.yaml: spec\.configPatches is missing/,
    );
    expect(() =>
      extractLua('spec:\n  configPatches:\n    - patch: {value: {name: other}}\n', 'x.yaml'),
    ).toThrow(/no configPatch inserts envoy\.filters\.http\.lua/);
  });
});

describe('the EnvoyFilter manifest', () => {
  const manifest = YAML.parse(committedYaml);
  const patches = manifest.spec.configPatches as Array<{ applyTo: string; match: any; patch: any }>;
  it('is an Istio EnvoyFilter for the ingress gateway', () => {
    expect(manifest.apiVersion).toBe('networking.istio.io/v1alpha3');
    expect(manifest.kind).toBe('EnvoyFilter');
    expect(manifest.spec.workloadSelector).toStrictEqual({ labels: { istio: 'ingressgateway' } });
    for (const p of patches) expect(p.match.context).toBe('GATEWAY');
  });
  it('inserts the Lua HTTP filter before the router of the HTTP connection manager', () => {
    const http = patches.find((p) => p.applyTo === 'HTTP_FILTER')!;
    expect(http.patch.operation).toBe('INSERT_BEFORE');
    expect(http.match.listener.filterChain.filter.name).toBe('envoy.filters.network.http_connection_manager');
    expect(http.match.listener.filterChain.filter.subFilter.name).toBe('envoy.filters.http.router');
    expect(http.patch.value.name).toBe('envoy.filters.http.lua');
    expect(http.patch.value.typed_config['@type']).toBe(
      'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
    );
  });
  it('sets the gateway buffer limit to the Lua scan limit, and Envoy own 413 says what the Lua says', () => {
    const luaLimit = Number(/local MAX_BODY_BYTES = (\d+)/.exec(committedLua)?.[1]);
    const listener = patches.find((p) => p.applyTo === 'LISTENER')!;
    expect(listener.patch.value.per_connection_buffer_limit_bytes).toBe(luaLimit);
    const hcm = patches.find((p) => p.applyTo === 'NETWORK_FILTER')!;
    const [mapper] = hcm.patch.value.typed_config.local_reply_config.mappers;
    expect(mapper.filter.status_code_filter.comparison.value.default_value).toBe(413);
    const luaBody = /'(\{"error":"dlp_body_too_large","limit_bytes":)' \.\. MAX_BODY_BYTES \.\. "\}"/.exec(
      committedLua,
    );
    expectTruthy(luaBody);
    expect(mapper.body_format_override.json_format).toStrictEqual(JSON.parse(`${luaBody[1]}${luaLimit}}`));
    expect(
      mapper.headers_to_add.some(
        (h: any) => h.header.key === 'x-dlp-verdict' && h.header.value === 'too_large',
      ),
    ).toBeTruthy();
  });
  it('the Lua in the manifest uses no {n} quantifier (Lua patterns have none)', () => {
    expect(committedLua).not.toMatch(/%d\{\d/);
    expect(committedLua).not.toMatch(/\[0-9\]\{/);
  });
  it('the template is what the manifest embeds, placeholders filled', () => {
    const template = readFileSync(TEMPLATE_PATH, 'utf8');
    expect(template).toMatch(/@@RULES@@/);
    expect(committedLua).not.toMatch(/@@[A-Z_]+@@/);
  });
  it('holds nothing the repo DLP scan would flag (dogfood)', () => {
    for (const path of [ENVOY_FILTER_PATH, RECORDING_RULES_PATH, TEMPLATE_PATH]) {
      const findings = scanText(readFileSync(path, 'utf8'), { path: relative(REPO_ROOT, path) });
      expect(findings.map((f) => `${f.ruleId}@${f.line}`)).toStrictEqual([]);
    }
  });
});

test('LuaJIT tests skip on a developer machine without luajit, but fail in CI (CI=true)', () => {
  expect(luajitSkip({}, true)).toBe(false);
  expect(luajitSkip({ CI: 'true' }, true)).toBe(false);
  expect(String(luajitSkip({}, false))).toMatch(/luajit is not installed/);
  expect(() => luajitSkip({ CI: 'true' }, false)).toThrow(/CI=true but luajit is not installed/);
});
