import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 271;
export const ids = [271];
export const modules = {

/***/ 6271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pack_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7782);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(492);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6932);
/**
 * A scanFiles worker thread (threads.ts): compiles the job's rule pack, scans the batches it is
 * sent and replies with the results. From source a worker runs this file; a bundle's entry imports
 * it when its workerData role is DLP_SCAN_WORKER_ROLE (lib/worker-entry.ts).
 */




function serveScans() {
    let rules = (0,_pack_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultRulePack */ .T1)();
    let job = { pack: undefined, allowlist: undefined, baseline: undefined, commit: undefined };
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.on('message', (request) => {
        if (request.kind === 'job') {
            job = request.job;
            rules = job.pack ? (0,_pack_js__WEBPACK_IMPORTED_MODULE_1__/* .compileRulePack */ .ZC)(job.pack, 'rule pack (worker copy)') : (0,_pack_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultRulePack */ .T1)();
            if (job.ack)
                node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ kind: 'ready' });
            return;
        }
        const out = [];
        for (const file of request.files) {
            try {
                const result = (0,_threads_js__WEBPACK_IMPORTED_MODULE_3__/* .scanOne */ .UX)(file, rules, job);
                // The raw values live in this thread's WeakMap; they travel beside the findings so the
                // main thread can put them in its own (findings themselves stay free of them).
                out.push({ result, secrets: result.findings.map((f) => (0,_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .secretOf */ .OM)(f)) });
            }
            catch (error) {
                node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({
                    kind: 'error',
                    id: request.id,
                    message: error.message,
                    path: file.path,
                });
                return;
            }
        }
        node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage({ kind: 'batch', id: request.id, results: out });
    });
}
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread)
    serveScans();


/***/ })

};
