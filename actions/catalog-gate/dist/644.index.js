import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 644;
export const ids = [644];
export const modules = {

/***/ 9426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ox: () => (/* binding */ pointerToPath),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports parseConfigDocuments, loadConfigFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
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
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isPair */ .tO)(p) && keyOf(p.key) === String(segment));
            if (!pair)
                return offset;
            if (isLast && wantKey)
                return rangeStart(pair.key) ?? offset;
            node = pair.value;
            offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(key))
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

/***/ 22183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   L7: () => (/* binding */ readGitHubContext),
/* harmony export */   SZ: () => (/* binding */ changeRange)
/* harmony export */ });
/* unused harmony exports GITHUB_RETRIES, withActionsContext */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73024);
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

/***/ 90453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports httpUrl, list, size, camelCase, describe */
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

/***/ 99133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v5: () => (/* binding */ MASK),
  pO: () => (/* binding */ Redactor)
});

// UNUSED EXPORTS: maskedPreview

;// CONCATENATED MODULE: ./lib/aho-corasick.ts
/**
 * An Aho-Corasick automaton over UTF-16 code units that reports, for each position of a text, the
 * longest registered string ending there. One pass, O(text + total pattern length), whatever the
 * strings contain — unlike a RegExp alternation built from them, which V8 refuses past a size
 * ("Regular expression too large", with the source — the secrets — in the message) and which can
 * backtrack.
 *
 * Everything lives in typed arrays: the root's transitions in a dense table, every other
 * transition in one open-addressing hash table keyed by (node, code unit). A run that registers a
 * thousand findings (PEM keys in all their encoded forms: over half a million code units) builds
 * in a few milliseconds, and a scan costs a few table reads per code unit (bench/redact).
 *
 * No Node built-ins: lib/dlp and the edge Worker may use it.
 */
