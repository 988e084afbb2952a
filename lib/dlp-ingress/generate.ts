/**
 * Renders the ingress DLP Envoy Lua filter from the CI rule pack (lib/dlp/rules.json) and embeds
 * it in an Istio EnvoyFilter, plus the Prometheus recording rules that turn the gateway's tagged
 * request counts into per-rule finding rates.
 *
 *   npx node lib/dlp-ingress/generate.ts --write   # rewrite the committed files
 *   npx node lib/dlp-ingress/generate.ts --check   # exit 1 when a committed file is stale
 *
 * The Lua implements a rule by hand (Lua patterns are not regexes), so the generator refuses a
 * pack whose ingress rules changed regex or validator since the template was written: the error
 * names the rule and field, and the fix is to update filter.lua and IMPLEMENTED below together.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { builtInRulePackSpec } from '../dlp/pack.ts';
import type { RulePackSpec, RuleSpec } from '../dlp/types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const TEMPLATE_PATH = join(HERE, 'filter.lua');
export const ENVOY_FILTER_PATH = join(REPO_ROOT, 'infra', 'k8s', 'gateway', 'dlp-envoyfilter.yaml');
export const RECORDING_RULES_PATH = join(REPO_ROOT, 'infra', 'grafana', 'dlp-recording-rules.yaml');

/** Lua detector name -> what the CI rule must look like for the Lua to be a faithful copy. */
export const IMPLEMENTED: Readonly<Record<string, { validator: string; regex: string }>> = {
  ssn: {
    validator: 'ssn',
    regex: '(?<![\\w.+-])(?:\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{9})(?![\\w-]|\\.\\d)',
  },
  card: {
    validator: 'payment-card',
    regex:
      '(?<![\\w.+-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?|\\d{4}([ -])\\d{6}\\2\\d{4,5})(?![\\w-]|\\.\\d)',
  },
};

/** Same list as SSN_KNOWN_FAKE in lib/dlp/validators.ts (not exported there); the tests compare verdicts on them. */
export const KNOWN_FAKE_SSNS: readonly string[] = ['078051120', '219099999', '123456789'];

export interface IngressRule {
  id: string;
  detector: string;
  severity: string;
  description: string;
}

export interface IngressOptions {
  /** Largest request body scanned; larger bodies get 413 (fail closed). Also the gateway's buffer limit. */
  maxBodyBytes: number;
  name: string;
  namespace: string;
  /** Labels of the ingress gateway pods the filter attaches to. */
  gatewayLabels: Record<string, string>;
  /** Dynamic metadata namespace the filter writes `verdict` and `rules` to. */
  metadataNamespace: string;
}

export const DEFAULT_OPTIONS: IngressOptions = {
  // Envoy's default per-connection buffer limit: raising it costs memory per in-flight request.
  maxBodyBytes: 1024 * 1024,
  name: 'summit-dlp-ingress',
  namespace: 'istio-system',
  gatewayLabels: { istio: 'ingressgateway' },
  metadataNamespace: 'summit.dlp',
};

export class IngressGenerationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngressGenerationError';
  }
}

const PACK_SOURCE = 'lib/dlp/rules.json';
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The pack's rules the ingress filter enforces: PII rules (tag `pii`) whose validator has a Lua
 * detector. Throws when such a rule's regex drifted from what the Lua implements.
 */
