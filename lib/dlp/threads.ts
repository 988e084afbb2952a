/**
 * Scanning many files on several cores: `scanFiles(files, { threads })` hands batches of files to
 * `node:worker_threads` workers and returns one `ScanResult` per file, in input order, exactly
 * what `scanTextWithStats` would return for each (raw values included, for `registerSecrets`).
 *
 * The worker runs this very module: `new Worker(new URL(import.meta.url))`. From source that URL
 * is this file; in an ncc bundle it is the bundle itself (ncc keeps `import.meta.url` as is),
 * which would also evaluate the action's entry. So in a worker this module answers messages and
 * then awaits forever at top level: every module that imports it (the entry included) waits for
 * it, and the entry's body never runs in a worker. The worker ends when the pool terminates it.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { compileRulePack, defaultRulePack, type CompiledRulePackWithPrefilter } from './pack.ts';
import { adoptSecret, scanTextWithStats, secretOf, type ScanOptions, type ScanResult } from './scan.ts';
import type { AllowlistSpec, CommitInfo, RulePackSpec } from './types.ts';

export interface ScanFileInput {
  /** Workspace-relative path (fingerprints, path allowlists). */
  path: string;
  text: string;
  /** History mode: overrides `options.commit` for this file. */
  commit?: CommitInfo;
}

export interface ScanFilesOptions {
  rules?: CompiledRulePackWithPrefilter;
  allowlist?: AllowlistSpec;
  baseline?: ReadonlySet<string>;
  commit?: CommitInfo;
  /**
   * Worker threads. 1 (the default) scans on the calling thread with no worker; `'auto'` uses
   * `os.availableParallelism()`. Fewer are used when there is little to scan. Workers are kept
   * (idle, unref'd) for the next call; `closeScanWorkers()` ends them.
   */
  threads?: number | 'auto';
  /**
   * Each worker gets at least this many UTF-16 units of text, or fewer workers start (a worker's
   * start-up costs ~50 ms). Default 2 Mi.
   */
  minUnitsPerThread?: number;
}

/** Below this many UTF-16 units per worker, a worker's start-up (~50 ms) costs more than it saves. */
const MIN_UNITS_PER_WORKER = 2 * 1024 * 1024;
/** A batch: consecutive files up to about this many UTF-16 units (or BATCH_FILES files). */
const BATCH_UNITS = 1024 * 1024;
const BATCH_FILES = 256;
const MIN_BATCH_UNITS = 64 * 1024;
const WORKER_MARK = 'summit-dlp-scan-worker';

interface Job {
  pack: RulePackSpec | undefined;
  allowlist: AllowlistSpec | undefined;
  baseline: ReadonlySet<string> | undefined;
  commit: CommitInfo | undefined;
}

type Request = { kind: 'job'; job: Job } | { kind: 'batch'; id: number; files: ScanFileInput[] };

type Reply =
  | { kind: 'batch'; id: number; results: Array<{ result: ScanResult; secrets: string[] }> }
  | { kind: 'error'; id: number; message: string; path: string };

function scanOne(
  file: ScanFileInput,
  rules: CompiledRulePackWithPrefilter,
  job: Omit<Job, 'pack'>,
): ScanResult {
  const options: ScanOptions = { path: file.path, rules };
  if (job.allowlist) options.allowlist = job.allowlist;
  if (job.baseline) options.baseline = job.baseline;
  const commit = file.commit ?? job.commit;
  if (commit) options.commit = commit;
  return scanTextWithStats(file.text, options);
}

function threadCount(options: ScanFilesOptions, files: readonly ScanFileInput[]): number {
  const { threads, minUnitsPerThread = MIN_UNITS_PER_WORKER } = options;
  const wanted = threads === 'auto' ? availableParallelism() : (threads ?? 1);
  if (!Number.isInteger(wanted) || wanted < 1)
    throw new RangeError(`scanFiles: threads must be a positive integer or 'auto', got ${String(threads)}`);
  let units = 0;
  for (const f of files) units += unitsOf(f);
  const byUnits = minUnitsPerThread > 0 ? Math.floor(units / minUnitsPerThread) : wanted;
  return Math.max(1, Math.min(wanted, byUnits, batches(files, wanted).length));
}

/** UTF-16 units of a file's text (0 for a non-string, which the scan then reports with its path). */
const unitsOf = (file: ScanFileInput): number => (typeof file.text === 'string' ? file.text.length : 0);

/** Consecutive files, about `size` units each: at least 4 per worker, so a slow one is not last alone. */
function batches(files: readonly ScanFileInput[], threads: number): Array<{ from: number; to: number }> {
  let total = 0;
  for (const f of files) total += unitsOf(f);
  const size = Math.max(MIN_BATCH_UNITS, Math.min(BATCH_UNITS, Math.ceil(total / (threads * 4))));
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  let units = 0;
  for (let i = 0; i < files.length; i++) {
    units += unitsOf(files[i]!);
    if (units >= size || i + 1 - from >= BATCH_FILES) {
      out.push({ from, to: i + 1 });
      from = i + 1;
      units = 0;
    }
  }
  if (from < files.length) out.push({ from, to: files.length });
  return out;
}

