/**
 * A scanFiles worker thread (threads.ts): compiles the job's rule pack, scans the batches it is
 * sent and replies with the results. From source a worker runs this file; a bundle's entry imports
 * it when its workerData role is DLP_SCAN_WORKER_ROLE (lib/worker-entry.ts).
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { compileRulePack, defaultRulePack, type CompiledRulePackWithPrefilter } from './pack.ts';
import { secretOf, type ScanResult } from './scan.ts';
import { scanOne, type Job, type Reply, type Request } from './threads.ts';

function serveScans(): void {
  let rules: CompiledRulePackWithPrefilter = defaultRulePack();
  let job: Job = { pack: undefined, allowlist: undefined, baseline: undefined, commit: undefined };
  parentPort!.on('message', (request: Request) => {
    if (request.kind === 'job') {
      job = request.job;
      rules = job.pack ? compileRulePack(job.pack, 'rule pack (worker copy)') : defaultRulePack();
      if (job.ack) parentPort!.postMessage({ kind: 'ready' } satisfies Reply);
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

if (!isMainThread) serveScans();