export function ingressRules(pack: RulePackSpec = builtInRulePackSpec()): IngressRule[] {
  const out: IngressRule[] = [];
  const seen = new Set<string>();
  pack.rules.forEach((rule: RuleSpec, index) => {
    if (rule.disabled || !rule.tags.includes('pii')) return;
    const detector = Object.keys(IMPLEMENTED).find((d) => IMPLEMENTED[d]!.validator === rule.validator);
    if (detector === undefined) return;
    const where = `${PACK_SOURCE}: rules[${index}] '${rule.id}'`;
    if (!RULE_ID.test(rule.id))
      throw new IngressGenerationError(
        `${where}: field 'id': not a plain rule id; the Lua embeds ids in JSON unescaped`,
      );
    if (rule.regex !== IMPLEMENTED[detector]!.regex) {
      throw new IngressGenerationError(
        `${where}: field 'regex' changed since the Lua detector '${detector}' was written; ` +
          `port the change to lib/dlp-ingress/filter.lua, update IMPLEMENTED in lib/dlp-ingress/generate.ts, then run --write`,
      );
    }
    if (seen.has(detector))
      throw new IngressGenerationError(
        `${where}: field 'validator': a second rule uses detector '${detector}'`,
      );
    seen.add(detector);
    out.push({ id: rule.id, detector, severity: rule.severity, description: rule.description });
  });
  for (const detector of Object.keys(IMPLEMENTED)) {
    if (!seen.has(detector)) {
      throw new IngressGenerationError(
        `${PACK_SOURCE}: no enabled rule tagged 'pii' with validator '${IMPLEMENTED[detector]!.validator}'; ` +
          `the ingress filter has nothing to enforce for detector '${detector}'`,
      );
    }
  }
  return out;
}

function luaString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value))
    throw new IngressGenerationError(`value ${JSON.stringify(value)} is not printable ASCII`);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function validateOptions(options: IngressOptions): void {
  if (
    !Number.isSafeInteger(options.maxBodyBytes) ||
    options.maxBodyBytes < 1024 ||
    options.maxBodyBytes > 64 * 1024 * 1024
  ) {
    throw new IngressGenerationError(
      `maxBodyBytes must be an integer between 1024 and 67108864, got ${options.maxBodyBytes}`,
    );
  }
  if (!/^[a-z0-9.]+$/.test(options.metadataNamespace))
    throw new IngressGenerationError(
      `metadataNamespace '${options.metadataNamespace}' must match [a-z0-9.]+`,
    );
}

/** The Lua source with the template's placeholders filled in. */
export function renderLua(
  pack: RulePackSpec = builtInRulePackSpec(),
  options: IngressOptions = DEFAULT_OPTIONS,
  template = readFileSync(TEMPLATE_PATH, 'utf8'),
): string {
  validateOptions(options);
  const rules = ingressRules(pack);
  const values: Record<string, string> = {
    MAX_BODY_BYTES: String(options.maxBodyBytes),
    METADATA_NAMESPACE: options.metadataNamespace,
    RULES: rules
      .map(
        (r) =>
          `  { id = ${luaString(r.id)}, detector = ${luaString(r.detector)}, severity = ${luaString(r.severity)} },`,
      )
      .join('\n'),
    KNOWN_FAKE_SSN: KNOWN_FAKE_SSNS.map((d) => `  [${luaString(d)}] = true,`).join('\n'),
  };
  const used = new Set<string>();
  const out = template.replace(/@@([A-Z_]+)@@/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined)
      throw new IngressGenerationError(`lib/dlp-ingress/filter.lua: unknown placeholder @@${key}@@`);
    used.add(key);
    return value;
  });
  for (const key of Object.keys(values)) {
    if (!used.has(key))
      throw new IngressGenerationError(
        `lib/dlp-ingress/filter.lua: placeholder @@${key}@@ is missing from the template`,
      );
  }
  return out;
}

const HCM = 'envoy.filters.network.http_connection_manager';
export const LUA_FILTER_NAME = 'envoy.filters.http.lua';