/**
 * Scans `files` and returns one result per file, in input order. With `threads` > 1 the work
 * runs on worker threads; the findings (and their raw values, for `registerSecrets`) are the
 * same as on one thread.
 */
export async function scanFiles(
  files: readonly ScanFileInput[],
  options: ScanFilesOptions = {},
): Promise<ScanResult[]> {
  const rules = options.rules ?? defaultRulePack();
  const job: Job = {
    pack: options.rules?.spec,
    allowlist: options.allowlist,
    baseline: options.baseline,
    commit: options.commit,
  };
  const threads = threadCount(options, files);
  if (threads === 1) {
    return files.map((file) => {
      try {
        return scanOne(file, rules, job);
      } catch (error) {
        throw new Error(`scanFiles: ${file.path}: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  const work = batches(files, threads);
  const results: ScanResult[] = new Array(files.length);
  const workers = Array.from({ length: threads }, takeWorker);
  const detach: Array<() => void> = [];
  let ok = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (next >= work.length) return;
        const id = next++;
        const { from, to } = work[id]!;
        worker.postMessage({ kind: 'batch', id, files: files.slice(from, to) } satisfies Request);
      };
      for (const worker of workers) {
        const onMessage = (reply: Reply) => {
          if (reply.kind === 'error') {
            fail(new Error(`scanFiles: ${reply.path}: ${reply.message}`));
            return;
          }
          const { from } = work[reply.id]!;
          reply.results.forEach(({ result, secrets }, i) => {
            result.findings.forEach((finding, k) => adoptSecret(finding, secrets[k]!));
            results[from + i] = result;
          });
          done++;
          if (done === work.length) resolve();
          else feed(worker);
        };
        const onError = (error: Error) => fail(new Error(`scanFiles: worker failed: ${error.message}`));
        const onExit = (code: number) =>
          fail(new Error(`scanFiles: a worker exited (code ${code}) before the scan finished`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        worker.postMessage({ kind: 'job', job } satisfies Request);
        // Two batches in flight per worker, so it never waits for the main thread between them.
        feed(worker);
        feed(worker);
      }
    });
    ok = true;
  } finally {
    for (const off of detach) off();
    // A failed call may leave batches in flight: those workers are not reused.
    if (ok) for (const worker of workers) releaseWorker(worker);
    else await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * Idle workers, kept between calls so a second scan (history mode: one call per commit) starts
 * with warm, optimised code. Unref'd while idle: they never keep the process alive.
 */
const idle: Worker[] = [];
let workersStarted = 0;

/** How many worker threads this module has started so far (idle ones are reused, not counted again). */
export function scanWorkersStarted(): number {
  return workersStarted;
}

function takeWorker(): Worker {
  let worker = idle.pop();
  if (!worker) {
    workersStarted++;
    const created = new Worker(new URL(import.meta.url), { workerData: { [WORKER_MARK]: true } });
    created.on('exit', () => {
      const at = idle.indexOf(created);
      if (at !== -1) idle.splice(at, 1);
    });
    worker = created;
  }
  worker.ref();
  return worker;
}

function releaseWorker(worker: Worker): void {
  worker.unref();
  idle.push(worker);
}

/** Ends the idle workers kept by `scanFiles` (they end with the process anyway). */
export async function closeScanWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

function serveScans(): void {
  let rules: CompiledRulePackWithPrefilter = defaultRulePack();
  let job: Job = { pack: undefined, allowlist: undefined, baseline: undefined, commit: undefined };
  parentPort!.on('message', (request: Request) => {
    if (request.kind === 'job') {
      job = request.job;
      rules = job.pack ? compileRulePack(job.pack, 'rule pack (worker copy)') : defaultRulePack();
      return;
    }
    const out: Array<{ result: ScanResult; secrets: string[] }> = [];
    for (const file of request.files) {
      try {
        const result = scanOne(file, rules, job);
        // The raw values live in this thread's WeakMap; they travel beside the findings so the
        // main thread can put them in its own (findings themselves stay free of them).
        out.push({ result, secrets: result.findings.map((f) => secretOf(f)!) });
      } catch (error) {
        parentPort!.postMessage({
          kind: 'error',
          id: request.id,
          message: (error as Error).message,
          path: file.path,
        } satisfies Reply);
        return;
      }
    }
    parentPort!.postMessage({ kind: 'batch', id: request.id, results: out } satisfies Reply);
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK] === true) {
  serveScans();
  // See the header: keeps whatever imported this module (an action's entry, in a bundle) from
  // running in the worker. The message port keeps the thread alive until it is terminated.
  await new Promise<never>(() => {});
}
