/**
 * Custom Rego for the gates, evaluated in-process with @open-policy-agent/opa-wasm:
 * - a policy.wasm, a bundle from `opa build -t wasm` (.tar.gz or .tar; /policy.wasm, /data.json
 *   and the revision in /.manifest), or a folder of .rego files compiled here with `opa build`
 *   when `opa` is on PATH (test files ignored);
 * - the time built-ins opa-wasm lacks supplied from lib/policy/builtins.ts, on the run's clock;
 * - every evaluation returns an OPA decision-log entry (lib/policy/decision-log.ts).
 */
import * as exec from '@actions/exec';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../digest.ts';
import { opaTimeBuiltins } from './builtins.ts';
import { decisionLogEntry, recordDecision, type DecisionLogEntry } from './decision-log.ts';
import { isGzip, isTar, readTarball, TarError } from './tar.ts';

export {
  collectDecisions,
  decisionLogEntry,
  decisionLogFile,
  recordDecision,
  type DecisionLogEntry,
} from './decision-log.ts';

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

export interface UnpackedPolicy {
  wasm: Uint8Array;
  data?: unknown;
  /** The bundle's .manifest revision, else `sha256:<digest of the policy file>`. */
  revision: string;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const isWasm = (b: Uint8Array) => b.length >= 4 && WASM_MAGIC.every((m, i) => b[i] === m);

function describeStart(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(0, 16)).toString('latin1');
  return /^[\x20-\x7e\t\r\n]*$/.test(head)
    ? `text starting '${head.replace(/\s+/g, ' ').slice(0, 16)}'`
    : `bytes ${Buffer.from(b.subarray(0, 4)).toString('hex')}`;
}

/** Splits the file into the wasm module, the bundle's data document and its revision. */
export function unpackPolicy(bytes: Uint8Array, file: string, hint: string): UnpackedPolicy {
  const digest = `sha256:${sha256Hex(bytes)}`;
  if (isWasm(bytes)) return { wasm: bytes, revision: digest };
  if (!isGzip(bytes) && !isTar(bytes))
    throw new PolicyError(
      `policy ${file} is neither a wasm module nor an OPA bundle (.tar.gz): found ${describeStart(bytes)}; ${hint}`,
    );
  let entries;
  try {
    entries = readTarball(bytes);
  } catch (error) {
    if (error instanceof TarError)
      throw new PolicyError(`policy ${file} is not a readable OPA bundle: ${error.message}; ${hint}`);
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
      `policy ${file} is a bundle without /policy.wasm (it has ${names}); it was built without -t wasm: ${hint}`,
    );
  }
  if (!isWasm(wasm.data))
    throw new PolicyError(
      `policy ${file}: /policy.wasm in the bundle is not a wasm module (${describeStart(wasm.data)}); ${hint}`,
    );
  let revision = digest;
  const manifest = entries.find((e) => e.name === '.manifest');
  if (manifest) {
    try {
      const value = JSON.parse(Buffer.from(manifest.data).toString('utf8')) as { revision?: unknown };
      if (typeof value.revision === 'string' && value.revision !== '') revision = value.revision;
    } catch {
      throw new PolicyError(`policy ${file}: /.manifest in the bundle is not JSON`);
    }
  }
  const dataFile = entries.find((e) => e.name === 'data.json');
  if (!dataFile) return { wasm: wasm.data, revision };
  try {
    return { wasm: wasm.data, data: JSON.parse(Buffer.from(dataFile.data).toString('utf8')), revision };
  } catch (error) {
    throw new PolicyError(
      `policy ${file}: /data.json in the bundle is not JSON (${(error as Error).message})`,
    );
  }
}

/** Opa-wasm throws strings and plain objects as well as Errors. */
export function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

export interface Evaluation {
  /** The entrypoint's value; undefined when the rule is undefined for this input. */
  result: unknown;
  decision: DecisionLogEntry;
}

export interface WasmPolicy {
  readonly file: string;
  readonly revision: string;
  readonly entrypoints: string[];
  /** Evaluates one entrypoint (`summit/catalog/deny`); `data` is merged over the bundle's. */
  evaluate(entrypoint: string, input: unknown, data?: object): Evaluation;
}