const ROOT = 0;
const NONE = -1;
const INITIAL_NODES = 1024;
class StringSet {
    /** The root's transitions as a dense table: the hot path of a scan stays in the root. */
    rootNext = new Int32Array(65536).fill(NONE);
    /**
     * A long value is a chain of one-child nodes: each node's first child sits in two flat arrays
     * (read in sequence while a value is added), and only the other children of a branching node go
     * to the hash table.
     */
    firstCode = new Int32Array(INITIAL_NODES).fill(NONE);
    firstChild = new Int32Array(INITIAL_NODES);
    /** Per node: its parent, the code unit on the edge into it, its failure link and depth. */
    parent = new Int32Array(INITIAL_NODES);
    codes = new Uint16Array(INITIAL_NODES);
    fail = new Int32Array(INITIAL_NODES);
    depth = new Int32Array(INITIAL_NODES);
    /** Length of the longest registered string that is a suffix of this node's path (0: none). */
    longest = new Int32Array(INITIAL_NODES);
    nodes = 1;
    /** Other children: slot → (from, code, to); `from` is NONE in an empty slot. */
    edgeFrom = new Int32Array(INITIAL_NODES * 2).fill(NONE);
    edgeCode = new Uint16Array(INITIAL_NODES * 2);
    edgeTo = new Int32Array(INITIAL_NODES * 2);
    edges = 0;
    built = true;
    /** Number of code units registered (the automaton's size is at most this plus one). */
    get size() {
        return this.nodes - 1;
    }
    add(text) {
        if (!text)
            return;
        let node = ROOT;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            let child = node === ROOT ? this.rootNext[code] : this.edge(node, code);
            if (child < 0) {
                child = this.newNode(node, code);
                if (node === ROOT)
                    this.rootNext[code] = child;
                else if (this.firstCode[node] === NONE) {
                    this.firstCode[node] = code;
                    this.firstChild[node] = child;
                }
                else
                    this.addEdge(node, code, child);
            }
            node = child;
        }
        if (this.longest[node] < text.length)
            this.longest[node] = text.length;
        this.built = false;
    }
    newNode(parent, code) {
        if (this.nodes === this.codes.length)
            this.growNodes();
        const node = this.nodes++;
        this.parent[node] = parent;
        this.codes[node] = code;
        this.depth[node] = this.depth[parent] + 1;
        return node;
    }
    growNodes() {
        const size = this.codes.length * 2;
        const widen = (old, next) => {
            next.set(old);
            return next;
        };
        this.firstCode = widen(this.firstCode, new Int32Array(size).fill(NONE));
        this.firstChild = widen(this.firstChild, new Int32Array(size));
        this.parent = widen(this.parent, new Int32Array(size));
        this.codes = widen(this.codes, new Uint16Array(size));
        this.fail = widen(this.fail, new Int32Array(size));
        this.depth = widen(this.depth, new Int32Array(size));
        this.longest = widen(this.longest, new Int32Array(size));
    }
    static slot(node, code, mask) {
        return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    }
    /** The child of non-root `node` along `code`, or NONE. */
    edge(node, code) {
        const first = this.firstCode[node];
        if (first === code)
            return this.firstChild[node];
        if (first === NONE || this.edges === 0)
            return NONE;
        const { edgeFrom, edgeCode } = this;
        const mask = edgeFrom.length - 1;
        for (let s = StringSet.slot(node, code, mask);; s = (s + 1) & mask) {
            const from = edgeFrom[s];
            if (from === NONE)
                return NONE;
            if (from === node && edgeCode[s] === code)
                return this.edgeTo[s];
        }
    }
    addEdge(node, code, child) {
        // At most half full, so a probe ends soon at an empty slot.
        if ((this.edges + 1) * 2 > this.edgeFrom.length)
            this.rehash(this.edgeFrom.length * 2);
        this.place(node, code, child);
        this.edges++;
    }
    place(node, code, child) {
        const { edgeFrom } = this;
        const mask = edgeFrom.length - 1;
        let s = StringSet.slot(node, code, mask);
        while (edgeFrom[s] !== NONE)
            s = (s + 1) & mask;
        edgeFrom[s] = node;
        this.edgeCode[s] = code;
        this.edgeTo[s] = child;
    }
    rehash(size) {
        const { edgeFrom, edgeCode, edgeTo } = this;
        this.edgeFrom = new Int32Array(size).fill(NONE);
        this.edgeCode = new Uint16Array(size);
        this.edgeTo = new Int32Array(size);
        for (let s = 0; s < edgeFrom.length; s++)
            if (edgeFrom[s] !== NONE)
                this.place(edgeFrom[s], edgeCode[s], edgeTo[s]);
    }
    /**
     * Calls `hit(start, end)` for every position where a registered string ends, with the longest
     * such string (shorter ones ending at the same place lie inside it). Ends increase strictly.
     */
    scan(text, hit) {
        if (this.nodes === 1)
            return;
        if (!this.built)
            this.build();
        const { rootNext, fail, longest, firstCode, firstChild } = this;
        let node = ROOT;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            for (;;) {
                if (node === ROOT) {
                    const child = rootNext[code];
                    if (child !== NONE)
                        node = child;
                    break;
                }
                const child = firstCode[node] === code ? firstChild[node] : this.edge(node, code);
                if (child !== NONE) {
                    node = child;
                    break;
                }
                node = fail[node];
            }
            const length = longest[node];
            if (length > 0)
                hit(i + 1 - length, i + 1);
        }
    }
    /**
     * Failure links in order of depth (a counting sort of the nodes), so a node's parent is linked
     * before it; `longest` inherits along them (the dictionary-suffix links).
     */
    build() {
        const { fail, longest, codes, parent, depth, nodes } = this;
        let deepest = 0;
        for (let n = 1; n < nodes; n++)
            if (depth[n] > deepest)
                deepest = depth[n];
        const start = new Int32Array(deepest + 2);
        for (let n = 1; n < nodes; n++)
            start[depth[n] + 1]++;
        for (let d = 1; d <= deepest + 1; d++)
            start[d] += start[d - 1];
        const order = new Int32Array(nodes - 1);
        for (let n = 1; n < nodes; n++)
            order[start[depth[n]]++] = n;
        for (const node of order) {
            const from = parent[node];
            if (from === ROOT) {
                fail[node] = ROOT;
                continue;
            }
            const code = codes[node];
            let f = fail[from];
            let target = NONE;
            for (;;) {
                target = f === ROOT ? this.rootNext[code] : this.edge(f, code);
                if (target !== NONE || f === ROOT)
                    break;
                f = fail[f];
            }
            const to = target !== NONE ? target : ROOT;
            fail[node] = to;
            if (longest[to] > longest[node])
                longest[node] = longest[to];
        }
        this.built = true;
    }
}

