import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 954;
export const ids = [954];
export const modules = {

/***/ 9426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports parseConfigDocuments, loadConfigFile, pointerToPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/**
 * YAML and JSON loading that keeps positions: every value can be traced back to file:line:column,
 * so schema errors and policy findings become annotations on the exact line. JSON is parsed by the
 * same YAML 1.2 parser (JSON is a subset), which gives JSON the same positions for free.
 */


class ConfigError extends Error {
    file;
    line;
    column;
    problem;
    constructor(file, position, problem) {
        super(`${file}:${position.line}:${position.column}: ${problem}`);
        this.name = 'ConfigError';
        this.file = file;
        this.line = position.line;
        this.column = position.column;
        this.problem = problem;
    }
}
/** Parses YAML (or JSON) text; a syntax error is a ConfigError at the parser's position. */
function parseConfig(file, text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const [line, column] = positionOfError(firstError, lineCounter);
        throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
    }
    const toPosition = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    return {
        file,
        value: doc.toJS({ maxAliasCount: 100 }),
        locate: (path) => toPosition(findNode(doc, path, false)),
        locateKey: (path) => toPosition(findNode(doc, path, true)),
    };
}
/**
 * Parses a multi-document YAML stream (Kubernetes manifests, `---` separated); each document keeps
 * positions in the whole file. Empty documents are dropped. A syntax error in any document is a
 * ConfigError at its position.
 */
function parseConfigDocuments(file, text) {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        strict: true,
    });
    const docs = Array.isArray(parsed) ? parsed : [];
    const toPosition = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const out = [];
    for (const doc of docs) {
        const firstError = doc.errors[0];
        if (firstError) {
            const [line, column] = positionOfError(firstError, lineCounter);
            throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
        }
        // `---` followed directly by `---` gives a document whose only content is an implicit null.
        if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
            continue;
        out.push({
            file,
            value: doc.toJS({ maxAliasCount: 100 }),
            locate: (path) => toPosition(findNode(doc, path, false)),
            locateKey: (path) => toPosition(findNode(doc, path, true)),
        });
    }
    return out;
}
async function loadConfigFile(file, displayName = file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const problem = code === 'ENOENT'
            ? 'file not found; check the path input'
            : `cannot read file (${code ?? String(error)})`;
        throw new ConfigError(displayName, { line: 1, column: 1 }, problem);
    }
    return parseConfig(displayName, text);
}
function positionOfError(error, lc) {
    if (error.linePos?.[0])
        return [error.linePos[0].line, error.linePos[0].col];
    const { line, col } = lc.linePos(error.pos[0]);
    return [line, col];
}
/** Walks the document along `path` and returns a start offset. */
function findNode(doc, path, wantKey) {
    let node = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const isLast = i === path.length - 1;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isMap)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__.isPair)(p) && keyOf(p.key) === String(segment));
            if (!pair)
                return offset;
            if (isLast && wantKey)
                return rangeStart(pair.key) ?? offset;
            node = pair.value;
            offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isSeq)(node) && typeof segment === 'number') {
            node = node.items[segment];
            offset = rangeStart(node) ?? offset;
            if (node === undefined)
                return offset;
        }
        else {
            return offset;
        }
    }
    return offset;
}
function keyOf(key) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isScalar)(key))
        return String(key.value);
    return undefined;
}
function rangeStart(node) {
    return node?.range?.[0];
}
/** Converts an ajv instancePath (`/items/0/risk`) into path segments. */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .split('/')
        .slice(1)
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}


/***/ }),

/***/ 2183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   L7: () => (/* binding */ readGitHubContext),
/* harmony export */   SZ: () => (/* binding */ changeRange)
/* harmony export */ });
/* unused harmony exports GITHUB_RETRIES, withActionsContext */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The one way this repository reaches GitHub: @actions/github's `context` for what the runner says
 * about the job, and its `getOctokit` with octokit's retry and throttling plugins for the REST API,
 * so 5xx answers, rate limits and secondary rate limits (Retry-After) are handled by the library.
 */