export interface LoadOptions {
  /** Entrypoints the policy must have. */
  entrypoints: string[];
  /** How to build the policy, appended to every loading error. */
  hint: string;
  /** The run's clock (time.now_ns, decision-log timestamps). */
  now: () => Date;
  /** Named in decision-log labels. */
  app: string;
}

export async function loadWasmPolicy(
  bytes: Uint8Array,
  file: string,
  options: LoadOptions,
): Promise<WasmPolicy> {
  const { wasm, data, revision } = unpackPolicy(bytes, file, options.hint);
  const { loadPolicy } = await import('@open-policy-agent/opa-wasm');
  let policy: Awaited<ReturnType<typeof loadPolicy>>;
  try {
    policy = await loadPolicy(wasm, undefined, opaTimeBuiltins(options.now));
  } catch (error) {
    throw new PolicyError(
      `policy ${file} cannot be loaded as an OPA wasm policy: ${reason(error)}; ${options.hint}`,
    );
  }
  const entrypoints = Object.keys((policy.entrypoints ?? {}) as Record<string, number>);
  for (const entrypoint of options.entrypoints)
    if (!entrypoints.includes(entrypoint))
      throw new PolicyError(
        `policy ${file} has no entrypoint ${entrypoint} (it has ${entrypoints.join(', ') || 'none'}); build with -e ${entrypoint}`,
      );
  const base = data && typeof data === 'object' ? (data as object) : {};
  let current: object | undefined;
  const setData = (extra: object | undefined) => {
    const next = extra ? { ...base, ...extra } : base;
    if (next === current) return;
    try {
      policy.setData(next);
      current = next;
    } catch (error) {
      throw new PolicyError(`policy ${file}: loading the data document failed: ${reason(error)}`);
    }
  };
  if (data !== undefined) setData(undefined);
  return {
    file,
    revision,
    entrypoints,
    evaluate(entrypoint, input, extra) {
      setData(extra);
      let resultSet: unknown;
      try {
        resultSet = policy.evaluate(input, entrypoint);
      } catch (error) {
        throw new PolicyError(`policy ${file}: evaluating ${entrypoint} failed: ${reason(error)}`);
      }
      if (!Array.isArray(resultSet))
        throw new PolicyError(
          `policy ${file}: ${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 80)}, not a result set`,
        );
      const result = resultSet.length === 0 ? undefined : (resultSet[0] as { result?: unknown }).result;
      const decision = decisionLogEntry({
        path: entrypoint,
        input,
        result,
        revision,
        now: options.now(),
        app: options.app,
      });
      recordDecision(decision);
      return { result, decision };
    },
  };
}

/**
 * Reads a policy file, or compiles a folder of .rego files with `opa build -t wasm` (test files
 * ignored, as the documented command does). Without `opa` on PATH a folder is refused with the
 * command to run instead.
 */
export async function loadPolicyPath(
  absolute: string,
  file: string,
  options: LoadOptions,
): Promise<WasmPolicy> {
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyError(
      code === 'ENOENT'
        ? `policy ${file} not found; ${options.hint}`
        : `policy ${file} cannot be read (${code}); ${options.hint}`,
    );
  }
  if (!info.isDirectory()) return loadWasmPolicy(await readFile(absolute), file, options);
  const out = await mkdtemp(join(tmpdir(), 'summit-opa-build-'));
  try {
    const bundle = join(out, 'bundle.tar.gz');
    const args = [
      'build',
      '-t',
      'wasm',
      ...options.entrypoints.flatMap((e) => ['-e', e]),
      '--ignore',
      '*_test.rego',
      absolute,
      '-o',
      bundle,
    ];
    let result;
    try {
      result = await exec.getExecOutput('opa', args, { silent: true, ignoreReturnCode: true });
    } catch {
      throw new PolicyError(
        `policy ${file} is a folder of Rego, and compiling it needs \`opa\` on PATH (not found); install it, or build the bundle first: ${options.hint}`,
      );
    }
    if (result.exitCode !== 0)
      throw new PolicyError(
        `policy ${file}: opa build failed: ${(result.stderr.trim() || result.stdout.trim()).split('\n').slice(0, 6).join(' ') || `exit ${result.exitCode}`}`,
      );
    return await loadWasmPolicy(await readFile(bundle), file, options);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