;// CONCATENATED MODULE: ./lib/redact-shapes.ts
/**
 * Credential shapes the redactor masks even when nobody registered the value, found by a
 * hand-written scanner instead of regexes with lookbehind and open-ended repeats (those backtrack:
 * one such pattern took 27 s on a 68 KB string). One literal-anchor pass finds where a shape may
 * start; each anchor is then extended over character runs that are never scanned twice, so the
 * whole pass is linear in the text.
 *
 * An optional backslash before `_` and `-`: the same tokens after markdown escaping in a job
 * summary. No Node built-ins (lib/dlp and the edge Worker share this file's consumers).
 */
const ANCHORS = /gh[pousr]\\?_|github\\?_pat\\?_|A(?:KIA|SIA|BIA|CCA)|xox[abposre]|glpat\\?-|npm\\?_|eyJ|[Bb]earer|-----BEGIN |:\/\//g;
const ALNUM = charClass('A-Za-z0-9');
const UPPER_DIGIT = charClass('A-Z0-9');
const PAT = charClass('A-Za-z0-9_\\\\');
const SLACK = charClass('A-Za-z0-9\\\\\\-');
const GLPAT = charClass('A-Za-z0-9_\\\\\\-');
const JWT = GLPAT;
const BEARER = charClass('A-Za-z0-9._~+/\\\\\\-');
const WORD = charClass('A-Za-z0-9_');
const SCHEME = charClass('A-Za-z0-9+.\\-');
const PEM_BODY = charClass('A-Za-z0-9+/=,:.\\- \\t\\r\\n');
/** A 128-entry lookup table; code units past ASCII are never in these classes. */
function charClass(spec) {
    const table = new Uint8Array(128);
    const re = new RegExp(`[${spec}]`);
    for (let c = 0; c < 128; c++)
        if (re.test(String.fromCharCode(c)))
            table[c] = 1;
    return table;
}
function inClass(table, code) {
    return code < 128 && table[code] === 1;
}
/**
 * The end of the run of `table` characters starting at `from`. Remembers the last run per table so
 * that anchors inside one long run (`eyJ-eyJ-eyJ…`) do not rescan it: anchors arrive in order.
 */
