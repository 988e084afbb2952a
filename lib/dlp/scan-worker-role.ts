/** workerData role of a scanFiles worker thread (threads.ts, scan-worker.ts, lib/worker-entry.ts). */
export const DLP_SCAN_WORKER_ROLE = 'dlp-scan';
