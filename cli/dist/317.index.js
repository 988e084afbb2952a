import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 317;
export const ids = [317];
export const modules = {

/***/ 6502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ PGLITE_CONTRIB)
/* harmony export */ });
const PGLITE_CONTRIB = {
    amcheck: async () => (await __webpack_require__.e(/* import() */ 2454).then(__webpack_require__.bind(__webpack_require__, 22454))).amcheck,
    auto_explain: async () => (await __webpack_require__.e(/* import() */ 6421).then(__webpack_require__.bind(__webpack_require__, 66421))).auto_explain,
    bloom: async () => (await __webpack_require__.e(/* import() */ 8771).then(__webpack_require__.bind(__webpack_require__, 38771))).bloom,
    btree_gin: async () => (await __webpack_require__.e(/* import() */ 8455).then(__webpack_require__.bind(__webpack_require__, 48455))).btree_gin,
    btree_gist: async () => (await __webpack_require__.e(/* import() */ 9218).then(__webpack_require__.bind(__webpack_require__, 99218))).btree_gist,
    citext: async () => (await __webpack_require__.e(/* import() */ 3781).then(__webpack_require__.bind(__webpack_require__, 53781))).citext,
    cube: async () => (await __webpack_require__.e(/* import() */ 2967).then(__webpack_require__.bind(__webpack_require__, 72967))).cube,
    dict_int: async () => (await __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 50176))).dict_int,
    dict_xsyn: async () => (await __webpack_require__.e(/* import() */ 7971).then(__webpack_require__.bind(__webpack_require__, 57971))).dict_xsyn,
    earthdistance: async () => (await __webpack_require__.e(/* import() */ 9663).then(__webpack_require__.bind(__webpack_require__, 49663))).earthdistance,
    file_fdw: async () => (await __webpack_require__.e(/* import() */ 824).then(__webpack_require__.bind(__webpack_require__, 20824))).file_fdw,
    fuzzystrmatch: async () => (await __webpack_require__.e(/* import() */ 4496).then(__webpack_require__.bind(__webpack_require__, 34496))).fuzzystrmatch,
    hstore: async () => (await __webpack_require__.e(/* import() */ 3215).then(__webpack_require__.bind(__webpack_require__, 3215))).hstore,
    intarray: async () => (await __webpack_require__.e(/* import() */ 3324).then(__webpack_require__.bind(__webpack_require__, 73324))).intarray,
    isn: async () => (await __webpack_require__.e(/* import() */ 7058).then(__webpack_require__.bind(__webpack_require__, 57058))).isn,
    lo: async () => (await __webpack_require__.e(/* import() */ 4379).then(__webpack_require__.bind(__webpack_require__, 84379))).lo,
    ltree: async () => (await __webpack_require__.e(/* import() */ 948).then(__webpack_require__.bind(__webpack_require__, 948))).ltree,
    moddatetime: async () => (await __webpack_require__.e(/* import() */ 3641).then(__webpack_require__.bind(__webpack_require__, 43641))).moddatetime,
    pageinspect: async () => (await __webpack_require__.e(/* import() */ 7093).then(__webpack_require__.bind(__webpack_require__, 27093))).pageinspect,
    pg_buffercache: async () => (await __webpack_require__.e(/* import() */ 8348).then(__webpack_require__.bind(__webpack_require__, 38348))).pg_buffercache,
    pg_freespacemap: async () => (await __webpack_require__.e(/* import() */ 860).then(__webpack_require__.bind(__webpack_require__, 90860))).pg_freespacemap,
    pg_stat_statements: async () => (await __webpack_require__.e(/* import() */ 7341).then(__webpack_require__.bind(__webpack_require__, 37341))).pg_stat_statements,
    pg_surgery: async () => (await __webpack_require__.e(/* import() */ 2135).then(__webpack_require__.bind(__webpack_require__, 2135))).pg_surgery,
    pg_trgm: async () => (await __webpack_require__.e(/* import() */ 9888).then(__webpack_require__.bind(__webpack_require__, 9888))).pg_trgm,
    pg_visibility: async () => (await __webpack_require__.e(/* import() */ 2910).then(__webpack_require__.bind(__webpack_require__, 32910))).pg_visibility,
    pg_walinspect: async () => (await __webpack_require__.e(/* import() */ 6814).then(__webpack_require__.bind(__webpack_require__, 56814))).pg_walinspect,
    pgcrypto: async () => (await __webpack_require__.e(/* import() */ 6290).then(__webpack_require__.bind(__webpack_require__, 56290))).pgcrypto,
    seg: async () => (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 70849))).seg,
    tablefunc: async () => (await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.bind(__webpack_require__, 20638))).tablefunc,
    tcn: async () => (await __webpack_require__.e(/* import() */ 9869).then(__webpack_require__.bind(__webpack_require__, 69869))).tcn,
    tsm_system_rows: async () => (await __webpack_require__.e(/* import() */ 12).then(__webpack_require__.bind(__webpack_require__, 60012))).tsm_system_rows,
    tsm_system_time: async () => (await __webpack_require__.e(/* import() */ 7784).then(__webpack_require__.bind(__webpack_require__, 7784))).tsm_system_time,
    unaccent: async () => (await __webpack_require__.e(/* import() */ 2387).then(__webpack_require__.bind(__webpack_require__, 52387))).unaccent,
    'uuid-ossp': async () => (await __webpack_require__.e(/* import() */ 8077).then(__webpack_require__.bind(__webpack_require__, 38077))).uuid_ossp,
};