const GITHUB_RETRIES = 2;
function githubClient(options) {
    const retries = options.retries ?? GITHUB_RETRIES;
    const timing = options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue };
    const retryWithin = (_retryAfter, _request, _octokit, retryCount) => retryCount < retries;
    const clientOptions = {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'summit-ops',
        // Octokit logs request failures itself; callers report them once, redacted.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        // 429 is the throttling plugin's: it waits what Retry-After or the rate-limit reset says,
        // where the retry plugin would only back off by its own schedule.
        retry: {
            enabled: retries > 0,
            retries,
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
            ...timing,
        },
        throttle: {
            enabled: retries > 0,
            ...timing,
            ...(options.writeSpacingMs === undefined
                ? {}
                : {
                    write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: options.writeSpacingMs }),
                }),
            onRateLimit: retryWithin,
            onSecondaryRateLimit: retryWithin,
        },
    };
    // getOctokit insists on a token; an anonymous client (public data only) is the same class unauthenticated.
    const client = options.token
        ? (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, clientOptions, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A)
        : new (_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .GitHub */ .gq.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A))(clientOptions);
    const timeoutMs = options.timeoutMs ?? 15_000;
    client.hook.before('request', (request) => {
        request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
    });
    return client;
}
const ActionsContextClass = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.constructor;
/**
 * Reads @actions/github's Context as it is under `env` (the runner's environment, or the one the
 * CLI and tests pass). The Context reads process.env in its constructor and in its `repo` getter,
 * both synchronous, so swapping process.env around `read` cannot interleave with other code.
 */
function withActionsContext(env, read) {
    if (env === process.env)
        return read(new ActionsContextClass());
    const saved = process.env;
    process.env = env;
    try {
        return read(new ActionsContextClass());
    }
    finally {
        process.env = saved;
    }
}
function repositoryOf(ctx) {
    try {
        return `${ctx.repo.owner}/${ctx.repo.repo}`;
    }
    catch {
        return undefined; // outside a runner: no GITHUB_REPOSITORY and no repository in the payload
    }
}
/**
 * What GitHub tells the job, as the plain data `run()` receives. An event file that is named but
 * cannot be read is an error here (the Context would only print a line and carry on with `{}`).
 */
function readGitHubContext(env, token) {
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath && !(0,node_fs__WEBPACK_IMPORTED_MODULE_3__.existsSync)(eventPath))
        throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): no such file`);
    let ctx;
    let repository;
    try {
        [ctx, repository] = withActionsContext(env, (c) => [c, repositoryOf(c)]);
    }
    catch (error) {
        throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${error.message}`);
    }
    const event = ctx.payload;
    const hasEvent = eventPath !== undefined && eventPath !== '';
    const context = { apiUrl: ctx.apiUrl, serverUrl: ctx.serverUrl };
    const optional = [
        ['token', token],
        ['repository', repository],
        ['sha', headSha(event) ?? ctx.sha],
        ['ref', ctx.ref],
        ['eventName', ctx.eventName],
        ['runId', Number.isNaN(ctx.runId) ? undefined : String(ctx.runId)],
        ['runAttempt', Number.isNaN(ctx.runAttempt) ? undefined : String(ctx.runAttempt)],
        ['actor', ctx.actor],
        // Not (yet) part of @actions/github's Context.
        ['triggeringActor', env['GITHUB_TRIGGERING_ACTOR']],
        ['workflowRef', env['GITHUB_WORKFLOW_REF']],
    ];
    for (const [key, value] of optional)
        if (value)
            context[key] = value;
    if (hasEvent)
        context.event = event;
    return context;
}
/** On pull_request and merge_group events GITHUB_SHA is a merge commit; checks belong on the head. */
function headSha(event) {
    const pr = event['pull_request'];
    const group = event['merge_group'];
    return pr?.head?.sha ?? group?.head_sha;
}
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * The base and head of the change a check is asked about, from the event payload: a pull request
 * (pull_request.base.sha/head.sha) or a merge-queue group (merge_group.base_sha/head_sha, which a
 * required check must also answer, or the queue waits forever). Undefined for every other event.
 * Pure.
 */
