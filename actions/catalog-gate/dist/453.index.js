import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 453;
export const ids = [453];
export const modules = {

/***/ 57453:
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
var core = __webpack_require__(57264);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/config.ts
var config = __webpack_require__(9426);
// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(90453);
// EXTERNAL MODULE: ./lib/github.ts
var lib_github = __webpack_require__(22183);
;// CONCATENATED MODULE: ./lib/aho-corasick.ts
/**
 * An Aho-Corasick automaton over UTF-16 code units that reports, for each position of a text, the
 * longest registered string ending there. One pass, O(text + total pattern length), whatever the
 * strings contain — unlike a RegExp alternation built from them, which V8 refuses past a size
 * ("Regular expression too large", with the source — the secrets — in the message) and which can
 * backtrack.
 *
 * No Node built-ins: lib/dlp and the edge Worker may use it.
 */
const ROOT = 0;
class StringSet {
    /**
     * Transitions of every node but the root. A long value is a chain of one-child nodes, so the
     * first child sits in two flat arrays and only branching nodes get a map for the others.
     */
    firstCode = [-1];
    firstChild = [-1];
    more = new Map();
    /** The root's transitions as a dense table: the hot path of a scan stays in the root. */
    rootNext = new Int32Array(65536).fill(-1);
    fail = [ROOT];
    /** Length of the longest registered string that is a suffix of this node's path (0: none). */
    longest = [0];
    rootChildren = [];
    /** The code unit on the edge into each node. */
    codes = [0];
    built = true;
    total = 0;
    /** Number of code units registered (the automaton's size is at most this plus one). */
    get size() {
        return this.total;
    }
    add(text) {
        if (!text)
            return;
        let node = ROOT;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            let child = this.step(node, code);
            if (child < 0) {
                child = this.fail.length;
                this.fail.push(ROOT);
                this.longest.push(0);
                this.codes.push(code);
                this.firstCode.push(-1);
                this.firstChild.push(-1);
                if (node === ROOT) {
                    this.rootNext[code] = child;
                    this.rootChildren.push(child);
                }
                else if (this.firstCode[node] === -1) {
                    this.firstCode[node] = code;
                    this.firstChild[node] = child;
                }
                else {
                    let others = this.more.get(node);
                    if (!others)
                        this.more.set(node, (others = new Map()));
                    others.set(code, child);
                }
                this.total++;
            }
            node = child;
        }
        if (this.longest[node] < text.length)
            this.longest[node] = text.length;
        this.built = false;
    }
    /** The child of `node` along `code`, or -1. */
    step(node, code) {
        if (node === ROOT)
            return this.rootNext[code];
        if (this.firstCode[node] === code)
            return this.firstChild[node];
        if (this.firstCode[node] === -1)
            return -1;
        return this.more.get(node)?.get(code) ?? -1;
    }
    /**
     * Calls `hit(start, end)` for every position where a registered string ends, with the longest
     * such string (shorter ones ending at the same place lie inside it). Ends increase strictly.
     */
    scan(text, hit) {
        if (this.total === 0)
            return;
        if (!this.built)
            this.build();
        const { rootNext, fail, longest } = this;
        let node = ROOT;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            for (;;) {
                if (node === ROOT) {
                    const child = rootNext[code];
                    node = child < 0 ? ROOT : child;
                    break;
                }
                const child = this.step(node, code);
                if (child >= 0) {
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
    /** Failure links breadth first; `longest` inherits along them (the dictionary-suffix links). */
    build() {
        const { fail, longest, codes, firstChild, more } = this;
        const queue = [];
        for (const child of this.rootChildren) {
            fail[child] = ROOT;
            queue.push(child);
        }
        const link = (node, child) => {
            const code = codes[child];
            let f = fail[node];
            let target = -1;
            for (;;) {
                target = this.step(f, code);
                if (target >= 0 || f === ROOT)
                    break;
                f = fail[f];
            }
            fail[child] = target >= 0 ? target : ROOT;
            if (longest[fail[child]] > longest[child])
                longest[child] = longest[fail[child]];
            queue.push(child);
        };
        for (let head = 0; head < queue.length; head++) {
            const node = queue[head];
            const first = firstChild[node];
            if (first < 0)
                continue;
            link(node, first);
            if (more.size > 0) {
                const others = more.get(node);
                if (others)
                    for (const child of others.values())
                        link(node, child);
            }
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
    const redactor = new Redactor();
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
function safeErrorMessage(message, redactor = new Redactor()) {
    const masked = redactor
        .redact(message)
        // Runs that look like key material (base64, hex, tokens) are never worth printing in an error.
        // Words joined by - _ / (paths, identifiers) and git object ids (40 or 64 hex digits, which
        // name the commits of a failing range) stay readable.
        .replace(/[A-Za-z0-9+/=_-]{32,}/g, (run) => /^[a-z]+(?:[-_/][a-z]+)*$/.test(run) || /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(run) ? run : MASK);
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