class Runs {
    cache = new Map();
    text;
    constructor(text) {
        this.text = text;
    }
    end(table, from) {
        const last = this.cache.get(table);
        if (last && from >= last.start && from <= last.end)
            return last.end;
        let i = from;
        const { text } = this;
        while (i < text.length && inClass(table, text.charCodeAt(i)))
            i++;
        this.cache.set(table, { start: from, end: i });
        return i;
    }
}
function wordBefore(text, at) {
    return at > 0 && inClass(WORD, text.charCodeAt(at - 1));
}
function wordAt(text, at) {
    return at < text.length && inClass(WORD, text.charCodeAt(at));
}
function scanShapes(text, hit) {
    ANCHORS.lastIndex = 0;
    let m = ANCHORS.exec(text);
    if (!m)
        return;
    const runs = new Runs(text);
    // The next PEM footer at or after a position. Callers ask with increasing positions, and a
    // search starts past the previous answer, so all searches together read the text once.
    let footerAt = -2;
    const footer = (from) => {
        if (footerAt === -2 || (footerAt >= 0 && footerAt < from))
            footerAt = text.indexOf('-----END ', from);
        return footerAt;
    };
    let maskedTo = 0;
    const emit = (start, end) => {
        hit(start, end);
        if (end > maskedTo)
            maskedTo = end;
    };
    for (; m; m = ANCHORS.exec(text)) {
        const at = m.index;
        const anchor = m[0];
        const after = at + anchor.length;
        if (at < maskedTo && anchor !== '://')
            continue;
        switch (anchor[0]) {
            case 'g':
                if (wordBefore(text, at))
                    break;
                if (anchor.startsWith('github')) {
                    if (runs.end(PAT, after) - after >= 22)
                        emit(at, runs.end(PAT, after));
                }
                else if (anchor.startsWith('glpat')) {
                    if (runs.end(GLPAT, after) - after >= 20)
                        emit(at, runs.end(GLPAT, after));
                }
                else if (runs.end(ALNUM, after) - after >= 36)
                    emit(at, runs.end(ALNUM, after));
                break;
            case 'A': {
                if (wordBefore(text, at))
                    break;
                const end = runs.end(UPPER_DIGIT, after);
                if (end - after === 16 && !wordAt(text, end))
                    emit(at, end);
                break;
            }
            case 'x': {
                if (wordBefore(text, at))
                    break;
                // xoxb-, xoxe.xoxp-, xoxe-: a dash or dot, then the token body
                const sep = text[after] === '\\' ? after + 1 : after;
                if (text[sep] !== '-' && text[sep] !== '.')
                    break;
                const end = runs.end(SLACK, sep + 1);
                if (end - sep - 1 >= 10)
                    emit(at, end);
                break;
            }
            case 'n': {
                if (wordBefore(text, at))
                    break;
                const end = runs.end(ALNUM, after);
                if (end - after >= 36)
                    emit(at, end);
                break;
            }
            case 'e': {
                if (wordBefore(text, at))
                    break;
                const one = runs.end(JWT, after);
                if (one - after < 8 || text[one] !== '.' || !text.startsWith('eyJ', one + 1))
                    break;
                const two = runs.end(JWT, one + 4);
                if (two - one - 4 < 8 || text[two] !== '.')
                    break;
                const three = runs.end(JWT, two + 1);
                if (three - two - 1 < 8)
                    break;
                emit(at, three);
                break;
            }
            case 'B':
            case 'b': {
                if (wordBefore(text, at))
                    break;
                let i = after;
                while (i < text.length && /\s/.test(text[i]))
                    i++;
                if (i === after)
                    break;
                let end = runs.end(BEARER, i);
                if (end - i < 16)
                    break;
                while (text[end] === '=')
                    end++;
                emit(i, end);
                break;
            }
            case '-': {
                const header = /^[A-Z ]{0,40}PRIVATE KEY-----/.exec(text.slice(after, after + 60));
                if (!header)
                    break;
                const bodyStart = after + header[0].length;
                let end = -1;
                for (let f = footer(bodyStart); f >= 0; f = footer(f + 1)) {
                    const closing = /^-----END [A-Z ]{0,40}PRIVATE KEY-----/.exec(text.slice(f, f + 70));
                    if (closing) {
                        end = f + closing[0].length;
                        break;
                    }
                }
                // No footer (a truncated key in a log): mask the key material that follows the header.
                emit(at, end >= 0 ? end : runs.end(PEM_BODY, bodyStart));
                break;
            }
            case ':': {
                // scheme://userinfo@host — the userinfo runs to the last @ before the host.
                if (at === 0 || !inClass(SCHEME, text.charCodeAt(at - 1)))
                    break;
                const start = after;
                let stop = start;
                while (stop < text.length && text[stop] !== '/' && !/\s/.test(text[stop]))
                    stop++;
                let lastAt = -1;
                for (let i = stop - 2; i >= start; i--) {
                    if (text[i] === '@' && text[i + 1] !== '@') {
                        lastAt = i;
                        break;
                    }
                }
                if (lastAt <= start)
                    break;
                let colon = start;
                while (colon < lastAt && text[colon] !== ':')
                    colon++;
                const user = colon < lastAt ? text.slice(start, colon) : '';
                if (user.length > 0 && !user.includes('@')) {
                    emit(start, lastAt);
                    break;
                }
                // a token alone as userinfo: https://<token>@host (short names such as git@ are left alone)
                const end = runs.end(GLPAT, start);
                if (end === lastAt && end - start >= 20)
                    emit(start, end);
                break;
            }
        }
    }
}

// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(12241);
;// CONCATENATED MODULE: ./lib/redact.ts



/**
 * One redactor per run. Every string leaving an action — log lines, annotations, the job summary,
 * outputs, reports, SARIF, evidence files — passes through `redact()`. Secrets are registered by
 * value (tokens from inputs, values a scanner found) and by pattern (shapes that must never be
 * printed even if nobody registered them).
 */
const MASK = '***';
/** Values shorter than this are not registered: masking "a" or "10" everywhere destroys output. */
const MIN_SECRET_LENGTH = 4;
/**
 * Masking is one pass over the text whatever was registered: registered values (every encoded
 * form) sit in an Aho-Corasick automaton, never in a RegExp built from them — V8 refuses a large
 * one and puts its source, the secrets, in the error — and the built-in credential shapes come from
 * a linear hand-written scanner (lib/redact-shapes.ts). Every match becomes an interval; the union
 * of the intervals is replaced by the mask, so overlapping matches never leave a tail visible.
 */
