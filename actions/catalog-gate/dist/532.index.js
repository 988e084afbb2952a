import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 532;
export const ids = [532];
export const modules = {

/***/ 9426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ox: () => (/* binding */ pointerToPath),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export loadConfigFile */
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

/***/ 453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports int, list, size, camelCase, describe */
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

/***/ 2241:
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


/***/ }),

/***/ 7532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOnGitHub: () => (/* binding */ runOnGitHub),
  runnerInput: () => (/* binding */ runnerInput),
  runnerSink: () => (/* binding */ runnerSink)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
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
// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(2241);
;// CONCATENATED MODULE: ./lib/redact.ts

/**
 * One redactor per run. Every string leaving an action — log lines, annotations, the job summary,
 * outputs, reports, SARIF, evidence files — passes through `redact()`. Secrets are registered by
 * value (tokens from inputs, values a scanner found) and by pattern (shapes that must never be
 * printed even if nobody registered them).
 */
const MASK = '***';
/** Shapes redacted even when no one registered the value. Kept deliberately narrow: credentials. */
const BUILT_IN_PATTERNS = [
    // An optional backslash before _ and -: the same tokens after markdown escaping in a job summary.
    /\bgh[pousr]\\?_[A-Za-z0-9]{36,255}\b/g,
    /\bgithub\\?_pat\\?_[A-Za-z0-9_\\]{22,255}\b/g,
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
    /\bxox[abposr]\\?-[A-Za-z0-9\\-]{10,}\b/g,
    /\bglpat\\?-[A-Za-z0-9_\\-]{20,}\b/g,
    /\bnpm\\?_[A-Za-z0-9]{36}\b/g,
    // JWTs (three base64url parts, the first two JSON objects) and bearer credentials.
    /\beyJ[A-Za-z0-9_\\-]{8,}\.eyJ[A-Za-z0-9_\\-]{8,}\.[A-Za-z0-9_\\-]{8,}/g,
    /(?<=\b[Bb]earer\s+)[A-Za-z0-9._~+/\\-]{16,}=*/g,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    // userinfo in URLs: scheme://user:password@host — up to the last @ before the host, so a
    // password containing @ is masked whole.
    /(?<=\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/]*(?=@[^\s@/]+)/gi,
    // a token alone as userinfo: https://<token>@host (short names such as git@ are left alone)
    /(?<=\b[a-z][a-z0-9+.-]*:\/\/)[A-Za-z0-9_\\-]{20,}(?=@)/gi,
];
/** Values shorter than this are not registered: masking "a" or "10" everywhere destroys output. */
const MIN_SECRET_LENGTH = 4;
class Redactor {
    values = new Set();
    patterns = [...BUILT_IN_PATTERNS];
    combined;
    /** Registers a value to mask wherever it appears, with its JSON- and URL-encoded forms. */
    addSecret(value) {
        if (!value)
            return;
        for (const form of encodedForms(value)) {
            if (form.length >= MIN_SECRET_LENGTH)
                this.values.add(form);
        }
        this.combined = undefined;
    }
    addPattern(pattern) {
        const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
        this.patterns.push(new RegExp(pattern.source, flags));
    }
    /** The registered values, for handing on to a child redactor (never for printing). */
    secrets() {
        return [...this.values];
    }
    redact(text) {
        if (!text)
            return text;
        let out = text;
        if (this.values.size > 0) {
            this.combined ??= new RegExp([...this.values]
                .sort((a, b) => b.length - a.length)
                .map(escapeRegExp)
                .join('|'), 'g');
            out = out.replace(this.combined, MASK);
        }
        for (const pattern of this.patterns) {
            pattern.lastIndex = 0;
            out = out.replace(pattern, MASK);
        }
        return out;
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
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

;// CONCATENATED MODULE: ./lib/runtime.ts
/**
 * Runs an ActionDefinition: reads inputs, builds the RunContext, calls run(), and emits the result
 * through a Sink — the GitHub runner (workflow commands, GITHUB_OUTPUT, the job summary) or the
 * terminal (the CLI). Both paths share execute(), so what the CLI prints is what the runner shows.
 * Every string leaves through the redactor; every error becomes a clear, failing message.
 */






async function execute(definition, source, sink, options) {
    const redactor = new Redactor();
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
        const github = await readGitHubContext(options.env, inputs);
        const context = {
            workspace,
            tempDir: await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), `${definition.name}-`)),
            github,
            log,
            redactor,
            now: options.now ?? (() => new Date()),
        };
        result = await definition.run(inputs, context);
        const annotations = result.annotations.map((a) => redactAnnotation(relativeAnnotation(a, workspace), redactor));
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
        sink.fail(safe(describeFailure(error, sink, redactor, workspace)));
        // 2 marks a usage error (bad inputs), as CLIs do; the runner fails the step on any non-zero.
        return { exitCode: error instanceof lib_inputs/* InputError */.dz || error instanceof lib_inputs/* InputErrors */.G ? 2 : 1 };
    }
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
async function readGitHubContext(env, inputs) {
    let event;
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath) {
        try {
            event = JSON.parse(await (0,promises_.readFile)(eventPath, 'utf8'));
        }
        catch (error) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${error.message}`);
        }
    }
    const token = typeof inputs['githubToken'] === 'string' ? inputs['githubToken'] : undefined;
    const context = {
        apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
    };
    const optional = [
        ['token', token],
        ['repository', env['GITHUB_REPOSITORY']],
        ['sha', headSha(event) ?? env['GITHUB_SHA']],
        ['ref', env['GITHUB_REF']],
        ['eventName', env['GITHUB_EVENT_NAME']],
        ['runId', env['GITHUB_RUN_ID']],
        ['runAttempt', env['GITHUB_RUN_ATTEMPT']],
        ['actor', env['GITHUB_ACTOR']],
        ['triggeringActor', env['GITHUB_TRIGGERING_ACTOR']],
        ['workflowRef', env['GITHUB_WORKFLOW_REF']],
    ];
    for (const [key, value] of optional)
        if (value)
            context[key] = value;
    if (event)
        context.event = event;
    return context;
}
/** On pull_request events GITHUB_SHA is the merge commit; checks belong on the PR head. */
function headSha(event) {
    const pr = event?.['pull_request'];
    return pr?.head?.sha;
}

// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(891);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./lib/http.ts
/**
 * HTTP with timeouts and retries, on Node's global fetch. Every attempt has its own timeout (a
 * stuck server must not eat the job's whole budget); network errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and jitter, honouring Retry-After; other statuses are final.
 * Errors name the method and a sanitised URL (no userinfo, secret-looking query values masked) and
 * never any header, so they are safe to log.
 */

class HttpError extends Error {
    method;
    /** Sanitised: safe to print. */
    url;
    attempts;
    /** The last HTTP status seen, if any attempt got a response. */
    status;
    reason;
    /** The final response when the failure is a status; its body is not in the message. */
    response;
    constructor(init) {
        const tries = `${init.attempts} attempt${init.attempts === 1 ? '' : 's'}`;
        const last = init.status === undefined ? '' : `; last status ${init.status}`;
        super(`${init.method} ${init.url} failed after ${tries}: ${init.detail}${last}`);
        this.name = 'HttpError';
        this.method = init.method;
        this.url = init.url;
        this.attempts = init.attempts;
        this.status = init.status;
        this.reason = init.reason;
        this.response = init.response;
    }
}
const SECRET_PARAM = /(token|key|secret|signature|password|passwd|pwd|sig|credential|credentials|auth)$/;
/** True for query parameter names whose values are credentials (`token`, `api_key`, `X-Amz-Signature`…). */
function isSecretParam(name) {
    return SECRET_PARAM.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
/**
 * The URL as it may be printed: userinfo removed, fragment dropped, values of secret-looking query
 * parameters replaced with `***`. Other parameters keep their original encoding.
 */
function sanitizeUrl(input) {
    let url;
    try {
        url = new URL(String(input));
    }
    catch {
        return '<invalid URL>';
    }
    url.username = '';
    url.password = '';
    url.hash = '';
    // Credentials that live in the path: Slack/Discord webhooks, Telegram bot<token> URLs.
    url.pathname = url.pathname
        .replace(/^(\/services)\/[^/]+\/[^/]+\/[^/]+/, '$1/***')
        .replace(/^(\/api\/webhooks\/\d+)\/[^/]+/, '$1/***')
        .replace(/^\/bot\d+:[^/]+/, '/bot***');
    const query = url.search.slice(1);
    if (!query)
        return url.toString();
    const parts = query.split('&').map((part) => {
        const eq = part.indexOf('=');
        const rawName = eq === -1 ? part : part.slice(0, eq);
        let name = rawName;
        try {
            name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        }
        catch {
            // a malformed escape is still a name we can test as is
        }
        return isSecretParam(name) && eq !== -1 ? `${rawName}=***` : part;
    });
    url.search = '';
    return `${url.toString()}?${parts.join('&')}`;
}
/**
 * Sends a request with per-attempt timeout and retries. Resolves with the buffered response;
 * rejects with HttpError (never a raw fetch error) on timeout, network failure, abort, or a final
 * non-2xx status (unless `throwHttpErrors: false`).
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
async function httpRequest(url, options = {}) {
    const method = (options.method ?? 'GET').toUpperCase();
    const timeoutMs = options.timeoutMs ?? 10_000;
    const retries = Math.max(0, Math.floor(options.retries ?? (IDEMPOTENT.has(method) ? 2 : 0)));
    const minBackoffMs = options.minBackoffMs ?? 500;
    const maxBackoffMs = Math.max(minBackoffMs, options.maxBackoffMs ?? 30_000);
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    let target;
    try {
        target = new URL(String(url));
    }
    catch {
        throw new HttpError({
            method,
            url: '<invalid URL>',
            attempts: 0,
            reason: 'network',
            detail: 'the URL is not valid',
        });
    }
    const safeUrl = sanitizeUrl(target);
    const headers = new Headers(options.headers);
    const secrets = collectSecrets(target, headers);
    // fetch() refuses URLs with userinfo (and echoes them in its error); send them as Basic auth like curl.
    if (target.username || target.password) {
        if (!headers.has('authorization')) {
            const user = decodeURIComponent(target.username);
            const pass = decodeURIComponent(target.password);
            headers.set('authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
        }
        target.username = '';
        target.password = '';
    }
    let body = options.body;
    if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        if (!headers.has('content-type'))
            headers.set('content-type', 'application/json');
    }
    const fail = (init) => new HttpError({ ...init, method, url: safeUrl, detail: scrub(init.detail, secrets) });
    let lastStatus;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail({
                attempts: attempt - 1,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller',
            });
        }
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        let retryAfterMs;
        let failure;
        try {
            const init = { method, headers, signal, redirect: 'follow' };
            if (body !== undefined)
                init.body = body;
            const res = await fetch(target, init);
            const text = await res.text();
            lastStatus = res.status;
            const response = makeResponse(res, text, safeUrl, attempt, (detail) => fail({ attempts: attempt, status: res.status, reason: 'invalid-json', detail }));
            if (res.ok || (options.throwHttpErrors === false && !isRetryableStatus(res.status)))
                return response;
            failure = fail({
                attempts: attempt,
                status: res.status,
                reason: 'status',
                detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${bodySnippet(text)}`,
                response,
            });
            if (!isRetryableStatus(res.status))
                throw failure;
            if (attempt > retries) {
                if (options.throwHttpErrors === false)
                    return response;
                throw failure;
            }
            retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
        }
        catch (error) {
            if (error instanceof HttpError)
                throw error;
            if (options.signal?.aborted) {
                throw fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'aborted',
                    detail: 'aborted by the caller',
                });
            }
            failure = timeout.aborted
                ? fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'timeout',
                    detail: `no complete response within ${timeoutMs} ms (timeoutMs)`,
                })
                : fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'network',
                    detail: `network error: ${describeNetworkError(error)}`,
                });
            if (attempt > retries)
                throw failure;
        }
        const wait = retryAfterMs !== undefined
            ? Math.min(retryAfterMs, maxBackoffMs)
            : backoffMs(attempt, minBackoffMs, maxBackoffMs, random);
        try {
            await sleep(wait, options.signal);
        }
        catch {
            throw fail({
                attempts: attempt,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller while waiting to retry',
            });
        }
    }
}
/** 429 and 5xx are worth retrying: the server says "later", not "never". */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599);
}
/**
 * The wait before retry number `attempt` (1-based): min·2^(attempt-1), capped, then "equal jitter"
 * (between half and all of it) so clients that failed together do not retry together.
 */
