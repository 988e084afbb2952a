import { registerWorkerEntry, workerRole } from '../../../lib/worker-entry.ts';
import { DLP_SCAN_WORKER_ROLE } from '../../../lib/dlp/scan-worker-role.ts';

if (workerRole() === DLP_SCAN_WORKER_ROLE) {
  // This bundle started as a scan worker thread (lib/dlp/threads.ts), not as the action: it loads
  // the scanner's chunk only, not the action's.
  await import('../../../lib/dlp/scan-worker.ts');
} else {
  registerWorkerEntry(import.meta.url);
  const [{ runOnGitHub }, { default: dlpScan }] = await Promise.all([
    import('../../../lib/runner.ts'),
    import('./main.ts'),
  ]);
  await runOnGitHub(dlpScan);
}