function changeRange(github) {
    const event = github.event ?? {};
    if (PULL_REQUEST_EVENTS.has(github.eventName ?? '')) {
        const pr = event['pull_request'];
        if (!pr?.base?.sha || !pr.head?.sha)
            return undefined;
        const range = { kind: 'pull_request', base: pr.base.sha, head: pr.head.sha };
        if (typeof pr.number === 'number')
            range.pullRequest = pr.number;
        return range;
    }
    if (github.eventName === 'merge_group') {
        const group = event['merge_group'];
        if (!group?.base_sha || !group.head_sha)
            return undefined;
        return { kind: 'merge_group', base: group.base_sha, head: group.head_sha };
    }
    return undefined;
}


/***/ }),

/***/ 453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ size),
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports int, list, camelCase, describe */
/**
 * Action inputs read into a typed object. The spec says what each input is; the reader says what
 * is wrong in one shape: `Input 'x': <what is wrong>; expected <what>`. Defaults live in action.yml
 * (the runner applies them); the spec's `default` is only for readers that have no action.yml.
 */
class InputError extends Error {
    input;
    constructor(input, problem, expected) {
        super(`Input '${input}': ${problem}; expected ${expected}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/**
 * An http(s) URL input, checked before anything runs. The value is never echoed: it may hold
 * credentials. `example` is what a right value looks like.
 */
function httpUrl(input, value, example) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(input, 'not a URL (value not shown: it may hold credentials)', example);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new InputError(input, `scheme '${url.protocol}' is not supported`, 'an http:// or https:// URL');
    return url;
}
// Generic over the options so that `str({ default: 'x' })` is typed as always present.
const str = (options = {}) => ({
    kind: 'string',
    ...options,
});
const bool = (options = {}) => ({
    kind: 'boolean',
    ...options,
});
const int = (options = {}) => ({
    kind: 'integer',
    ...options,
});
const list = (options = {}) => ({
    kind: 'list',
    ...options,
});
const size = (options = {}) => ({
    kind: 'size',
    ...options,
});
function oneOf(values, options = {}) {
    return { kind: 'enum', values, ...options };
}
function camelCase(name) {
    return name.replace(/[- ]([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/** Reads every input of `spec`, collecting all problems before failing, so a user fixes them in one go. */
function readInputs(spec, source) {
    const values = {};
    const errors = [];
    for (const [name, descriptor] of Object.entries(spec)) {
        try {
            const parsed = readOne(name, descriptor, source(name));
            if (parsed !== undefined)
                values[camelCase(name)] = parsed;
        }
        catch (error) {
            if (error instanceof InputError)
                errors.push(error);
            else
                throw error;
        }
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new InputErrors(errors);
    return values;
}
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.name = 'InputErrors';
        this.errors = errors;
    }
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function readOne(name, d, raw) {
    const text = raw?.trim();
    if (text === undefined || text === '') {
        if (d.default !== undefined)
            return d.default;
        if (d.required)
            throw new InputError(name, 'is required but was not given', describe(d));
        return undefined;
    }
    switch (d.kind) {
        case 'string':
            if (d.pattern && !d.pattern.test(text)) {
                throw new InputError(name, `'${d.secret ? '***' : text}' is not valid`, d.patternHint ?? `a value matching ${d.pattern}`);
            }
            return text;
        case 'boolean':
            // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts.
            if (TRUE.includes(text))
                return true;
            if (FALSE.includes(text))
                return false;
            throw new InputError(name, `'${text}' is not a boolean`, 'true or false');
        case 'integer': {
            if (!/^[+-]?\d+$/.test(text))
                throw new InputError(name, `'${text}' is not an integer`, describe(d));
            const n = Number(text);
            if (!Number.isSafeInteger(n))
                throw new InputError(name, `${text} is too large`, describe(d));
            if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
                throw new InputError(name, `${n} is out of range`, describe(d));
            }
            return n;
        }
        case 'enum':
            if (!d.values.includes(text))
                throw new InputError(name, `'${text}' is not one of the choices`, describe(d));
            return text;
        case 'list':
            return text
                .split(/[\n,]/)
                .map((item) => item.trim())
                .filter((item) => item !== '' && !item.startsWith('#'));
        case 'size':
            return parseSize(name, text);
    }
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1024,
    kb: 1024,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
    gib: 1024 ** 3,
};
function parseSize(name, text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
    const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
    if (!match || unit === undefined)
        throw new InputError(name, `'${text}' is not a size`, 'a byte count such as 1048576, 512k, 10M or 1G');
    const bytes = Math.round(Number(match[1]) * unit);
    if (!Number.isSafeInteger(bytes))
        throw new InputError(name, `'${text}' is too large`, 'a byte count such as 1048576, 512k, 10M or 1G');
    return bytes;
}
function describe(d) {
    switch (d.kind) {
        case 'string':
            return d.patternHint ?? 'a non-empty string';
        case 'boolean':
            return 'true or false';
        case 'integer':
            if (d.min !== undefined && d.max !== undefined)
                return `an integer from ${d.min} to ${d.max}`;
            if (d.min !== undefined)
                return `an integer >= ${d.min}`;
            if (d.max !== undefined)
                return `an integer <= ${d.max}`;
            return 'an integer';
        case 'enum':
            return `one of ${d.values.map((v) => `'${v}'`).join(', ')}`;
        case 'list':
            return 'a newline- or comma-separated list';
        case 'size':
            return 'a byte count such as 1048576, 512k, 10M or 1G';
    }
}


/***/ }),

/***/ 6954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  failSafely: () => (/* binding */ failSafely),
  runOnGitHub: () => (/* binding */ runOnGitHub),
  runnerInput: () => (/* binding */ runnerInput),
  runnerSink: () => (/* binding */ runnerSink)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/config.ts
var config = __webpack_require__(9426);
// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(453);
// EXTERNAL MODULE: ./lib/github.ts
var lib_github = __webpack_require__(2183);
// EXTERNAL MODULE: ./lib/redact.ts + 2 modules
var redact = __webpack_require__(9133);
;// CONCATENATED MODULE: ./lib/runtime.ts
/**
 * Runs an ActionDefinition: reads inputs, builds the RunContext, calls run(), and emits the result
 * through a Sink — the GitHub runner (workflow commands, GITHUB_OUTPUT, the job summary) or the
 * terminal (the CLI). Both paths share execute(), so what the CLI prints is what the runner shows.
 * Every string leaves through the redactor; every error becomes a clear, failing message.
 */







let latestRedactor;
/**
 * The redactor of the run in progress (the last one started), so a last-resort handler for an
 * error nobody caught masks the same secrets the run registered, not only the shapes.
 */
function currentRedactor() {
    return latestRedactor;
}
async function execute(definition, source, sink, options) {
    const redactor = new redact/* Redactor */.pO();
    latestRedactor = redactor;
    for (const [name, descriptor] of Object.entries(definition.inputs)) {
        if (descriptor.secret)
            redactor.addSecret(source(name));
    }
    const safe = (text) => redactor.redact(text);
    const log = {
        info: (m) => sink.info(safe(m)),
        debug: (m) => sink.debug(safe(m)),
        warning: (m) => sink.annotate({ level: 'warning', message: safe(m) }),
    };
    const workspace = options.env['GITHUB_WORKSPACE'] || process.cwd();
    let result;
    try {
        const inputs = (0,lib_inputs/* readInputs */.Ko)(definition.inputs, source);
        const token = inputs['githubToken'];
        const github = (0,lib_github/* readGitHubContext */.L7)(options.env, typeof token === 'string' ? token : undefined);
        const context = {
            workspace,
            tempDir: await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), `${definition.name}-`)),
            github,
            log,
            redactor,
            now: options.now ?? (() => new Date()),
        };
        result = await definition.run(inputs, context);
        const annotations = byLevel(result.annotations).map((a) => redactAnnotation(relativeAnnotation(a, workspace), redactor));
        for (const annotation of annotations)
            sink.annotate(annotation);
        for (const [name, value] of Object.entries(result.outputs))
            sink.setOutput(safe(name), safe(value));
        if (result.summary)
            await sink.writeSummary(safe(result.summary));
        if (result.checkRun && options.publishCheckRun) {
            const outcome = await options.publishCheckRun(result, github, redactor, annotations);
            if (outcome.published)
                sink.info(safe(outcome.message));
            else
                sink.annotate({ level: 'notice', title: 'Check run not published', message: safe(outcome.message) });
        }
        if (result.failure) {
            sink.fail(safe(result.failure));
            return { result, exitCode: 1 };
        }
        return { result, exitCode: 0 };
    }
    catch (error) {
        sink.fail(safeErrorMessage(describeFailure(error, sink, redactor, workspace), redactor));
        // 2 marks a usage error (bad inputs), as CLIs do; the runner fails the step on any non-zero.
        return { exitCode: error instanceof lib_inputs/* InputError */.dz || error instanceof lib_inputs/* InputErrors */.G ? 2 : 1 };
    }
}
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 };
/**
 * Errors, then warnings, then notices, each level in the order the action gave (a stable sort):
 * GitHub shows only the first few annotations of a step, and the ones that fail it come first.
 */
function byLevel(annotations) {
    return [...annotations].sort((a, b) => (LEVEL_RANK[a.level] ?? 3) - (LEVEL_RANK[b.level] ?? 3));
}
/** Longest error message printed; the rest is counted, never shown. */
const MAX_ERROR_LENGTH = 600;
/**
 * What an error may print: redacted, key-like runs masked, truncated. An error can carry content
 * in its message (V8 puts a RegExp's whole source in "Regular expression too large"; JSON.parse
 * quotes its input), and a runner prints the message to the job log.
 */
function safeErrorMessage(message, redactor = new redact/* Redactor */.pO()) {
    const masked = redactor
        .redact(message)
        // Runs that look like key material (base64, hex, tokens) are never worth printing in an error.
        // Words joined by - _ / (paths, identifiers) and git object ids (40 or 64 hex digits, which
        // name the commits of a failing range) stay readable.
        .replace(/[A-Za-z0-9+/=_-]{32,}/g, (run) => /^[a-z]+(?:[-_/][a-z]+)*$/.test(run) || /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(run) ? run : redact/* MASK */.v5);
    if (masked.length <= MAX_ERROR_LENGTH)
        return masked;
    return `${masked.slice(0, MAX_ERROR_LENGTH)}… (${masked.length - MAX_ERROR_LENGTH} more characters not shown)`;
}
/** Turns any thrown error into one message; positioned errors also become an annotation. */
function describeFailure(error, sink, redactor, workspace) {
    if (error instanceof lib_inputs/* InputError */.dz || error instanceof lib_inputs/* InputErrors */.G)
        return error.message;
    if (error instanceof config/* ConfigError */.xL) {
        sink.annotate(redactAnnotation(relativeAnnotation({
            level: 'error',
            file: error.file,
            line: error.line,
            column: error.column,
            message: error.problem,
            title: 'Invalid configuration',
        }, workspace), redactor));
        return error.message;
    }
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
function relativeAnnotation(annotation, workspace) {
    if (!annotation.file || !(0,external_node_path_.isAbsolute)(annotation.file))
        return annotation;
    const rel = (0,external_node_path_.relative)(workspace, annotation.file);
    return rel.startsWith('..') ? annotation : { ...annotation, file: rel.split('\\').join('/') };
}
function redactAnnotation(annotation, redactor) {
    return redactor.redactDeep(annotation);
}

;// CONCATENATED MODULE: ./lib/report/check-run.ts


const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits on check run output fields (characters). */
const MAX_SUMMARY = 65_535;
const MAX_TITLE = 255;
const MAX_ANNOTATION_MESSAGE = 64 * 1024;
/**
 * Annotations sent per check run at most (20 requests of 50). More would mean a long run of
 * sequential PATCHes that invites GitHub's secondary rate limits; the rest stay in the summary,
 * the SARIF log and the reports.
 */
const MAX_CHECK_ANNOTATIONS = 1000;
const LEVELS = {
    error: 'failure',
    warning: 'warning',
    notice: 'notice',
};
/** Our level as GitHub's check annotation level. */
function toCheckLevel(level) {
    return LEVELS[level];
}
/**
 * Splits annotations into those GitHub can place on a file line (converted to the wire shape) and
 * the count of the rest. Pure.
 */
function toCheckAnnotations(annotations) {
    const placed = [];
    let withoutPosition = 0;
    for (const a of annotations) {
        const path = a.file?.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
        if (!path ||
            path.startsWith('/') ||
            /^[A-Za-z]:\//.test(path) ||
            // Outside the repository: GitHub rejects the whole batch (422) for one such path.
            path.split('/').includes('..') ||
            !Number.isInteger(a.line) ||
            (a.line ?? 0) < 1) {
            withoutPosition++;
            continue;
        }
        const startLine = a.line;
        const endLine = a.endLine !== undefined && a.endLine >= startLine ? a.endLine : startLine;
        const out = {
            path,
            start_line: startLine,
            end_line: endLine,
            annotation_level: toCheckLevel(a.level),
            message: truncate(a.message || '(no message)', MAX_ANNOTATION_MESSAGE),
        };
        // GitHub rejects the whole request when columns come with a multi-line range.
        if (startLine === endLine && a.column !== undefined && a.column >= 1) {
            out.start_column = a.column;
            if (a.endColumn !== undefined && a.endColumn >= a.column)
                out.end_column = a.endColumn;
        }
        if (a.title)
            out.title = truncate(a.title, MAX_TITLE);
        placed.push(out);
    }
    return { placed, withoutPosition };
}
/** Cuts `items` into consecutive batches of at most `size`. */
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** Publishes the check run; never throws. Every text sent, and the returned message, is redacted. */
async function publishCheckRun(github, request, redactor, options = {}) {
    const token = github.token;
    // The token is scrubbed from everything we say even if nobody registered it with the redactor.
    const safe = (text) => {
        const out = redactor.redact(text);
        return token && token.length >= 4 ? out.split(token).join(redact/* MASK */.v5) : out;
    };
    const name = safe(request.name);
    const { placed, withoutPosition } = toCheckAnnotations(request.annotations);
    const outcome = (published, message, extra = {}) => ({
        published,
        message: safe(message),
        annotationsSent: 0,
        annotationsWithoutPosition: withoutPosition,
        ...extra,
    });
    if (!token) {
        return outcome(false, `Check run '${name}' skipped: no GitHub token (pass github-token: \${{ github.token }} to the action and grant the job 'checks: write').`);
    }
    const repo = parseRepository(github.repository);
    if (!repo || !github.sha) {
        const missing = [
            !repo ? 'repository (GITHUB_REPOSITORY, owner/name)' : '',
            !github.sha ? 'commit (GITHUB_SHA)' : '',
        ]
            .filter(Boolean)
            .join(' and ');
        return outcome(false, `Check run '${name}' skipped: no ${missing} is known; check runs are only published inside a GitHub workflow.`);
    }
    const annotations = placed.map((a) => scrubDeep(a, safe));
    const title = truncate(safe(request.title), MAX_TITLE);
    const summary = truncate(safe(withPositionNote(request.summary, withoutPosition)), MAX_SUMMARY);
    const octokit = options.octokit ??
        (0,lib_github/* githubClient */.$f)({
            token,
            apiUrl: github.apiUrl,
            ...options.timing,
        });
    const capped = annotations.slice(0, MAX_CHECK_ANNOTATIONS);
    const chunks = batches(capped);
    const where = `${repo.owner}/${repo.repo}@${github.sha.slice(0, 12)}`;
    let sent = 0;
    let id;
    let htmlUrl;
    const headSha = github.sha;
    try {
        const created = await octokit.rest.checks.create({
            owner: repo.owner,
            repo: repo.repo,
            name,
            head_sha: headSha,
            status: 'completed',
            conclusion: request.conclusion,
            completed_at: (options.now?.() ?? new Date()).toISOString(),
            output: { title, summary, annotations: chunks[0] ?? [] },
        });
        id = created.data.id;
        htmlUrl = created.data.html_url ?? undefined;
        sent += chunks[0]?.length ?? 0;
        for (const chunk of chunks.slice(1)) {
            await octokit.rest.checks.update({
                owner: repo.owner,
                repo: repo.repo,
                check_run_id: id,
                output: { title, summary, annotations: chunk },
            });
            sent += chunk.length;
        }
    }
    catch (error) {
        const reason = explainFailure(error, where);
        const extra = { annotationsSent: sent };
        if (id !== undefined) {
            extra.checkRunId = id;
            if (htmlUrl)
                extra.htmlUrl = htmlUrl;
            return outcome(false, `Check run '${name}' (id ${id}) was created but only ${sent} of ${annotations.length} annotations were sent: ${reason}`, extra);
        }
        return outcome(false, `Check run '${name}' not published: ${reason}`, extra);
    }
    const extra = { checkRunId: id, annotationsSent: sent };
    if (htmlUrl)
        extra.htmlUrl = htmlUrl;
    const skippedNote = (withoutPosition > 0 ? `, ${withoutPosition} without a file position kept in the summary count` : '') +
        (annotations.length > capped.length
            ? `, ${annotations.length - capped.length} beyond the first ${MAX_CHECK_ANNOTATIONS} left to the summary and reports`
            : '');
    return outcome(true, `Check run '${name}' published on ${where} (${request.conclusion}, ${sent} annotation${sent === 1 ? '' : 's'}${skippedNote})${htmlUrl ? `: ${htmlUrl}` : ''}.`, extra);
}
/**
 * Adapter for lib/runtime.ts's ExecuteOptions.publishCheckRun: publishes `result.checkRun` with
 * the (already workspace-relative, redacted) annotations and returns the note to log.
 */
async function publishResultCheckRun(result, github, redactor, annotations, options = {}) {
    if (!result.checkRun)
        return { published: false, message: 'No check run requested.' };
    const outcome = await publishCheckRun(github, { ...result.checkRun, annotations }, redactor, options);
    return { published: outcome.published, message: outcome.message };
}
function withPositionNote(summary, withoutPosition) {
    if (withoutPosition === 0)
        return summary;
    const note = `${withoutPosition} annotation${withoutPosition === 1 ? '' : 's'} without a file position ${withoutPosition === 1 ? 'is' : 'are'} not shown as check annotations; see the job log.`;
    return `${summary.replace(/\s+$/, '')}\n\n> ${note}\n`;
}
function parseRepository(repository) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}
/** What went wrong and what to do, from GitHub's answer. Never includes request headers. */
function explainFailure(error, where) {
    const e = (error ?? {});
    // Octokit reports a failed fetch (no answer at all) as status 500 without a response.
    const status = typeof e.status === 'number' && e.response ? e.status : undefined;
    const data = e.response?.data;
    const apiMessage = typeof data?.message === 'string' ? data.message : undefined;
    const said = apiMessage ? ` ("${apiMessage}")` : '';
    const needs = e.response?.headers?.['x-accepted-github-permissions'];
    switch (status) {
        case 401:
            return `GitHub answered 401${said}: the token is invalid or expired.`;
        case 403:
            return (`GitHub answered 403${said}: the token lacks the 'checks: write' permission` +
                `${needs ? ` (GitHub accepts: ${needs})` : ''}. Add 'permissions: checks: write' to the job; ` +
                `on pull requests from forks the token is read-only and check runs cannot be published.`);
        case 404:
            return `GitHub answered 404${said}: ${where} is not visible to this token (wrong repository, or the token cannot read it).`;
        case 422:
            return `GitHub answered 422${said}${validationDetails(data?.errors)}: the commit may not exist in the repository, or a field is invalid.`;
        case undefined: {
            const cause = error
                ?.cause;
            const text = cause?.cause?.code ??
                cause?.code ??
                cause?.message ??
                (error instanceof Error ? error.message : String(error));
            return `the GitHub API could not be reached (${text}).`;
        }
        default:
            return `GitHub answered ${status}${said}.`;
    }
}
function validationDetails(errors) {
    if (!Array.isArray(errors) || errors.length === 0)
        return '';
    const parts = errors
        .slice(0, 5)
        .map((x) => typeof x === 'string'
        ? x
        : typeof x?.message === 'string'
            ? x.message
            : [x?.resource, x?.field, x?.code].filter(Boolean).join(' '))
        .filter(Boolean);
    return parts.length ? ` [${parts.join('; ')}]` : '';
}
function scrubDeep(value, safe) {
    if (typeof value === 'string')
        return safe(value);
    if (Array.isArray(value))
        return value.map((v) => scrubDeep(v, safe));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, safe)]));
    }
    return value;
}
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const marker = '\n…(truncated)';
    return text.slice(0, max - marker.length) + marker;
}

;// CONCATENATED MODULE: ./lib/runner.ts
/**
 * The GitHub runner adapter: the only module that talks to @actions/core. Each action's
 * src/index.ts is one line: `await runOnGitHub(definition)`.
 */



const runnerSink = {
    info: (message) => core/* info */.pq(message),
    debug: (message) => core/* debug */.Yz(message),
    annotate: (a) => {
        const properties = {};
        if (a.title)
            properties.title = a.title;
        if (a.file)
            properties.file = a.file;
        if (a.line !== undefined)
            properties.startLine = a.line;
        if (a.endLine !== undefined)
            properties.endLine = a.endLine;
        // GitHub ignores columns on multi-line annotations; sending them anyway makes it drop the annotation.
        if (a.column !== undefined && (a.endLine === undefined || a.endLine === a.line))
            properties.startColumn = a.column;
        if (a.endColumn !== undefined && (a.endLine === undefined || a.endLine === a.line))
            properties.endColumn = a.endColumn;
        if (a.level === 'error')
            core/* error */.z3(a.message, properties);
        else if (a.level === 'warning')
            core/* warning */.$e(a.message, properties);
        else
            core/* notice */.lm(a.message, properties);
    },
    setOutput: (name, value) => core/* setOutput */.uH(name, value),
    writeSummary: async (markdown) => {
        if (!process.env['GITHUB_STEP_SUMMARY'])
            return;
        await core/* summary */.z.addRaw(markdown, true).write();
    },
    fail: (message) => core/* setFailed */.C1(message),
};
/** Reads INPUT_* exactly as the runner sets them: upper case, spaces to '_', hyphens kept. */
function runnerInput(name) {
    return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}
/**
 * The last line of defence: an error nobody caught prints its name and a masked, truncated message
 * — never Node's default dump of the message and stack, which can carry file content or a secret.
 */
function failSafely(error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    core/* setFailed */.C1(`Unexpected ${name}: ${safeErrorMessage(message, currentRedactor())}`);
    process.exitCode = 1;
}
let handlersInstalled = false;
async function runOnGitHub(definition) {
    if (!handlersInstalled) {
        handlersInstalled = true;
        process.on('uncaughtException', failSafely);
        process.on('unhandledRejection', failSafely);
    }
    try {
        const { exitCode } = await execute(definition, runnerInput, runnerSink, {
            env: process.env,
            publishCheckRun: (result, github, redactor, annotations) => publishResultCheckRun(result, github, redactor, annotations),
        });
        process.exitCode = exitCode;
    }
    catch (error) {
        failSafely(error);
    }
}


/***/ })

};