function backoffMs(attempt, minMs, maxMs, random = Math.random) {
    const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base / 2 + (base / 2) * random());
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
function makeResponse(res, text, safeUrl, attempts, invalidJson) {
    return {
        status: res.status,
        statusText: res.statusText,
        ok: res.ok,
        headers: res.headers,
        url: safeUrl,
        attempts,
        text: () => text,
        json() {
            try {
                return JSON.parse(text);
            }
            catch (error) {
                throw invalidJson(`the response body is not JSON (${error.message})`);
            }
        },
    };
}
function bodySnippet(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (!flat)
        return '';
    return `: ${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}`;
}
function describeNetworkError(error) {
    const err = error;
    const cause = err?.cause;
    if (cause?.code && cause.message)
        return `${cause.code} (${cause.message})`;
    if (cause?.message)
        return cause.message;
    return err?.message ?? String(error);
}
/** Values that must not survive into a message even if a lower layer echoes them. */
function collectSecrets(url, headers) {
    const values = [];
    const add = (v) => {
        if (v.length >= 3)
            values.push(v, encodeURIComponent(v));
    };
    if (url.username)
        add(decodeURIComponent(url.username));
    if (url.password)
        add(decodeURIComponent(url.password));
    for (const [name, value] of url.searchParams)
        if (isSecretParam(name))
            add(value);
    for (const [name, value] of headers) {
        if (/auth|token|key|secret|cookie|signature|password/i.test(name)) {
            add(value);
            for (const word of value.split(/\s+/))
                add(word);
        }
    }
    return [...new Set(values)].sort((a, b) => b.length - a.length);
}
function scrub(text, secrets) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
function defaultSleep(ms, signal) {
    return delay(ms, undefined, signal ? { signal } : undefined);
}

