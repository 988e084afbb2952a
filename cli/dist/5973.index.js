import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 5973;
export const ids = [5973];
export const modules = {

/***/ 26727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pn: () => (/* binding */ PolicyError),
  on: () => (/* reexport */ collectDecisions),
  Jo: () => (/* reexport */ decisionLogEntry),
  J_: () => (/* reexport */ decisionLogFile),
  c3: () => (/* binding */ loadPolicyPath)
});

// UNUSED EXPORTS: loadWasmPolicy, reason, recordDecision, unpackPolicy

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/digest.ts
var lib_digest = __webpack_require__(49416);
;// CONCATENATED MODULE: ./lib/policy/builtins.ts
/**
 * Built-in functions compiled Rego calls that @open-policy-agent/opa-wasm does not implement,
 * supplied to the wasm module with OPA's semantics: time values are nanoseconds since the epoch,
 * a time zone is an IANA name ("" = UTC), weekday names are English and capitalised.
 * `now` is the run's clock, so `time.now_ns()` is the same instant the rest of the run uses.
 */
const WEEKDAYS = (/* unused pure expression or super */ null && (['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']));
const formats = new Map();
function format(zone) {
    let f = formats.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone || 'UTC',
            weekday: 'long',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            hourCycle: 'h23',
        });
        formats.set(zone, f);
    }
    return f;
}
/** OPA's `x` or `[x, tz]` argument form. */
function nsAndZone(arg, name) {
    const [ns, zone] = Array.isArray(arg) ? arg : [arg, ''];
    if (typeof ns !== 'number' || !Number.isFinite(ns))
        throw new Error(`${name}: expected nanoseconds`);
    if (typeof zone !== 'string')
        throw new Error(`${name}: the time zone must be a string`);
    // Go's time.LoadLocation("Local") is the machine's zone; a policy must not depend on the runner.
    if (zone === 'Local')
        throw new Error(`${name}: time zone "Local" differs per machine; name the zone`);
    return { ms: Math.floor(ns / 1_000_000), zone };
}
function parts(arg, name) {
    const { ms, zone } = nsAndZone(arg, name);
    let out;
    try {
        out = format(zone).formatToParts(new Date(ms));
    }
    catch {
        throw new Error(`${name}: unknown time zone '${zone}'`);
    }
    const get = (type) => out.find((p) => p.type === type)?.value ?? '';
    return {
        weekday: get('weekday'),
        year: Number(get('year')),
        month: Number(get('month')),
        day: Number(get('day')),
        hour: Number(get('hour')),
        minute: Number(get('minute')),
        second: Number(get('second')),
    };
}
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
function opaTimeBuiltins(now) {
    return {
        'time.now_ns': () => now().getTime() * 1_000_000,
        'time.parse_rfc3339_ns': (value) => {
            const m = typeof value === 'string' ? RFC3339.exec(value) : null;
            const ms = m ? Date.parse(value) : Number.NaN;
            if (!m || Number.isNaN(ms) || new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() !== +m[3])
                throw new Error(`time.parse_rfc3339_ns: '${String(value).slice(0, 40)}' is not an RFC 3339 time`);
            const fraction = m[7] ? Number(m[7].slice(1).padEnd(9, '0')) : 0;
            return Math.floor(ms / 1000) * 1_000_000_000 + fraction;
        },
        'time.weekday': (arg) => parts(arg, 'time.weekday').weekday,
        'time.clock': (arg) => {
            const p = parts(arg, 'time.clock');
            return [p.hour, p.minute, p.second];
        },
        'time.date': (arg) => {
            const p = parts(arg, 'time.date');
            return [p.year, p.month, p.day];
        },
    };
}
const WEEKDAY_NAMES = (/* unused pure expression or super */ null && (WEEKDAYS));

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/report/evidence.ts
var evidence = __webpack_require__(68868);
;// CONCATENATED MODULE: ./lib/policy/decision-log.ts
/**
 * Decision-log entries in OPA's format (https://www.openpolicyagent.org/docs/management-decision-logs):
 * decision_id, path, result, timestamp, bundles.<name>.revision, labels — with the input's SHA-256
 * (`input_sha256`) instead of the input itself, so an entry can be kept as evidence without
 * copying what the input held (reasons, tokens' subjects) into it.
 */