class Redactor {
    values = new Set();
    automaton = new StringSet();
    patterns = [];
    /** Strings that stay readable where they appear whole (made on the first `addReadable`). */
    readable;
    /** Registers a value to mask wherever it appears, with its JSON- and URL-encoded forms. */
    addSecret(value) {
        if (!value)
            return;
        for (const form of encodedForms(value)) {
            if (form.length >= MIN_SECRET_LENGTH && !this.values.has(form)) {
                this.values.add(form);
                this.automaton.add(form);
            }
        }
    }
    /**
     * Registers a URL that may carry credentials: the whole URL, and its user name and password on
     * their own (raw and percent-decoded), since a server's message or a log line can show either alone.
     */
    addUrlCredentials(url) {
        this.addSecret(url.href);
        for (const part of [url.username, url.password]) {
            if (!part)
                continue;
            this.addSecret(part);
            try {
                this.addSecret(decodeURIComponent(part));
            }
            catch {
                // not valid percent-encoding: the raw form is registered already
            }
        }
    }
    /**
     * An extra shape to mask. The caller vouches that it is linear (no nested or adjacent
     * overlapping repeats: lib/dlp/regex-safety.ts checks that) and never builds it from secrets.
     */
    addPattern(pattern) {
        const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
        this.patterns.push(new RegExp(pattern.source, flags));
    }
    /**
     * A string that stays readable wherever it appears whole: a workspace path a report names. A
     * found value that equals a file name, or sits inside one (`keys/<value>.pem`), is masked
     * everywhere else but not inside that path, so annotations, tables and SARIF locations still
     * say where the finding is. A path is no secret (anyone who sees the report sees the tree), and
     * a mask that reaches outside the path's text is kept whole.
     */
    addReadable(text) {
        if (!text)
            return;
        this.readable ??= new StringSet();
        for (const form of readableForms(text))
            if (form.length >= MIN_SECRET_LENGTH)
                this.readable.add(form);
    }
    /** The registered values, for handing on to a child redactor (never for printing). */
    secrets() {
        return [...this.values];
    }
    redact(text) {
        if (!text)
            return text;
        // Most strings hold nothing to mask: no span set is made for them.
        let spans;
        const add = (start, end) => (spans ??= new Spans()).add(start, end);
        this.automaton.scan(text, add);
        scanShapes(text, add);
        for (const pattern of this.patterns) {
            pattern.lastIndex = 0;
            for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
                if (m[0].length === 0)
                    pattern.lastIndex++;
                else
                    add(m.index, m.index + m[0].length);
            }
        }
        if (spans === undefined)
            return text;
        if (this.readable !== undefined) {
            const kept = spans;
            const readable = new Spans();
            this.readable.scan(text, (start, end) => readable.add(start, end));
            kept.dropInside(readable);
        }
        return spans.apply(text, MASK);
    }
    /** Redacts every string inside a JSON-like value, keys included. */
    redactDeep(value) {
        return this.walk(value);
    }
    walk(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.walk(item));
        if (value && typeof value === 'object') {
            const out = {};
            for (const [key, item] of Object.entries(value))
                out[this.redact(key)] = this.walk(item);
            return out;
        }
        return value;
    }
}
/** A union of half-open intervals, sorted once when applied (O(k log k) for k matches). */
class Spans {
    starts = [];
    ends = [];
    add(start, end) {
        const last = this.starts.length - 1;
        // Consecutive hits of one source often overlap (a long value reported at each end position).
        if (last >= 0 && this.starts[last] <= start && this.ends[last] >= start) {
            if (end > this.ends[last])
                this.ends[last] = end;
            return;
        }
        this.starts.push(start);
        this.ends.push(end);
    }
    /**
     * Drops every interval that lies wholly inside one of `outer`'s. Sorted once, then a binary
     * search per interval: O((k + r) log r).
     */
    dropInside(outer) {
        const count = outer.starts.length;
        if (count === 0)
            return;
        const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => outer.starts[a] - outer.starts[b]);
        const starts = order.map((i) => outer.starts[i]);
        // reach[i]: the furthest end among the first i+1 outer intervals by start.
        const reach = [];
        for (const i of order)
            reach.push(Math.max(reach[reach.length - 1] ?? 0, outer.ends[i]));
        // Compacted in place: kept intervals move down, the tail is cut.
        let w = 0;
        for (let k = 0; k < this.starts.length; k++) {
            const s = this.starts[k];
            const e = this.ends[k];
            let lo = 0;
            let hi = count;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (starts[mid] <= s)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo > 0 && reach[lo - 1] >= e)
                continue;
            this.starts[w] = s;
            this.ends[w] = e;
            w++;
        }
        this.starts.length = w;
        this.ends.length = w;
    }
    apply(text, mask) {
        const count = this.starts.length;
        if (count === 0)
            return text;
        const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => this.starts[a] - this.starts[b]);
        const parts = [];
        let at = 0;
        let open = -1;
        let close = -1;
        for (const i of order) {
            const s = this.starts[i];
            const e = this.ends[i];
            if (open >= 0 && s <= close) {
                if (e > close)
                    close = e;
                continue;
            }
            if (open >= 0) {
                parts.push(text.slice(at, open), mask);
                at = close;
            }
            open = s;
            close = e;
        }
        parts.push(text.slice(at, open), mask, text.slice(close));
        return parts.join('');
    }
}
function encodedForms(value) {
    const forms = new Set([value, value.trim()]);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
    // Markdown and HTML escaping happen before redaction (the summary builder escapes user text),
    // and GitHub renders the escaped form back to the value: mask those forms too.
    forms.add((0,summary/* escapeText */.X1)(value));
    forms.add((0,summary/* escapeCell */.kq)(value));
    // Workflow-command escaping of annotation data and properties.
    forms.add(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
    forms.add(value
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C'));
    // A multi-line secret (a PEM key) also appears line by line in logs.
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 8)
            forms.add(line.trim());
    return [...forms].filter(Boolean);
}
/**
 * The forms a path takes in outputs: as is, JSON-escaped, escaped for the summary's text and
 * table cells, and as a SARIF artifact URI (each segment percent-encoded, `@` and `+` kept, as
 * lib/report/sarif.ts writes it).
 */
function readableForms(path) {
    const forms = new Set([
        path,
        JSON.stringify(path).slice(1, -1),
        (0,summary/* escapeText */.X1)(path),
        (0,summary/* escapeCell */.kq)(path),
    ]);
    forms.add(path
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+'))
        .join('/'));
    return [...forms].filter(Boolean);
}
/**
 * A preview that says which value without showing it: its first characters and its length,
 * e.g. `AKIA…(20)`. Short values show nothing but the length.
 */
function maskedPreview(value, visible = 4) {
    if (value.length <= visible * 2)
        return `…(${value.length})`;
    return `${value.slice(0, visible)}…(${value.length})`;
}


/***/ }),

