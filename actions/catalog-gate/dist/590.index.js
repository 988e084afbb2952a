import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 590;
export const ids = [590];
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
/* unused harmony exports list, size, camelCase, describe */
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