/** The EnvoyFilter manifest (YAML text) embedding the rendered Lua. */
export function renderEnvoyFilter(
  pack: RulePackSpec = builtInRulePackSpec(),
  options: IngressOptions = DEFAULT_OPTIONS,
): string {
  const lua = renderLua(pack, options);
  const rules = ingressRules(pack);
  const gateway = { context: 'GATEWAY' };
  const manifest = {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: { 'app.kubernetes.io/part-of': 'summit-ops', 'app.kubernetes.io/component': 'dlp-ingress' },
      annotations: {
        'summit-ops/generated-by':
          'lib/dlp-ingress/generate.ts from lib/dlp/rules.json (do not edit by hand)',
        'summit-ops/dlp-rules': rules.map((r) => r.id).join(','),
        'summit-ops/max-body-bytes': String(options.maxBodyBytes),
      },
    },
    spec: {
      workloadSelector: { labels: options.gatewayLabels },
      configPatches: [
        {
          // Bound what any filter may buffer per connection: a body beyond it gets Envoy's 413.
          applyTo: 'LISTENER',
          match: gateway,
          patch: { operation: 'MERGE', value: { per_connection_buffer_limit_bytes: options.maxBodyBytes } },
        },
        {
          // Envoy's own 413 (a body without Content-Length outgrowing the buffer) says the same as the Lua's.
          applyTo: 'NETWORK_FILTER',
          match: { ...gateway, listener: { filterChain: { filter: { name: HCM } } } },
          patch: {
            operation: 'MERGE',
            value: {
              typed_config: {
                '@type':
                  'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
                local_reply_config: {
                  mappers: [
                    {
                      filter: {
                        status_code_filter: {
                          comparison: {
                            op: 'EQ',
                            value: { default_value: 413, runtime_key: 'summit_dlp.payload_too_large' },
                          },
                        },
                      },
                      headers_to_add: [
                        {
                          header: { key: 'x-dlp-verdict', value: 'too_large' },
                          append_action: 'OVERWRITE_IF_EXISTS_OR_ADD',
                        },
                        {
                          header: { key: 'cache-control', value: 'no-store' },
                          append_action: 'OVERWRITE_IF_EXISTS_OR_ADD',
                        },
                      ],
                      body_format_override: {
                        json_format: { error: 'dlp_body_too_large', limit_bytes: options.maxBodyBytes },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
        {
          applyTo: 'HTTP_FILTER',
          match: {
            ...gateway,
            listener: {
              filterChain: { filter: { name: HCM, subFilter: { name: 'envoy.filters.http.router' } } },
            },
          },
          patch: {
            operation: 'INSERT_BEFORE',
            value: {
              name: LUA_FILTER_NAME,
              typed_config: {
                '@type': 'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
                default_source_code: { inline_string: lua },
              },
            },
          },
        },
      ],
    },
  };
  const doc = new YAML.Document(manifest);
  YAML.visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
  });
  const header =
    '# GENERATED by lib/dlp-ingress/generate.ts from lib/dlp/rules.json and lib/dlp-ingress/filter.lua.\n' +
    '# Do not edit: change the template or the rule pack, then run `npx node lib/dlp-ingress/generate.ts --write`.\n' +
    '# How it works, limits and deployment: infra/k8s/gateway/README.md.\n';
  return header + doc.toString({ lineWidth: 0, singleQuote: true });
}

/** The Lua embedded in an EnvoyFilter manifest (the committed file or a rendering). */
export function extractLua(yamlText: string, file = 'EnvoyFilter'): string {
  const manifest = YAML.parse(yamlText) as {
    spec?: { configPatches?: Array<{ patch?: { value?: Record<string, unknown> } }> };
  };
  const patches = manifest?.spec?.configPatches;
  if (!Array.isArray(patches)) throw new IngressGenerationError(`${file}: spec.configPatches is missing`);
  for (const p of patches) {
    const value = p.patch?.value as
      { name?: string; typed_config?: { default_source_code?: { inline_string?: unknown } } } | undefined;
    if (value?.name !== LUA_FILTER_NAME) continue;
    const code = value.typed_config?.default_source_code?.inline_string;
    if (typeof code !== 'string')
      throw new IngressGenerationError(
        `${file}: ${LUA_FILTER_NAME} has no typed_config.default_source_code.inline_string`,
      );
    return code;
  }
  throw new IngressGenerationError(`${file}: no configPatch inserts ${LUA_FILTER_NAME}`);
}

/** The ids a Lua rendering can report: read back from its RULES table. */
export function luaRuleIds(lua: string): string[] {
  const table = /local RULES = \{\n([\s\S]*?)\n\}/.exec(lua);
  if (!table) throw new IngressGenerationError('Lua source: no `local RULES = { ... }` table');
  return [...table[1]!.matchAll(/\bid = "([^"]*)"/g)].map((m) => m[1]!);
}

/** The CI scanner's findings per rule in each repository's latest pushed scan, summed. */
export const CI_RECORD = 'summit_dlp_findings:last_scan';

/**
 * Prometheus recording rules: one rate series per ingress rule from the gateway's `dlp_rules`
 * request tag (a comma-joined id list, hence the anchored regex), summit_dlp_findings:rate5m{rule,
 * source="ingress"}; and the CI scanner's pushed per-run counts as the latest value per rule,
 * summit_dlp_findings:last_scan{rule, source="ci"} (a different quantity, so a different name).
 */
export function renderRecordingRules(pack: RulePackSpec = builtInRulePackSpec()): string {
  const rules = ingressRules(pack);
  const doc = {
    groups: [
      {
        name: 'summit-dlp-ingress',
        interval: '1m',
        rules: [
          ...rules.map((r) => ({
            record: 'summit_dlp_findings:rate5m',
            expr: `sum(rate(istio_requests_total{dlp_rules=~"(.+,)?${r.id}(,.+)?"}[5m]))`,
            labels: { rule: r.id, source: 'ingress' },
          })),
          {
            record: 'summit_dlp_ingress_verdicts:rate5m',
            expr: 'sum by (dlp_verdict) (rate(istio_requests_total{dlp_verdict=~"blocked|too_large|unscannable_encoding|scan_failed"}[5m]))',
          },
        ],
      },
      {
        name: 'summit-dlp-ci',
        interval: '1m',
        rules: [
          {
            // One push per repository per run, replaced by the next (dlp-scan's PUT): the gateway
            // holds each repository's latest counts, so the sum is "findings in the latest scan of
            // every repository". A rate() over it would count pushes, not findings.
            record: CI_RECORD,
            expr: 'sum by (rule) (summit_dlp_findings_total{source="ci"})',
            labels: { source: 'ci' },
          },
        ],
      },
    ],
  };
  return (
    '# GENERATED by lib/dlp-ingress/generate.ts from lib/dlp/rules.json. Do not edit: run `npx node lib/dlp-ingress/generate.ts --write`.\n' +
    YAML.stringify(doc, { lineWidth: 0, singleQuote: true })
  );
}

export function renderAll(
  pack: RulePackSpec = builtInRulePackSpec(),
  options: IngressOptions = DEFAULT_OPTIONS,
): Map<string, string> {
  return new Map([
    [ENVOY_FILTER_PATH, renderEnvoyFilter(pack, options)],
    [RECORDING_RULES_PATH, renderRecordingRules(pack)],
  ]);
}

/** Paths (repo-relative) whose committed text differs from a fresh rendering. */
export function staleFiles(
  rendered = renderAll(),
  read: (path: string) => string | undefined = readOrUndefined,
): string[] {
  const stale: string[] = [];
  for (const [path, text] of rendered) if (read(path) !== text) stale.push(relative(REPO_ROOT, path));
  return stale;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function main(argv: string[]): number {
  const mode = argv[0];
  if (mode === '--write') {
    for (const [path, text] of renderAll()) writeFileSync(path, text);
    return 0;
  }
  if (mode === '--check') {
    const stale = staleFiles();
    for (const path of stale)
      process.stderr.write(
        `${path}: stale; run \`npx node lib/dlp-ingress/generate.ts --write\` and commit it\n`,
      );
    return stale.length === 0 ? 0 : 1;
  }
  process.stderr.write('usage: npx node lib/dlp-ingress/generate.ts --write | --check\n');
  return 2;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