/***/ 12241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   w8: () => (/* binding */ statusMark)
/* harmony export */ });
/* unused harmony exports PASS_MARK, FAIL_MARK, markdownCell, inlineCode, codeBlock, table, bulletList, heading, paragraph, details, SummaryBuilder, summary */
/**
 * A small markdown builder for GitHub job summaries (GITHUB_STEP_SUMMARY). Pure: it only builds a
 * string. Text handed to it is treated as literal text, not markdown, so a finding message that
 * contains `|`, `*`, `<script>` or a newline cannot break the table it sits in or inject markup;
 * use `raw()` for trusted markdown.
 */
const PASS_MARK = '✓';
const FAIL_MARK = '✗';
/** Marks a cell as markdown we built ourselves (never user text: that must stay escaped). */
function markdownCell(markdown) {
    return { markdown };
}
/**
 * Escapes text for a markdown paragraph or list item: inline markdown punctuation is
 * backslash-escaped everywhere, block markers only at the start of a line, and HTML-significant
 * characters become entities because job summaries render HTML too.
 */
function escapeText(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~])/g, '\\$1')
        // Only at the start of a line do these open a heading, list, quote or setext underline.
        .replace(/^(\s*)([#+\-=])/gm, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/gm, '$1\\$2'));
}
/**
 * Escapes text for one table cell: everything escapeText does, plus newlines become `<br>` (a raw
 * newline ends the table row) and `|` is escaped (GFM splits cells on it even inside code spans).
 */
function escapeCell(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'object')
        return value.markdown.replace(/\r?\n/g, '<br>').replace(/(?<!\\)\|/g, '\\|');
    const text = String(value).replace(/\r\n?/g, '\n');
    return text
        .split('\n')
        .map((line) => escapeText(line))
        .join('<br>');
}
/** ✓ or ✗, with optional text after it. */
function statusMark(ok, text) {
    const mark = ok ? PASS_MARK : FAIL_MARK;
    return text === undefined ? mark : `${mark} ${text}`;
}
/** Inline code that survives backticks inside the text (CommonMark: use a longer fence). */
function inlineCode(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Fenced code block; the fence grows past any run of backticks in the code so it cannot close early. */
function codeBlock(code, language = '') {
    const longest = Math.max(0, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const body = code.endsWith('\n') ? code : `${code}\n`;
    return `${fence}${language.replace(/[`\s]/g, '')}\n${body}${fence}`;
}
/**
 * A GFM table whose columns are padded to equal width so the source reads as a table too.
 * Rows shorter than the header are padded with empty cells; longer rows are an error (a silent
 * drop would hide data).
 */
function table(columns, rows) {
    const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
    if (cols.length === 0)
        throw new Error('table(): at least one column is required');
    const body = rows.map((row, index) => {
        if (row.length > cols.length) {
            throw new Error(`table(): row ${index + 1} has ${row.length} cells but the table has ${cols.length} columns`);
        }
        return cols.map((_, i) => escapeCell(row[i]));
    });
    const header = cols.map((c) => escapeCell(c.header));
    const widths = cols.map((c, i) => Math.max(3, displayWidth(header[i] ?? ''), ...body.map((r) => displayWidth(r[i] ?? ''))));
    const line = (cells) => `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 3, cols[i]?.align)).join(' | ')} |`;
    const rule = `| ${cols.map((c, i) => alignRule(widths[i] ?? 3, c.align)).join(' | ')} |`;
    return [line(header), rule, ...body.map(line)].join('\n');
}
function bulletList(items, depth = 0) {
    const indent = '  '.repeat(depth);
    const lines = [];
    for (const item of items) {
        if (Array.isArray(item)) {
            if (item.length > 0)
                lines.push(bulletList(item, depth + 1));
        }
        else {
            lines.push(`${indent}- ${escapeCell(item)}`);
        }
    }
    return lines.join('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${escapeText(text.replace(/\s*\r?\n\s*/g, ' '))}`;
}
function paragraph(text) {
    return escapeText(text);
}
/**
 * A collapsible block. The summary line is escaped; the body is markdown (build it with the other
 * helpers). The blank lines around the body are what makes GitHub render markdown inside HTML.
 */
