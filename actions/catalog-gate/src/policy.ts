/**
 * Custom policy: Rego compiled to wasm by the consumer (`opa build -t wasm -e summit/catalog/deny
 * policy/`) and evaluated with @open-policy-agent/opa-wasm. The built-in policy always applies;
 * a custom policy adds its `deny` messages as errors.
 *
 * Accepts the bundle.tar.gz that `opa build` writes (we extract /policy.wasm and /data.json
 * ourselves: opa-wasm does not read tarballs), a plain .tar, or a bare policy.wasm.
 */
import { readFile } from 'node:fs/promises';
import type { Finding, RuleDescriptor } from '../../../lib/report/types.ts';
import type { Catalog, CatalogEntry, Rollback } from './catalog.ts';
import type { LockLevel, Risk } from './sql/analyse.ts';
import { isGzip, isTar, readTarball, TarError } from './tar.ts';

export const POLICY_ENTRYPOINT = 'summit/catalog/deny';
const BUILD_HINT = `build it with 'opa build -t wasm -e ${POLICY_ENTRYPOINT} policy/' and pass bundle.tar.gz (or the policy.wasm inside it)`;

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

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

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

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const isWasm = (b: Uint8Array) => b.length >= 4 && WASM_MAGIC.every((m, i) => b[i] === m);

function describeStart(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(0, 16)).toString('latin1');
  return /^[\x20-\x7e\t\r\n]*$/.test(head)
    ? `text starting '${head.replace(/\s+/g, ' ').slice(0, 16)}'`
    : `bytes ${Buffer.from(b.subarray(0, 4)).toString('hex')}`;
}

/** Splits the file into the wasm module and the bundle's data document (if any). */
export function unpackPolicy(bytes: Uint8Array, file: string): { wasm: Uint8Array; data?: unknown } {
  if (isWasm(bytes)) return { wasm: bytes };
  if (!isGzip(bytes) && !isTar(bytes))
    throw new PolicyError(
      `policy ${file} is neither a wasm module nor an OPA bundle (.tar.gz): found ${describeStart(bytes)}; ${BUILD_HINT}`,
    );
  let entries;
  try {
    entries = readTarball(bytes);
  } catch (error) {
    if (error instanceof TarError)
      throw new PolicyError(`policy ${file} is not a readable OPA bundle: ${error.message}; ${BUILD_HINT}`);
    throw error;
  }
  const wasm = entries.find((e) => e.name === 'policy.wasm');
  if (!wasm) {
    const names =
      entries
        .map((e) => `/${e.name}`)
        .slice(0, 5)
        .join(', ') || 'no files';
    throw new PolicyError(
      `policy ${file} is a bundle without /policy.wasm (it has ${names}); it was built without -t wasm: ${BUILD_HINT}`,
    );
  }
  if (!isWasm(wasm.data))
    throw new PolicyError(
      `policy ${file}: /policy.wasm in the bundle is not a wasm module (${describeStart(wasm.data)}); ${BUILD_HINT}`,
    );
  const dataFile = entries.find((e) => e.name === 'data.json');
  if (!dataFile) return { wasm: wasm.data };
  try {
    return { wasm: wasm.data, data: JSON.parse(Buffer.from(dataFile.data).toString('utf8')) };
  } catch (error) {
    throw new PolicyError(
      `policy ${file}: /data.json in the bundle is not JSON (${(error as Error).message})`,
    );
  }
}

/** Opa-wasm throws strings and plain objects as well as Errors. */
function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

export async function loadRegoPolicy(
  bytes: Uint8Array,
  file: string,
  entrypoint = POLICY_ENTRYPOINT,
): Promise<RegoPolicy> {
  const { wasm, data } = unpackPolicy(bytes, file);
  // Loaded lazily: the SDK is only needed when a policy is configured.
  const { loadPolicy } = await import('@open-policy-agent/opa-wasm');
  let policy: Awaited<ReturnType<typeof loadPolicy>>;
  try {
    policy = await loadPolicy(wasm);
  } catch (error) {
    throw new PolicyError(
      `policy ${file} cannot be loaded as an OPA wasm policy: ${reason(error)}; ${BUILD_HINT}`,
    );
  }
  const entrypoints = Object.keys((policy.entrypoints ?? {}) as Record<string, number>);
  if (!entrypoints.includes(entrypoint)) {
    throw new PolicyError(
      `policy ${file} has no entrypoint ${entrypoint} (it has ${entrypoints.join(', ') || 'none'}); build with -e ${entrypoint} and define 'deny contains msg if …' in package summit.catalog`,
    );
  }
  if (data !== undefined) {
    try {
      policy.setData(data as object);
    } catch (error) {
      throw new PolicyError(`policy ${file}: loading the bundle's data.json failed: ${reason(error)}`);
    }
  }
  return {
    file,
    deny(input) {
      let resultSet: unknown;
      try {
        resultSet = policy.evaluate(input, entrypoint);
      } catch (error) {
        throw new PolicyError(`policy ${file}: evaluating ${entrypoint} failed: ${reason(error)}`);
      }
      // An undefined rule gives an empty result set; a partial set rule with no match gives [].
      if (!Array.isArray(resultSet))
        throw new PolicyError(
          `policy ${file}: ${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 80)}, not a result set`,
        );
      if (resultSet.length === 0) return [];
      const value = (resultSet[0] as { result?: unknown }).result;
      if (!Array.isArray(value))
        throw new PolicyError(
          `policy ${file}: ${entrypoint} is ${JSON.stringify(value)?.slice(0, 80)}; it must be a set of messages ('deny contains msg if …')`,
        );
      return value;
    },
  };
}

export async function loadRegoPolicyFile(absolutePath: string, file: string): Promise<RegoPolicy> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyError(
      code === 'ENOENT'
        ? `policy ${file} not found; ${BUILD_HINT}`
        : `policy ${file} cannot be read (${code}); ${BUILD_HINT}`,
    );
  }
  return loadRegoPolicy(bytes, file);
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
