/**
 * Scanning many files on several cores: `scanFiles(files, { threads })` hands batches of files to
 * `node:worker_threads` workers and scans on the calling thread too, and returns one `ScanResult`
 * per file, in input order, exactly what `scanTextWithStats` would return for each (raw values
 * included, for `registerSecrets`).
 *
 * A worker runs lib/dlp/scan-worker.ts: from source that file, in a bundle the bundle's entry with
 * the worker's role, which loads only the scanner's chunk (lib/worker-entry.ts). A worker that
 * compiled the whole action bundle took ~300 ms to scan its first batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-entry.ts';
import {
  builtInRulePackSpec,
  defaultRulePack,
  hasUnvettedAllowlist,
  unvettedRuleIds,
  type CompiledRulePackWithPrefilter,
} from './pack.ts';
import { adoptSecret, scanTextWithStats, type ScanOptions, type ScanResult } from './scan.ts';
import type { AllowlistSpec, CommitInfo, RulePackSpec } from './types.ts';
import { DLP_SCAN_WORKER_ROLE } from './scan-worker-role.ts';

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
   * Threads that scan, the calling thread included: 1 (the default) scans here with no worker, n
   * adds n - 1 workers, `'auto'` is `os.availableParallelism()`. Fewer are used when there is
   * little to scan. Workers are kept (idle, unref'd) for the next call; `closeScanWorkers()` ends
   * them. A budgeted scan (`scanFilesBudgeted`) runs every lane on a worker, against a clock.
   */
  threads?: number | 'auto';
  /**
   * Each worker gets at least this many UTF-16 units of text, or fewer workers start (a worker's
   * start-up costs ~50 ms). Default 2 Mi.
   */
  minUnitsPerThread?: number;
  /** `report` for text a change adds (diff mode): see `ScanOptions.inlineAllow`. */
  inlineAllow?: ScanOptions['inlineAllow'];
}

/** Below this many UTF-16 units per lane, a worker's start-up (~50 ms) costs more than it saves. */
export const MIN_UNITS_PER_LANE = 2 * 1024 * 1024;
/** A batch: consecutive files up to about this many UTF-16 units (or BATCH_FILES files). */
const BATCH_UNITS = 1024 * 1024;
const BATCH_FILES = 256;
const MIN_BATCH_UNITS = 64 * 1024;
// Not a `new URL('./scan-worker.ts', import.meta.url)` literal: the bundler would copy the
// TypeScript file as an asset. A bundle runs its own entry instead (lib/worker-entry.ts).
const SCAN_WORKER_FILE = './scan-worker.ts';
const SCAN_WORKER_SOURCE = new URL(SCAN_WORKER_FILE, import.meta.url);

export interface Job {
  pack: RulePackSpec | undefined;
  allowlist: AllowlistSpec | undefined;
  baseline: ReadonlySet<string> | undefined;
  commit: CommitInfo | undefined;
  inlineAllow?: ScanOptions['inlineAllow'];
  /** Reply `ready` once the pack is compiled (the budgeted scan starts its clock after that). */
  ack?: boolean;
}

export type Request = { kind: 'job'; job: Job } | { kind: 'batch'; id: number; files: ScanFileInput[] };

export type Reply =
  | { kind: 'ready' }
  | { kind: 'batch'; id: number; results: Array<{ result: ScanResult; secrets: string[] }> }
  | { kind: 'error'; id: number; message: string; path: string };

export function scanOne(
  file: ScanFileInput,
  rules: CompiledRulePackWithPrefilter,
  job: Omit<Job, 'pack'>,
): ScanResult {
  const options: ScanOptions = { path: file.path, rules };
  if (job.allowlist) options.allowlist = job.allowlist;
  if (job.baseline) options.baseline = job.baseline;
  const commit = file.commit ?? job.commit;
  if (commit) options.commit = commit;
  if (job.inlineAllow) options.inlineAllow = job.inlineAllow;
  return scanTextWithStats(file.text, options);
}