function details(summaryText, bodyMarkdown, open = false) {
    return `<details${open ? ' open' : ''}><summary>${escapeCell(summaryText)}</summary>\n\n${bodyMarkdown.replace(/\s+$/, '')}\n\n</details>`;
}
/** Collects blocks and joins them with blank lines. */
class SummaryBuilder {
    blocks = [];
    heading(text, level = 2) {
        return this.push(heading(text, level));
    }
    paragraph(text) {
        return this.push(paragraph(text));
    }
    table(columns, rows) {
        return this.push(table(columns, rows));
    }
    list(items) {
        return items.length === 0 ? this : this.push(bulletList(items));
    }
    details(summaryText, body, open = false) {
        return this.push(details(summaryText, typeof body === 'string' ? body : body.toString(), open));
    }
    code(code, language = '') {
        return this.push(codeBlock(code, language));
    }
    status(ok, text) {
        return this.push(statusMark(ok, escapeText(text)));
    }
    /** Trusted markdown, inserted as is. */
    raw(markdown) {
        return this.push(markdown);
    }
    toString() {
        return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
    }
    push(block) {
        this.blocks.push(block);
        return this;
    }
}
function summary() {
    return new SummaryBuilder();
}
function alignRule(width, align) {
    switch (align) {
        case 'center':
            return `:${'-'.repeat(width - 2)}:`;
        case 'right':
            return `${'-'.repeat(width - 1)}:`;
        case 'left':
            return `:${'-'.repeat(width - 1)}`;
        default:
            return '-'.repeat(width);
    }
}
function pad(cell, width, align) {
    const gap = width - displayWidth(cell);
    if (gap <= 0)
        return cell;
    if (align === 'right')
        return ' '.repeat(gap) + cell;
    if (align === 'center')
        return ' '.repeat(Math.floor(gap / 2)) + cell + ' '.repeat(gap - Math.floor(gap / 2));
    return cell + ' '.repeat(gap);
}
/** Code points, not UTF-16 units, so ✓ and emoji do not skew the padding. */
function displayWidth(text) {
    let n = 0;
    for (const _ of text)
        n++;
    return n;
}


/***/ })

};