function decisionLogEntry(e) {
    return {
        labels: { app: e.app, type: 'summit-ops' },
        decision_id: (0,external_node_crypto_.randomUUID)(),
        path: e.path,
        input_sha256: (0,lib_digest/* sha256Hex */.f)((0,evidence/* stableStringify */.JB)(e.input ?? null)),
        result: e.result,
        timestamp: e.now.toISOString(),
        bundles: { policy: { revision: e.revision } },
    };
}
/** The evidence file holding a run's decision log (JSON Lines, one entry per evaluation). */
function decisionLogFile(entries) {
    return { name: 'decision-log.jsonl', content: entries.map((e) => `${JSON.stringify(e)}\n`).join('') };
}
const sink = new external_node_async_hooks_.AsyncLocalStorage();
/**
 * Runs `fn` collecting the decision-log entry of every policy evaluation made inside it (however
 * deep: the gate's code need not pass a log around), for the run's evidence bundle.
 */
async function collectDecisions(fn) {
    const decisions = [];
    const value = await sink.run(decisions, fn);
    return { value, decisions };
}
/** Adds an entry to the collection of the enclosing collectDecisions(), if any. */
function recordDecision(entry) {
    sink.getStore()?.push(entry);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/policy/tar.ts
/**
 * A tiny reader for the tarballs `opa build` writes (bundle.tar.gz): ustar headers, GNU long names
 * and PAX `path` records. Pure: bytes in, entries out. opa-wasm does not read bundles itself, and a
 * dependency for ~60 lines of format is not worth its supply-chain cost.
 */

class TarError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarError';
    }
}
const BLOCK = 512;
function cString(bytes, start, length) {
    const slice = bytes.subarray(start, start + length);
    const nul = slice.indexOf(0);
    return Buffer.from(nul < 0 ? slice : slice.subarray(0, nul)).toString('utf8');
}
function octal(bytes, start, length, what, at) {
    // GNU base-256 for sizes over 8 GiB: high bit of the first byte set. A policy bundle never is.
    if (bytes[start] & 0x80)
        throw new TarError(`tar header at byte ${at}: ${what} uses base-256 encoding (entry too large)`);
    const text = cString(bytes, start, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarError(`tar header at byte ${at}: ${what} '${text}' is not octal; the file is not a tar archive`);
    return parseInt(text, 8);
}
function normalise(name) {
    return name.replace(/^(\.?\/)+/, '');
}
function paxPath(record) {
    // PAX records: "<len> key=value\n"; lengths count bytes including themselves.
    const text = Buffer.from(record).toString('utf8');
    let i = 0;
    let path;
    while (i < text.length) {
        const space = text.indexOf(' ', i);
        if (space < 0)
            break;
        const len = Number(text.slice(i, space));
        if (!Number.isInteger(len) || len <= 0)
            break;
        const body = text.slice(space + 1, i + len - 1);
        const eq = body.indexOf('=');
        if (eq > 0 && body.slice(0, eq) === 'path')
            path = body.slice(eq + 1);
        i += len;
    }
    return path;
}
/** Reads a plain (uncompressed) tar archive. */
function readTar(bytes) {
    const entries = [];
    let offset = 0;
    let longName;
    while (offset + BLOCK <= bytes.length) {
        const header = bytes.subarray(offset, offset + BLOCK);
        if (header.every((b) => b === 0))
            break;
        let sum = 0;
        for (let i = 0; i < BLOCK; i++)
            sum += i >= 148 && i < 156 ? 32 : header[i];
        const stored = octal(header, 148, 8, 'checksum', offset);
        if (stored !== sum)
            throw new TarError(`tar header at byte ${offset}: checksum mismatch; the archive is corrupt or not a tar file`);
        const size = octal(header, 124, 12, 'size', offset);
        const type = String.fromCharCode(header[156]);
        const dataStart = offset + BLOCK;
        if (dataStart + size > bytes.length)
            throw new TarError(`tar entry at byte ${offset} claims ${size} bytes but the archive ends first (truncated?)`);
        const data = bytes.subarray(dataStart, dataStart + size);
        const magic = cString(header, 257, 6);
        const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
        const name = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
        longName = undefined;
        if (type === 'L')
            longName = cString(data, 0, data.length);
        else if (type === 'x')
            longName = paxPath(data);
        else if (type === '0' || type === '\0' || type === '7')
            entries.push({ name: normalise(name), data });
        offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    }
    return entries;
}
const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
const isTar = (bytes) => bytes.length >= 262 && cString(bytes, 257, 5) === 'ustar';
/** Reads a .tar or .tar.gz archive; gzip errors become TarError. */
function readTarball(bytes) {
    if (!isGzip(bytes))
        return readTar(bytes);
    let plain;
    try {
        plain = (0,external_node_zlib_.gunzipSync)(bytes);
    }
    catch (error) {
        throw new TarError(`gzip: ${error.message}`);
    }
    return readTar(plain);
}

;// CONCATENATED MODULE: ./lib/policy/index.ts
/**
 * Custom Rego for the gates, evaluated in-process with @open-policy-agent/opa-wasm:
 * - a policy.wasm, a bundle from `opa build -t wasm` (.tar.gz or .tar; /policy.wasm, /data.json
 *   and the revision in /.manifest), or a folder of .rego files compiled here with `opa build`
 *   when `opa` is on PATH (test files ignored);
 * - the time built-ins opa-wasm lacks supplied from lib/policy/builtins.ts, on the run's clock;
 * - every evaluation returns an OPA decision-log entry (lib/policy/decision-log.ts).
 */









class PolicyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PolicyError';
    }
}
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const isWasm = (b) => b.length >= 4 && WASM_MAGIC.every((m, i) => b[i] === m);
function describeStart(b) {
    const head = Buffer.from(b.subarray(0, 16)).toString('latin1');
    return /^[\x20-\x7e\t\r\n]*$/.test(head)
        ? `text starting '${head.replace(/\s+/g, ' ').slice(0, 16)}'`
        : `bytes ${Buffer.from(b.subarray(0, 4)).toString('hex')}`;
}
/** Splits the file into the wasm module, the bundle's data document and its revision. */
function unpackPolicy(bytes, file, hint) {
    const digest = `sha256:${(0,lib_digest/* sha256Hex */.f)(bytes)}`;
    if (isWasm(bytes))
        return { wasm: bytes, revision: digest };
    if (!isGzip(bytes) && !isTar(bytes))
        throw new PolicyError(`policy ${file} is neither a wasm module nor an OPA bundle (.tar.gz): found ${describeStart(bytes)}; ${hint}`);
    let entries;
    try {
        entries = readTarball(bytes);
    }
    catch (error) {
        if (error instanceof TarError)
            throw new PolicyError(`policy ${file} is not a readable OPA bundle: ${error.message}; ${hint}`);
        throw error;
    }
    const wasm = entries.find((e) => e.name === 'policy.wasm');
    if (!wasm) {
        const names = entries
            .map((e) => `/${e.name}`)
            .slice(0, 5)
            .join(', ') || 'no files';
        throw new PolicyError(`policy ${file} is a bundle without /policy.wasm (it has ${names}); it was built without -t wasm: ${hint}`);
    }
    if (!isWasm(wasm.data))
        throw new PolicyError(`policy ${file}: /policy.wasm in the bundle is not a wasm module (${describeStart(wasm.data)}); ${hint}`);
    let revision = digest;
    const manifest = entries.find((e) => e.name === '.manifest');
    if (manifest) {
        try {
            const value = JSON.parse(Buffer.from(manifest.data).toString('utf8'));
            if (typeof value.revision === 'string' && value.revision !== '')
                revision = value.revision;
        }
        catch {
            throw new PolicyError(`policy ${file}: /.manifest in the bundle is not JSON`);
        }
    }
    const dataFile = entries.find((e) => e.name === 'data.json');
    if (!dataFile)
        return { wasm: wasm.data, revision };
    try {
        return { wasm: wasm.data, data: JSON.parse(Buffer.from(dataFile.data).toString('utf8')), revision };
    }
    catch (error) {
        throw new PolicyError(`policy ${file}: /data.json in the bundle is not JSON (${error.message})`);
    }
}
/** Opa-wasm throws strings and plain objects as well as Errors. */
function reason(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    if (error && typeof error === 'object' && 'message' in error)
        return String(error.message);
    return String(error);
}
async function loadWasmPolicy(bytes, file, options) {
    const { wasm, data, revision } = unpackPolicy(bytes, file, options.hint);
    const { loadPolicy } = await __webpack_require__.e(/* import() */ 7774).then(__webpack_require__.bind(__webpack_require__, 87774));
    let policy;
    try {
        policy = await loadPolicy(wasm, undefined, opaTimeBuiltins(options.now));
    }
    catch (error) {
        throw new PolicyError(`policy ${file} cannot be loaded as an OPA wasm policy: ${reason(error)}; ${options.hint}`);
    }
    const entrypoints = Object.keys((policy.entrypoints ?? {}));
    for (const entrypoint of options.entrypoints)
        if (!entrypoints.includes(entrypoint))
            throw new PolicyError(`policy ${file} has no entrypoint ${entrypoint} (it has ${entrypoints.join(', ') || 'none'}); build with -e ${entrypoint}`);
    const base = data && typeof data === 'object' ? data : {};
    let current;
    const setData = (extra) => {
        const next = extra ? { ...base, ...extra } : base;
        if (next === current)
            return;
        try {
            policy.setData(next);
            current = next;
        }
        catch (error) {
            throw new PolicyError(`policy ${file}: loading the data document failed: ${reason(error)}`);
        }
    };
    if (data !== undefined)
        setData(undefined);
    return {
        file,
        revision,
        entrypoints,
        evaluate(entrypoint, input, extra) {
            setData(extra);
            let resultSet;
            try {
                resultSet = policy.evaluate(input, entrypoint);
            }
            catch (error) {
                throw new PolicyError(`policy ${file}: evaluating ${entrypoint} failed: ${reason(error)}`);
            }
            if (!Array.isArray(resultSet))
                throw new PolicyError(`policy ${file}: ${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 80)}, not a result set`);
            const result = resultSet.length === 0 ? undefined : resultSet[0].result;
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
async function loadPolicyPath(absolute, file, options) {
    let info;
    try {
        info = await (0,promises_.stat)(absolute);
    }
    catch (error) {
        const code = error.code;
        throw new PolicyError(code === 'ENOENT'
            ? `policy ${file} not found; ${options.hint}`
            : `policy ${file} cannot be read (${code}); ${options.hint}`);
    }
    if (!info.isDirectory())
        return loadWasmPolicy(await (0,promises_.readFile)(absolute), file, options);
    const out = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'summit-opa-build-'));
    try {
        const bundle = (0,external_node_path_.join)(out, 'bundle.tar.gz');
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
            result = await exec/* getExecOutput */.H('opa', args, { silent: true, ignoreReturnCode: true });
        }
        catch {
            throw new PolicyError(`policy ${file} is a folder of Rego, and compiling it needs \`opa\` on PATH (not found); install it, or build the bundle first: ${options.hint}`);
        }
        if (result.exitCode !== 0)
            throw new PolicyError(`policy ${file}: opa build failed: ${(result.stderr.trim() || result.stdout.trim()).split('\n').slice(0, 6).join(' ') || `exit ${result.exitCode}`}`);
        return await loadWasmPolicy(await (0,promises_.readFile)(bundle), file, options);
    }
    finally {
        await (0,promises_.rm)(out, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 96643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ validateConfig),
/* harmony export */   Fc: () => (/* binding */ compileSchema)
/* harmony export */ });
/* unused harmony export assertValid */
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52210);
/* harmony import */ var ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82815);
/* harmony import */ var ajv_formats__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ajv_formats__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9426);
/**
 * JSON Schema validation (ajv) whose errors land on the YAML line that caused them, worded for a
 * person: `db/catalog/migrations.yaml:12:5: /0/risk must be one of low, medium, high`.
 */