;// CONCATENATED MODULE: ./lib/report/check-run.ts
/**
 * Publishes one check run per action through the official Octokit client. A check run is a
 * courtesy on top of the step's own result, so nothing here throws: a missing token, missing
 * commit, or a refusal from GitHub comes back as a message to log, worded with what to change.
 *
 * GitHub's limits shape it: at most 50 annotations per request (the first 50 go with the create,
 * the rest in update calls), annotations need a file and a line, and columns are only accepted on
 * single-line annotations.
 */



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
/** Retries of one create/update on 5xx, 429 or a rate-limit 403. */
const CHECK_RUN_RETRIES = 2;
/** True for failures worth another attempt: server errors and rate limits (never 401/404/422). */
function isRetryableApiError(error) {
    const e = error;
    if (e.status === undefined)
        return true; // network failure
    if (e.status >= 500 || e.status === 429)
        return true;
    return (e.status === 403 &&
        (e.response?.headers?.['retry-after'] !== undefined || /rate limit/i.test(e.message ?? '')));
}
async function withRetry(call, sleep) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (attempt > CHECK_RUN_RETRIES || !isRetryableApiError(error))
                throw error;
            const headers = error.response?.headers;
            await sleep(parseRetryAfter(headers?.['retry-after']) ?? backoffMs(attempt, 1000, 30_000));
        }
    }
}
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
        return token && token.length >= 4 ? out.split(token).join(MASK) : out;
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
        new dist_src.Octokit({
            auth: token,
            baseUrl: github.apiUrl.replace(/\/+$/, ''),
            userAgent: 'summit-ops',
            // Octokit logs request failures itself; we report them once, redacted.
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        });
    const capped = annotations.slice(0, MAX_CHECK_ANNOTATIONS);
    const chunks = batches(capped);
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const where = `${repo.owner}/${repo.repo}@${github.sha.slice(0, 12)}`;
    let sent = 0;
    let id;
    let htmlUrl;
    const headSha = github.sha;
    try {
        const created = await withRetry(() => octokit.rest.checks.create({
            owner: repo.owner,
            repo: repo.repo,
            name,
            head_sha: headSha,
            status: 'completed',
            conclusion: request.conclusion,
            completed_at: (options.now?.() ?? new Date()).toISOString(),
            output: { title, summary, annotations: chunks[0] ?? [] },
        }), sleep);
        id = created.data.id;
        htmlUrl = created.data.html_url ?? undefined;
        sent += chunks[0]?.length ?? 0;
        for (const chunk of chunks.slice(1)) {
            const checkRunId = id;
            await withRetry(() => octokit.rest.checks.update({
                owner: repo.owner,
                repo: repo.repo,
                check_run_id: checkRunId,
                output: { title, summary, annotations: chunk },
            }), sleep);
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
async function runOnGitHub(definition) {
    const { exitCode } = await execute(definition, runnerInput, runnerSink, {
        env: process.env,
        publishCheckRun: (result, github, redactor, annotations) => publishResultCheckRun(result, github, redactor, annotations),
    });
    process.exitCode = exitCode;
}


/***/ })

};