/** One file on the calling thread; a failure names the file. */
function scanHere(
  file: ScanFileInput,
  rules: CompiledRulePackWithPrefilter,
  job: Omit<Job, 'pack'>,
): ScanResult {
  try {
    return scanOne(file, rules, job);
  } catch (error) {
    throw new Error(`scanFiles: ${file.path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Threads that scan (the calling thread is one of them), fewer when there is little to scan. */
function laneCount(options: ScanFilesOptions, files: readonly ScanFileInput[]): number {
  const { threads, minUnitsPerThread = MIN_UNITS_PER_LANE } = options;
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
    inlineAllow: options.inlineAllow,
  };
  const lanes = laneCount(options, files);
  if (lanes === 1) return files.map((file) => scanHere(file, rules, job));

  const work = batches(files, lanes);
  const results: ScanResult[] = new Array(files.length);
  const workers = Array.from({ length: lanes - 1 }, takeWorker);
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
      const finished = () => {
        done++;
        if (done === work.length) resolve();
      };
      const feed = (worker: Worker) => {
        if (failed || next >= work.length) return;
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
          if (reply.kind !== 'batch') return;
          const { from } = work[reply.id]!;
          reply.results.forEach(({ result, secrets }, i) => {
            result.findings.forEach((finding, k) => adoptSecret(finding, secrets[k]!));
            results[from + i] = result;
          });
          feed(worker);
          finished();
        };
        const onError = (error: Error) => fail(new Error(`scanFiles: worker failed: ${error.message}`));
        const onExit = (code: number) =>
          fail(new Error(`scanFiles: a worker exited (code ${code}) before the scan finished`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        worker.postMessage({ kind: 'job', job } satisfies Request);
        heldJob.set(worker, job);
        // Two batches in flight per worker, so it never waits for this thread between them.
        feed(worker);
        feed(worker);
      }
      // This thread is a lane too: it takes the next batch whenever it is free, so a worker still
      // starting or warming up only means it takes fewer batches. Between batches it yields, so
      // replies are collected and the workers fed.
      const scanOnThisThread = async () => {
        while (!failed && next < work.length) {
          const id = next++;
          const { from, to } = work[id]!;
          try {
            for (let i = from; i < to; i++) results[i] = scanHere(files[i]!, rules, job);
          } catch (error) {
            fail(error as Error);
            return;
          }
          finished();
          await new Promise<void>((wake) => setImmediate(wake));
        }
      };
      void scanOnThisThread();
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

/** One file's rules that ran past their time budget. */
export interface RuleBudgetExceeded {
  path: string;
  /** The rules stopped on this file (each could not finish alone, or these together could not). */
  ruleIds: string[];
  /**
   * The allowlist regexes of the user's (pack-wide, or the scan's) were dropped on this file: no
   * rule was slow alone, so they were (a value they would have allowed is reported: fail closed).
   */
  allowlist: boolean;
  budgetMs: number;
  /** True when even the rest of the pack could not finish: no rule's findings for this file. */
  unscanned: boolean;
}

export interface BudgetedScan {
  /** One per file, in input order (without the stopped rules' findings on the files they ran over). */
  results: ScanResult[];
  exceeded: RuleBudgetExceeded[];
}

export interface ScanFilesBudgetOptions extends ScanFilesOptions {
  /** Milliseconds one file may take, or a function of its UTF-16 length. Default `defaultRuleBudgetMs`. */
  budgetMs?: number | ((units: number) => number);
}

/**
 * A file's budget: 2 s plus 2 s per MiB. A scan with the built-in pack takes tens of
 * milliseconds per MiB; a rule that backtracks super-linearly takes minutes or forever.
 */
export function defaultRuleBudgetMs(units: number): number {
  return 2000 + Math.ceil((2000 * units) / (1024 * 1024));
}

/**
 * `scanFiles` for a pack with rules the built-in pack does not vouch for (a user's regexes, see
 * `unvettedRuleIds`): no static check can tell every super-linear regex (`(?:\d{0,30}){1,30}`, a
 * chain of bounded repeats, backreferences), so each file is scanned on a worker thread against a
 * clock, and a worker that runs past the file's budget is terminated (V8 stops a backtracking
 * regex there). The file is then scanned with each unvetted rule alone to find the ones that cannot
 * finish, and once more without them; those rules and the file are reported in `exceeded`. With
 * nothing unvetted this is `scanFiles`.
 */
export async function scanFilesBudgeted(
  files: readonly ScanFileInput[],
  options: ScanFilesBudgetOptions = {},
): Promise<BudgetedScan> {
  const rules = options.rules ?? defaultRulePack();
  const unvetted = unvettedRuleIds(rules);
  const builtInAllowlist = builtInRulePackSpec().allowlist;
  const userAllowlist = hasUnvettedAllowlist(rules) || (options.allowlist?.regexes?.length ?? 0) > 0;
  if (unvetted.length === 0 && !userAllowlist)
    return { results: await scanFiles(files, options), exceeded: [] };
  const budgetOf = (units: number) =>
    typeof options.budgetMs === 'function'
      ? options.budgetMs(units)
      : (options.budgetMs ?? defaultRuleBudgetMs(units));
  const job = (pack: RulePackSpec): Job => ({
    pack,
    allowlist: options.allowlist,
    baseline: options.baseline,
    commit: options.commit,
    inlineAllow: options.inlineAllow,
    ack: true,
  });
  const results: ScanResult[] = new Array(files.length);
  const stoppedOn: Array<RuleBudgetExceeded | undefined> = new Array(files.length);
  const scanOneFile = async (runner: BudgetRunner, index: number) => {
    const file = files[index]!;
    const budgetMs = budgetOf(unitsOf(file));
    const whole = await runner.scan(job(rules.spec), file, budgetMs);
    if (whole) {
      results[index] = whole;
      return;
    }
    // Which rules cannot finish on this file, each alone with the built-in allowlist? A single
    // unvetted rule and no allowlist of the user's needs no search.
    const alone = unvetted.length === 1 && !userAllowlist;
    let stopped = alone ? [...unvetted] : [];
    if (!alone)
      for (const id of unvetted) {
        const single = { ...onlyRules(rules.spec, [id]), allowlist: builtInAllowlist };
        if (!(await runner.scan({ ...job(single), allowlist: undefined }, file, budgetMs))) stopped.push(id);
      }
    // None alone: the user's allowlist regexes, or the rules together.
    const allowlist = stopped.length === 0 && userAllowlist;
    if (stopped.length === 0) stopped = [...unvetted];
    const restJob = allowlist
      ? {
          ...job({ ...withoutRules(rules.spec, stopped), allowlist: builtInAllowlist }),
          allowlist: undefined,
        }
      : job(withoutRules(rules.spec, stopped));
    const rest = await runner.scan(restJob, file, budgetMs);
    results[index] = rest ?? { findings: [], suppressed: { path: 0, allowlist: 0, inline: 0, baseline: 0 } };
    stoppedOn[index] = {
      path: file.path,
      ruleIds: stopped,
      allowlist,
      budgetMs,
      unscanned: rest === undefined,
    };
  };
  // As many runners as scanFiles would start workers; each takes the next file when it is free.
  const runners = Array.from({ length: laneCount(options, files) }, () => new BudgetRunner());
  let next = 0;
  let failed = false;
  const outcomes = await Promise.allSettled(
    runners.map(async (runner) => {
      try {
        while (next < files.length && !failed) await scanOneFile(runner, next++);
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  // Every runner has stopped: idle workers go back to the pool, unless a scan failed.
  await Promise.all(runners.map((runner) => runner.close(!failed)));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  const exceeded = stoppedOn.filter((e): e is RuleBudgetExceeded => e !== undefined);
  return { results, exceeded };
}

function onlyRules(spec: RulePackSpec, ids: readonly string[]): RulePackSpec {
  return { ...spec, rules: spec.rules.filter((r) => ids.includes(r.id)) };
}

function withoutRules(spec: RulePackSpec, ids: readonly string[]): RulePackSpec {
  return { ...spec, rules: spec.rules.filter((r) => !ids.includes(r.id)) };
}

/** The job each worker last received (what it compiled), compared by identity. */
const heldJob = new WeakMap<Worker, Job>();

function sameJob(held: Job | undefined, job: Job): boolean {
  return (
    held !== undefined &&
    held.pack === job.pack &&
    held.allowlist === job.allowlist &&
    held.baseline === job.baseline &&
    held.commit === job.commit &&
    held.inlineAllow === job.inlineAllow
  );
}

/** One worker at a time, replaced when a scan runs out of time. */
class BudgetRunner {
  private worker: Worker | undefined;

  /** The file's result, or undefined when the scan ran past `budgetMs` (the worker is then gone). */
  async scan(job: Job, file: ScanFileInput, budgetMs: number): Promise<ScanResult | undefined> {
    this.worker ??= takeWorker();
    // A worker keeps its compiled pack: a scan of one file at a time (diff, history) compiles once.
    if (!sameJob(heldJob.get(this.worker), job)) {
      await this.request(this.worker, { kind: 'job', job }, undefined);
      heldJob.set(this.worker, job);
    }
    const reply = await this.request(this.worker, { kind: 'batch', id: 0, files: [file] }, budgetMs);
    if (reply === undefined) {
      // Terminated mid-regex: the worker is not reused.
      const late = this.worker;
      this.worker = undefined;
      await late.terminate();
      return undefined;
    }
    if (reply.kind === 'error') throw new Error(`scanFiles: ${reply.path}: ${reply.message}`);
    if (reply.kind !== 'batch') throw new Error(`scanFiles: unexpected reply '${reply.kind}' from a worker`);
    const { result, secrets } = reply.results[0]!;
    result.findings.forEach((finding, k) => adoptSecret(finding, secrets[k]!));
    return result;
  }

  /** Posts a request and waits for the next reply, or (with `budgetMs`) gives up after it. */
  private request(
    worker: Worker,
    request: Request,
    budgetMs: number | undefined,
  ): Promise<Reply | undefined> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        done();
        resolve(reply);
      };
      const onError = (error: Error) => {
        done();
        reject(new Error(`scanFiles: worker failed: ${error.message}`));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`scanFiles: a worker exited (code ${code}) before the scan finished`));
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      if (budgetMs !== undefined)
        timer = setTimeout(() => {
          done();
          resolve(undefined);
        }, budgetMs);
      worker.postMessage(request);
    });
  }

  /** Returns the worker to the pool (`reuse`) or ends it. */
  async close(reuse: boolean): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    if (reuse) releaseWorker(worker);
    else await worker.terminate();
  }
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

function startWorker(): Worker {
  workersStarted++;
  const created = new Worker(workerScript(SCAN_WORKER_SOURCE), {
    workerData: { role: DLP_SCAN_WORKER_ROLE },
  });
  created.on('exit', () => {
    const at = idle.indexOf(created);
    if (at !== -1) idle.splice(at, 1);
  });
  return created;
}

function takeWorker(): Worker {
  const worker = idle.pop() ?? startWorker();
  worker.ref();
  return worker;
}

/**
 * Starts the workers a scan with `threads` lanes will use, so they load while the caller is still
 * reading files; they wait idle (unref'd) for `scanFiles`.
 */
export function warmScanWorkers(threads: number | 'auto'): void {
  const workers = (threads === 'auto' ? availableParallelism() : threads) - 1;
  for (let missing = workers - idle.length; missing > 0; missing--) releaseWorker(startWorker());
}

function releaseWorker(worker: Worker): void {
  worker.unref();
  idle.push(worker);
}

/** Ends the idle workers kept by `scanFiles` (they end with the process anyway). */
export async function closeScanWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