// ajv-formats is CommonJS; under ESM its default export arrives wrapped once more.
const addFormats = ((ajv_formats__WEBPACK_IMPORTED_MODULE_0___default()["default"]) ??
    (ajv_formats__WEBPACK_IMPORTED_MODULE_0___default()));
function compileSchema(schema) {
    const ajv = new ajv_dist_2020_js__WEBPACK_IMPORTED_MODULE_2__.Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(ajv);
    return ajv.compile(schema);
}
/** Validates a loaded config; returns every problem positioned at its YAML line, none if valid. */
function validateConfig(config, validate) {
    if (validate(config.value))
        return [];
    return (validate.errors ?? []).filter(isUseful).map((error) => toProblem(config, error));
}
/** Throws the first problem as a ConfigError (for callers that stop at the first error). */
function assertValid(config, validate) {
    const [first] = validateConfig(config, validate);
    if (first)
        throw new ConfigError(first.file, first, first.message);
}
function isUseful(error) {
    // `if`/`then` wrappers repeat what the inner error already says.
    return error.keyword !== 'if';
}
function toProblem(config, error) {
    const path = (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .pointerToPath */ .ox)(error.instancePath);
    const where = error.instancePath || '(top level)';
    let message;
    let position;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            position = config.locateKey([...path, key]);
            message = `${where}: unknown key '${key}'; remove it or check its spelling`;
            break;
        }
        case 'required': {
            const missing = String(error.params.missingProperty);
            position = config.locate(path);
            message = `${where}: missing required key '${missing}'`;
            break;
        }
        case 'enum': {
            const allowed = error.params.allowedValues.map(String).join(', ');
            position = config.locate(path);
            message = `${where} must be one of ${allowed}`;
            break;
        }
        default:
            position = config.locate(path);
            message = `${where} ${error.message ?? 'is invalid'}`;
    }
    return {
        file: config.file,
        line: position.line,
        column: position.column,
        path: error.instancePath,
        message,
    };
}


/***/ })

};