/***/ }),

/***/ 78015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ openPgliteHere)
/* harmony export */ });
/* harmony import */ var _pglite_contrib_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6502);

async function openPgliteHere(extensionNames = []) {
    const { PGlite: PGliteClass } = await __webpack_require__.e(/* import() */ 1618).then(__webpack_require__.bind(__webpack_require__, 11618));
    const extensions = {};
    for (const name of new Set(extensionNames)) {
        const load = _pglite_contrib_js__WEBPACK_IMPORTED_MODULE_0__/* .PGLITE_CONTRIB */ .G[name];
        if (load)
            extensions[name.replace(/-/g, '_')] = await load();
    }
    const db = new PGliteClass({ extensions });
    await db.waitReady;
    return {
        label: 'PGlite (embedded)',
        exec: async (sql) => void (await db.exec(sql)),
        rows: async (sql) => (await db.query(sql)).rows,
        close: () => db.close(),
    };
}


/***/ }),

/***/ 10317:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pglite_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78015);
/**
 * PGlite on a worker thread. PGlite runs PostgreSQL inside this process's WebAssembly and has no
 * way to interrupt a statement (no timer signal reaches it: `statement_timeout` never fires), so
 * a migration that loops forever would hang the gate. On a worker it can be stopped:
 * `Worker.terminate()` ends the WebAssembly mid-statement, and the gate's thread stays free to
 * keep the time. This module is the worker's side: one PGlite, answering exec/rows/close requests.
 */


const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
const db = await (0,_pglite_session_js__WEBPACK_IMPORTED_MODULE_1__/* .openPgliteHere */ .i)(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.extensions);
port.postMessage({ id: 0, ok: true });
port.on('message', (request) => {
    void answer(request).then((reply) => port.postMessage(reply));
});
async function answer({ id, op, sql }) {
    try {
        if (op === 'exec')
            await db.exec(sql);
        else if (op === 'rows')
            return { id, ok: true, rows: await db.rows(sql) };
        else
            await db.close();
        return { id, ok: true };
    }
    catch (error) {
        const e = error;
        const out = { message: typeof e.message === 'string' ? e.message : String(error) };
        if (typeof e.code === 'string')
            out.code = e.code;
        if (e.position !== undefined)
            out.position = String(e.position);
        return { id, ok: false, error: out };
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
