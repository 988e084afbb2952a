/**
 * Custom policy: Rego evaluated with lib/policy (opa-wasm, the time built-ins it lacks, a decision
 * log entry per evaluation). The built-in policy always applies; a custom policy adds its `deny`
 * messages as errors. Accepts the bundle.tar.gz `opa build -t wasm` writes, a plain .tar, a bare
 * policy.wasm, or a folder of .rego files (compiled with `opa` when it is on PATH).
 */
import type { Finding, RuleDescriptor } from '../../../lib/report/types.ts';
import {
  loadPolicyPath,
  loadWasmPolicy,
  PolicyError,
  unpackPolicy as unpack,
  type LoadOptions,
  type WasmPolicy,
} from '../../../lib/policy/index.ts';
import type { Catalog, CatalogEntry, Rollback } from './catalog.ts';
import type { LockLevel, Risk } from './sql/analyse.ts';

export { PolicyError };

export const POLICY_ENTRYPOINT = 'summit/catalog/deny';
export const BUILD_COMMAND = `opa build -t wasm -e ${POLICY_ENTRYPOINT} --ignore '*_test.rego' policy/opa`;
const BUILD_HINT = `build it with \`${BUILD_COMMAND}\` and pass bundle.tar.gz (or the policy.wasm inside it), or pass the .rego folder itself when opa is on PATH`;

export const POLICY_RULES = {
  deny: {
    id: 'policy-deny',
    shortDescription: 'The custom Rego policy denies this entry',
    defaultLevel: 'error',
  },
  error: {
    id: 'policy-error',
    shortDescription: 'The custom Rego policy could not be loaded or evaluated',
    defaultLevel: 'error',
  },
} as const satisfies Record<string, RuleDescriptor>;

/** What the gate detected for an entry, next to the entry as written. */
export interface DetectedFacts {
  /** null when the up script is missing or PostgreSQL's parser rejects it. */
  risk: Risk | null;
  locks: LockLevel[];
  rewrites: boolean;
  /** SQL rule ids found in the up script (e.g. create-index-not-concurrent). */
  rules: string[];
  /** How the entry is backed out: its rollback field, else the conventional down file. */
  rollback: Rollback['kind'];
  up_file: string;
  up_file_exists: boolean;
}

/** The `input` document a policy sees. Keys are snake_case, like the catalog. */
export interface PolicyInput {
  catalog: string;
  migrations_dir: string;
  entries: (CatalogEntry & { detected: DetectedFacts })[];
}

export interface RegoPolicy {
  /** Display path of the policy file. */
  readonly file: string;
  /** The deny set for this input (an array of strings or {msg, id?} objects). */
  deny(input: PolicyInput): unknown[];
}

/** Splits the file into the wasm module and the bundle's data document (if any). */
export function unpackPolicy(bytes: Uint8Array, file: string): { wasm: Uint8Array; data?: unknown } {
  const { wasm, data } = unpack(bytes, file, BUILD_HINT);
  return data === undefined ? { wasm } : { wasm, data };
}

const options = (entrypoint: string): LoadOptions => ({
  entrypoints: [entrypoint],
  hint: BUILD_HINT,
  now: () => new Date(),
  app: 'catalog-gate',
});

function asDenyPolicy(policy: WasmPolicy, entrypoint: string): RegoPolicy {
  return {
    file: policy.file,
    deny(input) {
      const { result } = policy.evaluate(entrypoint, input);
      // An undefined rule gives an empty result set; a partial set rule with no match gives [].
      if (result === undefined) return [];
      if (!Array.isArray(result))
        throw new PolicyError(
          `policy ${policy.file}: ${entrypoint} is ${JSON.stringify(result)?.slice(0, 80)}; it must be a set of messages ('deny contains msg if …')`,
        );
      return result;
    },
  };
}

export async function loadRegoPolicy(
  bytes: Uint8Array,
  file: string,
  entrypoint = POLICY_ENTRYPOINT,
): Promise<RegoPolicy> {
  return asDenyPolicy(await loadWasmPolicy(bytes, file, options(entrypoint)), entrypoint);
}

export async function loadRegoPolicyFile(absolutePath: string, file: string): Promise<RegoPolicy> {
  return asDenyPolicy(
    await loadPolicyPath(absolutePath, file, options(POLICY_ENTRYPOINT)),
    POLICY_ENTRYPOINT,
  );
}

/**
 * Deny messages → error findings. A message is placed at its entry's YAML line when it names the
 * entry: `{msg, id}` objects say so explicitly, plain strings are searched for a catalog id.
 */
export function denyFindings(deny: readonly unknown[], catalog: Catalog, policyFile: string): Finding[] {
  const ids = catalog.entries.map((e, i) => ({ id: e.id, i })).sort((a, b) => b.id.length - a.id.length);
  return deny.map((item): Finding => {
    let message: string;
    let named: string | undefined;
    if (typeof item === 'string') message = item;
    else if (item && typeof item === 'object' && typeof (item as { msg?: unknown }).msg === 'string') {
      const o = item as { msg: string; id?: unknown; entry?: unknown };
      message = o.msg;
      named = typeof o.id === 'string' ? o.id : typeof o.entry === 'string' ? o.entry : undefined;
    } else {
      return {
        ruleId: POLICY_RULES.error.id,
        level: 'error',
        message: `policy ${policyFile}: a deny element must be a string or {msg, id}; got ${JSON.stringify(item)?.slice(0, 80)}`,
        location: { file: policyFile, line: 1 },
      };
    }
    const hit =
      named !== undefined ? ids.find((x) => x.id === named) : ids.find((x) => message.includes(x.id));
    const finding: Finding = {
      ruleId: POLICY_RULES.deny.id,
      level: 'error',
      message: `${message} (policy ${policyFile})`,
    };
    if (hit) {
      const at = catalog.config.locate([hit.i, 'id']);
      finding.location = { file: catalog.file, line: at.line, column: at.column };
      finding.properties = { entryId: hit.id };
    } else finding.location = { file: catalog.file, line: 1 };
    return finding;
  });
}
