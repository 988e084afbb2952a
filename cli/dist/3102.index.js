import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 3102;
export const ids = [3102];
export const modules = {

/***/ 83102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_FILE_SIZE: () => (/* binding */ DEFAULT_MAX_FILE_SIZE),
  FAILING_SKIPS: () => (/* binding */ FAILING_SKIPS),
  createDlpScan: () => (/* binding */ createDlpScan),
  "default": () => (/* binding */ main),
  parseThreads: () => (/* binding */ parseThreads),
  resolvePlan: () => (/* binding */ resolvePlan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/action.ts
var action = __webpack_require__(95490);
// EXTERNAL MODULE: ./lib/github.ts + 25 modules
var lib_github = __webpack_require__(57378);
// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(90453);
// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(12241);
// EXTERNAL MODULE: ./lib/report/sarif.ts + 1 modules
var report_sarif = __webpack_require__(11188);
// EXTERNAL MODULE: ./lib/report/evidence.ts
var evidence = __webpack_require__(68868);
// EXTERNAL MODULE: ./lib/dlp/index.ts + 3 modules
var dlp = __webpack_require__(78304);
// EXTERNAL MODULE: ./lib/config.ts
var lib_config = __webpack_require__(9426);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/config.ts
/**
 * The user's files: a rule-pack override (YAML or JSON, lib/dlp's format) and a baseline of
 * accepted fingerprints. Every problem becomes a ConfigError naming file:line, which the runtime
 * turns into an annotation on that line.
 */



/** Looked for at the workspace root when the `rules` / `baseline` inputs are empty. */
const DEFAULT_RULES_FILE = '.summit-ops-dlp.yml';
const DEFAULT_BASELINE_FILE = '.summit-ops-dlp-baseline.json';
async function readText(file, shownAs, input) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new lib_config/* ConfigError */.xL(shownAs, { line: 1, column: 1 }, code === 'ENOENT'
            ? `file not found; check the ${input} input`
            : `cannot read file (${code ?? String(error)})`);
    }
}
/**
 * Compiles the built-in pack with the override applied. lib/dlp names the rule and the field but,
 * for errors found after merging (a bad regex in an overriding rule), not the line: the merged
 * pack has no positions. The line is looked up here in the override file from the rule id and field.
 */
async function loadRules(file, shownAs = file) {
    if (!file)
        return (0,dlp/* defaultRulePack */.T1)();
    return rulesFromText(await readText(file, shownAs, 'rules'), shownAs);
}
/** Compiles an override given as text (read from a file, or from a commit with `git show`). */
function rulesFromText(text, shownAs) {
    try {
        return (0,dlp/* loadRulePackOverride */.Ee)(text, shownAs);
    }
    catch (error) {
        if (!(error instanceof dlp/* DlpRulePackError */.yL))
            throw error;
        const where = `${error.source}${error.line !== undefined ? `:${error.line}` : ''}: `;
        const problem = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
        const line = error.line ?? lineOfRuleField(text, shownAs, error.ruleId, error.field);
        throw new lib_config/* ConfigError */.xL(shownAs, { line: line ?? 1, column: 1 }, `invalid rule pack: ${problem}`);
    }
}
function lineOfRuleField(text, file, ruleId, field) {
    if (!ruleId)
        return undefined;
    let config;
    try {
        config = (0,lib_config/* parseConfig */.o4)(file, text);
    }
    catch {
        return undefined;
    }
    const index = config.value?.rules?.findIndex((r) => r && r.id === ruleId) ?? -1;
    if (index < 0)
        return undefined;
    const segments = (field ?? '')
        .split('.')
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return config.locate(['rules', index, ...segments]).line;
}
const FINGERPRINT = /^[0-9a-f]{64}$/;
/**
 * Reads a baseline. Accepted shapes, so that a report can be accepted as it is:
 * - an array of fingerprints, or of objects with `fingerprint` (or gitleaks' `Fingerprint`) and an
 *   optional `reason` — dlp-scan's own report-path file is such an array;
 * - `{ "findings": [ …the same… ] }`.
 * JSON is parsed with the YAML 1.2 parser, so positions are exact and YAML works too.
 */
async function loadBaseline(file, shownAs = file) {
    if (!file)
        return undefined;
    return baselineFromText(await readText(file, shownAs, 'baseline'), shownAs);
}
/** Parses a baseline given as text (read from a file, or from a commit with `git show`). */
function baselineFromText(text, name) {
    const config = (0,lib_config/* parseConfig */.o4)(name, text);
    const value = config.value;
    const fail = (path, problem) => {
        throw new lib_config/* ConfigError */.xL(name, config.locate(path), problem);
    };
    let entries;
    let prefix = [];
    if (Array.isArray(value))
        entries = value;
    else if (value && typeof value === 'object' && Array.isArray(value.findings)) {
        entries = value.findings;
        prefix = ['findings'];
    }
    else {
        return fail([], 'a baseline is a JSON array of fingerprints (or of findings with a fingerprint), or { "findings": [...] }');
    }
    const fingerprints = new Set();
    let withoutReason = 0;
    entries.forEach((entry, index) => {
        const at = [...prefix, index];
        let fp = entry;
        let reason;
        if (entry && typeof entry === 'object') {
            const record = entry;
            fp = record['fingerprint'] ?? record['Fingerprint'];
            reason = record['reason'];
            if (fp === undefined)
                fail(at, "entry has no 'fingerprint' (or 'Fingerprint') field");
            at.push(record['fingerprint'] !== undefined ? 'fingerprint' : 'Fingerprint');
        }
        if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) {
            fail(at, 'not a fingerprint: expected 64 lowercase hex characters as dlp-scan reports them (the Fingerprint field of its report)');
        }
        if (typeof reason !== 'string' || reason.trim() === '')
            withoutReason++;
        fingerprints.add(fp);
    });
    return { fingerprints, withoutReason };
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/diff.ts
/**
 * Pure parsers for what the git adapter returns: `git diff --unified=3` and `git log -p` output,
 * as bytes. They keep the ADDED lines, each with its line number in the new file, because a
 * secret that a change removes or merely moves (a rename) is not something the change introduced,
 * and the context lines around them, marked as such: a value that spans lines (a PEM key whose
 * body a change replaces between unchanged BEGIN and END lines) is only whole with its context.
 * The scanner reports what touches an added line.
 * Content stays as bytes until the scanner decodes it per file, so invalid UTF-8 is counted per
 * file and a stray byte cannot shift the line numbers of another file.
 */
const NL = 0x0a;
/** Splits a buffer at `\n` (a trailing newline does not make an empty last line). */
function splitLines(buffer) {
    const lines = [];
    let start = 0;
    for (let i = buffer.indexOf(NL); i !== -1; i = buffer.indexOf(NL, start)) {
        lines.push(buffer.subarray(start, i));
        start = i + 1;
    }
    if (start < buffer.length)
        lines.push(buffer.subarray(start));
    return lines;
}
/**
 * Git's C-style quoting of unusual paths (`"a\"b\tc\303\251"`): backslash escapes and octal bytes,
 * which together spell UTF-8. A path that is not quoted is returned as it is.
 */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return text;
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    const inner = text.slice(1, -1);
    for (let i = 0; i < inner.length; i++) {
        const c = inner[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = inner[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(inner.slice(i + 1))[0];
            bytes.push(parseInt(octal, 8));
            i += octal.length;
        }
        else if (next in simple) {
            bytes.push(simple[next]);
            i++;
        }
        else {
            bytes.push(92);
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** `+++ b/x`, `rename to x`: strips the `b/` prefix, quotes, and the tab git appends to names with spaces. */
function pathAfter(text, prefix) {
    const unquoted = unquoteGitPath(text.replace(/\t$/, ''));
    return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}
/** The new-side path from `diff --git a/x b/y` (used when no `+++` line follows: binary files, mode changes). */
function pathFromHeader(header) {
    const rest = header.slice('diff --git '.length);
    if (rest.endsWith('"')) {
        const open = rest.lastIndexOf(' "');
        if (open !== -1)
            return pathAfter(rest.slice(open + 1), 'b/');
    }
    const at = rest.lastIndexOf(' b/');
    return at === -1 ? rest : rest.slice(at + 3);
}
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Parses `git diff --unified=N --src-prefix=a/ --dst-prefix=b/` output (one commit's patch in
 * history mode). Hunk lengths from the `@@` header decide which lines are content, so an added line
 * that reads `++ x` or `diff --git` is not mistaken for a header.
 */
function parseUnifiedDiff(output) {
    const files = [];
    let current;
    let oldLeft = 0;
    let newLeft = 0;
    let newLine = 0;
    for (const raw of splitLines(output)) {
        if (current && (oldLeft > 0 || newLeft > 0)) {
            const mark = raw[0];
            if (mark === 0x2b /* + */) {
                current.lines.push(newLine++);
                current.content.push(raw.subarray(1));
                newLeft--;
                continue;
            }
            if (mark === 0x2d /* - */) {
                oldLeft--;
                continue;
            }
            if (mark === 0x20 /* context */) {
                (current.context ??= new Set()).add(newLine);
                current.lines.push(newLine++);
                current.content.push(raw.subarray(1));
                oldLeft--;
                newLeft--;
                continue;
            }
            if (mark === 0x5c /* \ No newline at end of file */)
                continue;
            // Anything else ends the hunk early (a truncated patch); read it as a header.
            oldLeft = newLeft = 0;
        }
        if (raw[0] === 0x5c)
            continue;
        const line = raw.toString('utf8');
        if (line.startsWith('diff --git ')) {
            current = { path: pathFromHeader(line), lines: [], content: [], binary: false };
            files.push(current);
            continue;
        }
        if (!current)
            continue;
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            if (target !== '/dev/null')
                current.path = pathAfter(target, 'b/');
        }
        else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
            current.path = pathAfter(line.slice(line.indexOf(' to ') + 4), '');
        }
        else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
            current.binary = true;
        }
        else {
            const hunk = HUNK.exec(line);
            if (hunk) {
                oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
                newLine = Number(hunk[2]);
                newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
            }
        }
    }
    for (const file of files)
        if (!file.binary)
            file.binary = file.content.some((line) => line.includes(0));
    // Deletions and pure renames add nothing (context alone is not a change); keep binary files so
    // they are counted.
    return files.filter((f) => f.binary || addedCount(f) > 0);
}
/** How many of the file's lines the change adds. */
function addedCount(file) {
    return file.lines.length - (file.context?.size ?? 0);
}
function logDelimiters(nonce) {
    if (!/^[0-9a-f]{16,}$/.test(nonce))
        throw new Error('the log nonce must be 16 or more lowercase hex digits');
    return { marker: `\x1eSUMMIT-DLP-${nonce}\x1e`, separator: `\x1f${nonce}\x1f` };
}
/** The header fields of each record, in order (%e: the commit's `encoding` header, when it has one). */
const LOG_FIELDS = ['%H', '%an', '%ae', '%aI', '%e', '%B'];
/** `git log --format` that heads each commit's patch with the marker and the gitleaks fields. */
function logFormat({ marker, separator }) {
    const escape = (text) => text.replace(/\x1e/g, '%x1e').replace(/\x1f/g, '%x1f');
    return escape(marker) + LOG_FIELDS.map((field) => field + escape(separator)).join('');
}
/**
 * Parses `git log -p --format=logFormat(delimiters)` output into commits with their added lines.
 * A record without all its fields cannot come from that format: it throws rather than drop the
 * commit's patch.
 */
function parseLog(output, delimiters) {
    const marker = Buffer.from(delimiters.marker, 'latin1');
    const separator = Buffer.from(delimiters.separator, 'latin1');
    const commits = [];
    let at = output.indexOf(marker);
    if (at > 0 || (at === -1 && output.length > 0))
        throw new Error('git log printed text before its first commit record');
    while (at !== -1) {
        const next = output.indexOf(marker, at + marker.length);
        const record = output.subarray(at + marker.length, next === -1 ? output.length : next);
        at = next;
        const fields = [];
        let start = 0;
        for (let n = 0; n < LOG_FIELDS.length; n++) {
            const end = record.indexOf(separator, start);
            if (end === -1)
                throw new Error(`a git log record has ${n} of its ${LOG_FIELDS.length} fields`);
            fields.push(record.subarray(start, end).toString('utf8'));
            start = end + separator.length;
        }
        const [sha, author, email, date, encoding, message] = fields;
        commits.push({
            commit: { sha, author, email, date: utcDate(date), message: message.trim() },
            encoding,
            files: parseUnifiedDiff(record.subarray(start)),
        });
    }
    return commits;
}
/** git's `%aI` (author's offset) as gitleaks writes Date: RFC 3339 in UTC, whole seconds. */
function utcDate(iso) {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/bytes.ts
/**
 * How a file's bytes become the text the rules read, the same way in every mode (tree, diff,
 * history, standard input). UTF-8 is the rule; a file with a NUL byte in its first 8 KiB (git's
 * own test) is binary, and a binary file is either UTF-16/UTF-32 text (a byte-order mark, or NULs
 * on one side of every code unit: what PowerShell 5's `>` and many Windows tools write), decoded
 * as such, or read over its printable runs. Decoding never hides a file: a key written by
 * `iconv -t UTF-16` is read as the key, not as `A K I A …` with spaces between the letters.
 */
/** How much of a file decides "binary" (git reads the same 8000-odd bytes). */
const BINARY_SNIFF_BYTES = 8192;
function looksBinary(head) {
    const end = Math.min(head.length, BINARY_SNIFF_BYTES);
    for (let i = 0; i < end; i++)
        if (head[i] === 0)
            return true;
    return false;
}
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
function decodeUtf8(bytes) {
    try {
        return { text: strict.decode(bytes), invalid: false };
    }
    catch {
        return { text: lenient.decode(bytes), invalid: true };
    }
}
/**
 * A binary file's bytes with control bytes (but tab and newline) as spaces, so offsets and lines
 * stay where they were: a key stored beside NUL bytes (a SQLite file, a build artefact) is still
 * a key, and `strings` would show it.
 */
function printable(bytes) {
    const out = Buffer.from(bytes);
    for (let i = 0; i < out.length; i++) {
        const b = out[i];
        if ((b < 0x20 && b !== 0x09 && b !== 0x0a) || b === 0x7f)
            out[i] = 0x20;
    }
    return out;
}
/**
 * The wide encoding of binary-looking bytes: from a byte-order mark, else from where the NULs sit
 * in the first 8 KiB. Text in UTF-16 has a NUL in one half of most code units and almost never in
 * the other; UTF-32 has NULs in three of every four bytes. Undefined: not wide text.
 */
function wideEncoding(bytes) {
    const b = bytes;
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
        return 'utf-32le';
    if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
        return 'utf-32be';
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
        return 'utf-16le';
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
        return 'utf-16be';
    const end = Math.min(b.length, BINARY_SNIFF_BYTES) & ~3;
    if (end < 4)
        return undefined;
    const zeros = [0, 0, 0, 0];
    for (let i = 0; i < end; i++)
        if (b[i] === 0)
            zeros[i & 3]++;
    const quads = end / 4;
    const many = (n) => n >= quads * 0.5;
    const few = (n) => n <= quads * 0.05;
    const [z0, z1, z2, z3] = zeros;
    if (few(z0) && many(z1) && many(z2) && many(z3))
        return 'utf-32le';
    if (many(z0) && many(z1) && many(z2) && few(z3))
        return 'utf-32be';
    if (few(z0) && few(z2) && many(z1) && many(z3))
        return 'utf-16le';
    if (many(z0) && many(z2) && few(z1) && few(z3))
        return 'utf-16be';
    return undefined;
}
function decodeWide(bytes, encoding) {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
        const even = bytes.length & ~1;
        const units = Buffer.from(bytes.subarray(0, even));
        if (encoding === 'utf-16be')
            units.swap16();
        return utf16le.decode(units);
    }
    const parts = [];
    const codes = [];
    for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = encoding === 'utf-32le'
            ? (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0
            : ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
        codes.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
        if (codes.length === 8192)
            parts.push(String.fromCodePoint(...codes.splice(0)));
    }
    parts.push(String.fromCodePoint(...codes));
    // A byte-order mark is not text.
    return parts.join('').replace(/^\ufeff/, '');
}
/**
 * The text of a file's bytes. `binary`: the caller already knows the bytes hold a NUL (diff mode
 * looks at the added lines); otherwise the first 8 KiB decide.
 */
function decodeForScan(bytes, binary = looksBinary(bytes)) {
    if (!binary) {
        const { text, invalid } = decodeUtf8(bytes);
        return { text, encoding: 'utf-8', invalidUtf8: invalid };
    }
    const wide = wideEncoding(bytes);
    if (wide)
        return { text: decodeWide(bytes, wide), encoding: wide, invalidUtf8: false };
    return { text: decodeUtf8(printable(bytes)).text, encoding: 'binary', invalidUtf8: false };
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/git.ts
/**
 * The git adapter: `git` run through @actions/exec (an argument array, no shell), output
 * kept as bytes. Revisions from inputs are resolved to commit ids before any diff or log runs, so
 * a user value never reaches git as an option and a missing commit is named in plain words.
 */




/** A git failure with the words to show a user; never a stack trace. */
class GitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitError';
    }
}
// Settings that change git's output format are pinned here, whatever the user's git config says.
const PINNED = [
    '-c',
    'core.quotePath=false',
    '-c',
    'color.ui=never',
    '-c',
    'diff.noprefix=false',
    '-c',
    'diff.mnemonicPrefix=false',
    '-c',
    'log.showSignature=false',
];
// `--text`: the repository's .gitattributes (`* binary`, `f -diff`) must not decide what is shown —
// a pull request could add one to hide the key it adds. Binary-ness is decided from the bytes
// (diff.ts), and even then the printable runs are scanned.
const PATCH_OPTIONS = [
    '--text',
    '--no-color',
    // Context: a value spanning lines needs the unchanged ones around what changed (diff.ts).
    '--unified=3',
    '--find-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
];
/** Runs git in `cwd`; resolves with the exit code (never throws for a non-zero exit). */
async function runGit(args, cwd) {
    const out = [];
    const err = [];
    let code;
    try {
        code = await exec/* exec */.m('git', [...PINNED, ...args], {
            cwd,
            silent: true,
            ignoreReturnCode: true,
            // Bytes, not lines: a diff may hold any bytes, and only the caller knows how to decode them.
            listeners: { stdout: (chunk) => out.push(chunk), stderr: (chunk) => err.push(chunk) },
            // No pager, no prompt for credentials, no locale-dependent messages to parse.
            env: {
                ...process.env,
                GIT_PAGER: 'cat',
                GIT_TERMINAL_PROMPT: '0',
                LC_ALL: 'C',
            },
        });
    }
    catch (error) {
        // @actions/exec looks the tool up on PATH first and says "Unable to locate executable file".
        throw new GitError(/Unable to locate executable file|ENOENT/.test(error.message)
            ? 'git is not installed or not on PATH; diff and history modes need it (tree mode does not)'
            : `cannot run git: ${error.message}`);
    }
    return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}
async function gitOk(args, cwd, what) {
    const result = await runGit(args, cwd);
    if (result.code !== 0)
        throw new GitError(`${what} failed: ${firstLines(result.stderr) || `git exited with ${result.code}`}`);
    return result.stdout;
}
function firstLines(text) {
    return text.trim().split('\n').slice(0, 3).join(' ').trim();
}
/** The repository's top directory, or a clear error when `dir` is not in a git work tree. */
async function repoRoot(dir) {
    const result = await runGit(['rev-parse', '--show-toplevel'], dir);
    if (result.code !== 0) {
        throw new GitError(`'${dir}' is not inside a git repository (${firstLines(result.stderr)}); diff and history modes need a git checkout, or use mode: tree`);
    }
    return result.stdout.toString('utf8').trim();
}
/** A commit id for `rev`, or undefined when it names no commit here. */
async function resolveCommit(dir, rev) {
    // A revision that starts with '-' would be read as an option; no real revision does.
    if (rev === '' || rev.startsWith('-'))
        return undefined;
    const result = await runGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
async function isShallow(dir) {
    const result = await runGit(['rev-parse', '--is-shallow-repository'], dir);
    return result.stdout.toString('utf8').trim() === 'true';
}
/** Resolves both ends of a range; the error names the range, the missing end and what to do. */
async function resolveRange(dir, base, head) {
    const range = base ? `${base}..${head}` : head;
    const missing = [];
    const baseId = base ? await resolveCommit(dir, base) : undefined;
    if (base && !baseId)
        missing.push(`base '${base}'`);
    const headId = await resolveCommit(dir, head);
    if (!headId)
        missing.push(`head '${head}'`);
    if (missing.length > 0) {
        const hint = (await isShallow(dir))
            ? 'this is a shallow clone: check out with fetch-depth: 0 (actions/checkout) so both commits are present'
            : 'check the base and head inputs, and that the commits were fetched';
        throw new GitError(`git range '${range}' does not exist: ${missing.join(' and ')} ${missing.length > 1 ? 'are not commits' : 'is not a commit'} in this repository; ${hint}`);
    }
    return { base: baseId, head: headId };
}
/**
 * Lines added from `base` to `head`, diffed from their merge base as a pull request shows them:
 * a line the base branch changed after the fork is not the pull request's doing.
 */
async function addedLines(dir, base, head, pathspec = '.') {
    const { base: baseId, head: headId } = await resolveRange(dir, base, head);
    const from = await mergeBaseOf(dir, baseId, headId);
    const out = await gitOk(['diff', ...PATCH_OPTIONS, from, headId, '--', pathspec], dir, `git diff ${base}..${head}`);
    return parseUnifiedDiff(out);
}
/** Every commit of the range with its added lines and the gitleaks commit fields. */
async function git_history(dir, base, head, pathspec = '.') {
    const { base: baseId, head: headId } = await resolveRange(dir, base, head);
    const range = baseId ? `${baseId}..${headId}` : headId;
    // `git log -p` shows no patch for a merge, so a key typed into a conflict resolution (or an
    // "evil" merge) would never be seen. remerge-diff (git 2.36+) shows exactly what the merge
    // commit itself introduced against git's own re-merge of its parents; the parents' changes are
    // scanned in their own commits. (`-m`/`--first-parent` would either rescan every merged change
    // per parent or credit the whole branch to the merge and skip the branch's own commits.)
    const delimiters = logDelimiters((0,external_node_crypto_.randomBytes)(16).toString('hex'));
    const result = await runGit([
        'log',
        '-p',
        '--diff-merges=remerge',
        ...PATCH_OPTIONS,
        `--format=${logFormat(delimiters)}`,
        range,
        '--',
        pathspec,
    ], dir);
    if (result.code !== 0) {
        const stderr = firstLines(result.stderr);
        if (/diff-merges|remerge/.test(stderr))
            throw new GitError(`git log --diff-merges=remerge failed (${stderr}); history mode needs git 2.36 or later to see what merge commits add: update git on the runner`);
        throw new GitError(`git log ${base ? `${base}..` : ''}${head} failed: ${stderr || `git exited with ${result.code}`}`);
    }
    let commits;
    try {
        commits = parseLog(result.stdout, delimiters);
    }
    catch (error) {
        throw new GitError(`git log ${range} could not be read: ${error.message}`);
    }
    for (const { commit, encoding } of commits) {
        // git log re-encodes a message from its `encoding` header (IBM037, UTF-16…); the bytes the
        // commit holds, which `git cat-file -p` and every clone show, are scanned too.
        if (encoding === '' || /^utf-?8$/i.test(encoding))
            continue;
        const raw = await gitOk(['cat-file', 'commit', commit.sha], dir, `git cat-file commit ${commit.sha}`);
        const body = raw.indexOf('\n\n');
        if (body !== -1)
            commit.message += `\n${decodeUtf8(raw.subarray(body + 2)).text.trim()}`;
    }
    return commits.map(({ commit, files }) => ({ commit, files }));
}
/**
 * A file's bytes at a commit (`git show <commit>:<path>`, execFile, no shell), or undefined when
 * the commit has no such file. `path` is repository-relative with forward slashes.
 */
async function showFile(dir, commit, path) {
    const result = await runGit(['cat-file', 'blob', `${commit}:${path}`], dir);
    return result.code === 0 ? result.stdout : undefined;
}
/**
 * The tree entry of `path` at `commit`, or undefined when the commit has none. Unlike
 * `commit:path`, it tells a symlink (mode 120000, whose blob is the link target) from a file.
 */
async function entryAt(dir, commit, path) {
    const result = await runGit(['ls-tree', '-z', '--full-tree', commit, '--', path], dir);
    if (result.code !== 0)
        return undefined;
    const line = result.stdout.toString('utf8').split('\0')[0] ?? '';
    const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!m || m[4] !== path)
        return undefined;
    return { mode: m[1], type: m[2], id: m[3] };
}
const SYMLINK_MODE = '120000';
/** The blob id of `path` at `commit`, or undefined when the commit has no such file. */
async function blobId(dir, commit, path) {
    const result = await runGit(['rev-parse', '--verify', '--quiet', `${commit}:${path}`], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
/** The merge base of two commits, or `base` itself when they share no history. */
async function mergeBaseOf(dir, base, head) {
    const result = await runGit(['merge-base', base, head], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : base;
}

// EXTERNAL MODULE: ./lib/report/types.ts
var types = __webpack_require__(60944);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/report.ts



function emptyStats(mode, target) {
    return {
        mode,
        target,
        filesScanned: 0,
        bytesScanned: 0,
        invalidUtf8: [],
        skipped: [],
        excludedDirs: 0,
        suppressed: { path: 0, allowlist: 0, inline: 0, baseline: 0 },
    };
}
/** Skips a user must hear about (something was not scanned that could hold a secret). */
const REPORTED_SKIPS = new Set([
    'oversized',
    'symlink-outside',
    'unreadable',
    'rule-budget',
]);
/** GitHub shows only a handful of annotations per step; the summary lists the rest. */
const MAX_SKIP_ANNOTATIONS = 20;
const STDIN = '<stdin>';
/** Findings not in a file of the tree (stdin, a commit's message or author): no file on the annotation. */
const NOT_A_FILE = new Set([STDIN, '<commit-message>', '<commit-author>']);
/** Annotations per file and per run: a minified file with 16,000 JWTs must not bury the log. */
const ANNOTATIONS_PER_FILE = 20;
const ANNOTATIONS_PER_RUN = 300;
/**
 * The findings that become annotations, in order: at most ANNOTATIONS_PER_FILE per file and
 * ANNOTATIONS_PER_RUN in all, errors before warnings before notices. Every finding stays in the
 * report and SARIF; `omitted` says how many have no annotation. Linear in the findings.
 */
function annotatedFindings(findings, perFile = ANNOTATIONS_PER_FILE, perRun = ANNOTATIONS_PER_RUN) {
    const rank = { error: 0, warning: 1, notice: 2 };
    const buckets = [[], [], []];
    for (const f of findings)
        buckets[rank[f.severity] ?? 2].push(f);
    const perPath = new Map();
    const shown = [];
    for (const bucket of buckets) {
        for (const f of bucket) {
            if (shown.length >= perRun)
                break;
            const n = perPath.get(f.path) ?? 0;
            if (n >= perFile)
                continue;
            perPath.set(f.path, n + 1);
            shown.push(f);
        }
    }
    return { shown, omitted: findings.length - shown.length };
}
/** Why a `dlp:allow` on an added line does not count, and what to do instead. */
const INLINE_ALLOW_ADDED = 'The dlp:allow comment on this line is added by this same change, so it is not honoured (a change cannot switch off its own scan): a reviewer decides. To accept the value, land its fingerprint in the baseline in an earlier pull request';
/**
 * What to do about a finding, briefly. The fingerprint a baseline needs is in the report
 * and the SARIF log, not here: 64 hex digits in every annotation only bury the message.
 */
function fixHint(f) {
    if (f.inlineAllowAdded)
        return `${INLINE_ALLOW_ADDED}.`;
    const accept = `Add \`dlp:allow ${f.ruleId}\` to the line, or its fingerprint (in the report) to the baseline.`;
    return f.tags.includes('secret')
        ? `Fix: remove it and rotate the credential. Not a real one? ${accept}`
        : `Fix: remove or mask the data. Test data? ${accept}`;
}
/**
 * One short annotation per finding: what was found (the masked match, where the preview appears
 * once) and the fix. A finding about the scan's own configuration carries a whole sentence as its
 * description, fix included.
 */
function findingAnnotation(f) {
    const where = NOT_A_FILE.has(f.path) ? `${f.path}:${f.line}:${f.column}: ` : '';
    const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)})` : '';
    // maskMatch truncates a long match, which can cut the preview off: then show the preview alone.
    const found = f.matchPreview.includes(f.preview) ? f.matchPreview : f.preview;
    const annotation = {
        level: f.severity,
        title: `dlp-scan: ${f.ruleId}`,
        message: (0,dlp/* isConfigFinding */.eq)(f)
            ? `${where}${f.description}`
            : `${where}${f.description}${commit}: ${found}. ${fixHint(f)}`,
    };
    if (!NOT_A_FILE.has(f.path)) {
        annotation.file = f.path;
        annotation.line = f.line;
        annotation.endLine = f.endLine;
        annotation.column = f.column;
        annotation.endColumn = f.endColumn;
    }
    return annotation;
}
function mib(bytes) {
    return bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
        : bytes >= 1024
            ? `${(bytes / 1024).toFixed(1)} KiB`
            : `${bytes} B`;
}
/** Exact bytes: a rounded unit would print "1.0 MiB is over 1.0 MiB". */
function bytesText(bytes) {
    return `${bytes.toLocaleString('en-US')} bytes`;
}
function skipMessage(s, maxFileSize) {
    switch (s.reason) {
        case 'oversized':
            return `Not scanned: ${bytesText(s.size ?? 0)}${s.detail ? ` ${s.detail}` : ''} is over max-file-size (${bytesText(maxFileSize)}); raise max-file-size to scan it`;
        case 'symlink-outside':
            return 'Not scanned: a symlink that points outside the workspace is not followed';
        case 'unreadable':
            return `Not scanned: cannot read (${s.detail ?? 'error'})`;
        case 'rule-budget':
            return `Not fully scanned: ${s.detail ?? 'a rule ran past its time budget'}`;
        default:
            return `Not scanned: ${s.reason}`;
    }
}
function skipAnnotations(skipped, maxFileSize) {
    const reported = skipped.filter((s) => REPORTED_SKIPS.has(s.reason));
    const out = reported.slice(0, MAX_SKIP_ANNOTATIONS).map((s) => ({
        level: 'warning',
        title: `dlp-scan: skipped (${s.reason})`,
        message: skipMessage(s, maxFileSize),
        ...(s.path === STDIN ? {} : { file: s.path }),
    }));
    if (reported.length > MAX_SKIP_ANNOTATIONS)
        out.push({
            level: 'warning',
            title: 'dlp-scan: skipped files',
            message: `${reported.length - MAX_SKIP_ANNOTATIONS} more files were not scanned; see the job summary`,
        });
    return out;
}
function countSkips(skipped) {
    const counts = {};
    for (const s of skipped)
        counts[s.reason] = (counts[s.reason] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
function violations(findings, failOn) {
    return findings.filter((f) => (0,types/* atLeast */.j)(f.severity, failOn)).length;
}
const SUMMARY_ROWS = 100;
function summaryMarkdown(findings, stats, failOn, maxFileSize) {
    const log = (0,dlp/* redactionLog */.e0)(findings);
    const s = (0,summary/* summary */.z)().heading('DLP scan');
    const commits = stats.commitsScanned !== undefined ? `, ${stats.commitsScanned} commits` : '';
    s.paragraph(`Mode ${stats.mode} over ${stats.target}: ${findings.length} finding(s) (${log.bySeverity.error} errors, ${log.bySeverity.warning} warnings, ${log.bySeverity.notice} notices) in ${stats.filesScanned} file(s), ${mib(stats.bytesScanned)}${commits}; fails on ${failOn} and above. Values are never shown: each finding has a masked preview (first characters and length) and a fingerprint.`);
    if (findings.length > 0) {
        const history = stats.mode === 'history';
        const columns = [
            'rule',
            'severity',
            'file',
            'line',
            'column',
            'preview',
            'fingerprint',
            ...(history ? ['commit'] : []),
        ];
        s.table(columns, findings
            .slice(0, SUMMARY_ROWS)
            .map((f) => [
            f.ruleId,
            f.severity,
            f.path,
            f.line,
            f.column,
            f.preview,
            f.fingerprint.slice(0, 16),
            ...(history ? [f.commit?.sha.slice(0, 12) ?? ''] : []),
        ]));
        if (findings.length > SUMMARY_ROWS)
            s.paragraph(`… and ${findings.length - SUMMARY_ROWS} more in the report (report-path) and the SARIF log.`);
    }
    s.heading('Redaction log', 3);
    const rules = Object.entries(log.byRule);
    if (rules.length > 0)
        s.table(['rule', 'findings (values redacted)'], rules);
    else
        s.paragraph('No value needed redacting.');
    const suppressed = Object.entries(stats.suppressed).filter(([, n]) => n > 0);
    if (suppressed.length > 0)
        s.paragraph(`Suppressed: ${suppressed.map(([why, n]) => `${n} by ${why}`).join(', ')}.`);
    const skips = Object.entries(countSkips(stats.skipped));
    if (skips.length > 0 || stats.excludedDirs > 0 || stats.invalidUtf8.length > 0) {
        s.heading('Skipped files', 3);
        const rows = [...skips];
        if (stats.excludedDirs > 0)
            rows.push(['excluded directory (.git, node_modules)', stats.excludedDirs]);
        s.table(['reason', 'count'], rows);
        const reported = stats.skipped.filter((k) => REPORTED_SKIPS.has(k.reason));
        if (reported.length > 0)
            s.list(reported.slice(0, SUMMARY_ROWS).map((k) => `${k.path}: ${skipMessage(k, maxFileSize)}`));
        if (stats.invalidUtf8.length > 0) {
            s.paragraph(`${stats.invalidUtf8.length} file(s) held invalid UTF-8 and were scanned with U+FFFD in place of the bad bytes:`);
            s.list(stats.invalidUtf8.slice(0, SUMMARY_ROWS));
        }
    }
    return s.toString();
}
function escapeLabel(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/**
 * Prometheus text format for a node-exporter textfile collector or a push to a gateway. Every rule
 * of the pack gets a series, zero included, so a rule that stops firing shows 0 rather than its
 * last non-zero count. The values are one run's counts: pushed per repository (push.ts) they read
 * as "findings in the latest scan". `repository` (owner/repo) is the only identity label: a run id
 * would make every run a new series. `summit_dlp_findings_total{rule,repository,source="ci"}` is
 * what infra/grafana's recording rules read.
 */
function metricsText(findings, stats, pack, identity = {}) {
    const repo = identity.repository ? `repository="${escapeLabel(identity.repository)}",` : '';
    const byRule = new Map(pack.rules.map((r) => [r.id, 0]));
    for (const f of findings)
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const lines = [
        '# HELP summit_dlp_findings_total DLP findings by rule (counts only, never values).',
        '# TYPE summit_dlp_findings_total counter',
        ...[...byRule]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([rule, n]) => `summit_dlp_findings_total{rule="${escapeLabel(rule)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_suppressed_total DLP matches suppressed, by reason (allowlist, inline dlp:allow, baseline, path).',
        '# TYPE summit_dlp_suppressed_total counter',
        ...Object.entries(stats.suppressed).map(([reason, n]) => `summit_dlp_suppressed_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_files_skipped_total Files not scanned, by reason.',
        '# TYPE summit_dlp_files_skipped_total counter',
        ...Object.entries(countSkips(stats.skipped)).map(([reason, n]) => `summit_dlp_files_skipped_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_files_scanned_total Files (or file patches) scanned.',
        '# TYPE summit_dlp_files_scanned_total counter',
        `summit_dlp_files_scanned_total{${repo}source="ci"} ${stats.filesScanned}`,
    ];
    return `${lines.join('\n')}\n`;
}
/** The evidence bundle's report.json: everything but values. */
function reportObject(findings, stats, failOn, range) {
    return {
        tool: 'summit-ops/dlp-scan',
        mode: stats.mode,
        target: stats.target,
        ...(range ? { range } : {}),
        failOn,
        violations: violations(findings, failOn),
        filesScanned: stats.filesScanned,
        bytesScanned: stats.bytesScanned,
        ...(stats.commitsScanned !== undefined ? { commitsScanned: stats.commitsScanned } : {}),
        redactionLog: (0,dlp/* redactionLog */.e0)(findings),
        suppressed: stats.suppressed,
        skipped: {
            counts: countSkips(stats.skipped),
            excludedDirs: stats.excludedDirs,
            reported: stats.skipped.filter((s) => REPORTED_SKIPS.has(s.reason)),
        },
        invalidUtf8: stats.invalidUtf8,
        // Findings are plain data without the raw value (lib/dlp keeps it out of reach).
        findings: findings.map((f) => ({ ...f })),
    };
}

// EXTERNAL MODULE: ./lib/redact.ts + 2 modules
var redact = __webpack_require__(99133);
// EXTERNAL MODULE: ./lib/workspace.ts
var lib_workspace = __webpack_require__(29907);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/tree.ts
/**
 * Tree mode's file-system adapter: walks a directory and hands each text file to the scanner.
 * Skips `.git` and `node_modules`, files over the size limit (reported; a binary one only
 * counted), and symlinks that leave the workspace (never followed, reported). A binary file is
 * decoded as every mode decodes one (bytes.ts: UTF-16/32 text, or its printable runs). Invalid
 * UTF-8 is decoded with U+FFFD and counted, so one stray byte neither hides the
 * rest of the file nor stops the scan.
 */
// Synchronous on purpose: each file costs five file-system calls, and awaiting each one through
// libuv's thread pool left the scan idle for a fifth of its time (bench/dlp, 480 files). Nothing
// else runs on this thread meanwhile; worker threads scan what was already read.




const EXCLUDED_DIRS = new Set(['.git', 'node_modules']);
function toWorkspacePath(workspace, absolute) {
    return (0,external_node_path_.relative)(workspace, absolute).split(external_node_path_.sep).join('/');
}
/** Yields text files under `root` (a directory or one file) in a stable order; `skipped` collects the rest. */
async function* walkTree(root, options, skipped) {
    const workspaceReal = (0,external_node_fs_.realpathSync)(options.workspace);
    const rootReal = (0,external_node_fs_.realpathSync)(root);
    const rel = (p) => toWorkspacePath(options.workspace, p);
    async function* visit(path) {
        let info;
        try {
            // The root itself may be a link (the caller checked that it resolves inside the workspace).
            info = path === root ? (0,external_node_fs_.statSync)(path) : (0,external_node_fs_.lstatSync)(path);
        }
        catch (error) {
            skipped.push({
                path: rel(path),
                reason: 'unreadable',
                detail: error.code ?? String(error),
            });
            return;
        }
        if (info.isDirectory()) {
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(path).sort();
            }
            catch (error) {
                skipped.push({
                    path: rel(path),
                    reason: 'unreadable',
                    detail: error.code ?? String(error),
                });
                return;
            }
            for (const name of entries) {
                if (EXCLUDED_DIRS.has(name)) {
                    options.onExcludedDir?.(rel((0,external_node_path_.join)(path, name)));
                    continue;
                }
                yield* visit((0,external_node_path_.join)(path, name));
            }
            return;
        }
        if (info.isSymbolicLink()) {
            let target;
            try {
                target = (0,external_node_fs_.realpathSync)(path);
            }
            catch {
                skipped.push({ path: rel(path), reason: 'symlink-broken' });
                return;
            }
            if (!(0,lib_workspace/* isInside */.FK)(workspaceReal, target)) {
                skipped.push({
                    path: rel(path),
                    reason: 'symlink-outside',
                    detail: 'points outside the workspace; not followed',
                });
                return;
            }
            const targetInfo = (0,external_node_fs_.statSync)(target);
            // Directories behind links are not entered (cycles, double counting); files the walk reaches
            // anyway are scanned once, at their own path.
            if (targetInfo.isDirectory()) {
                skipped.push({ path: rel(path), reason: 'symlink-dir' });
                return;
            }
            if ((0,lib_workspace/* isInside */.FK)(rootReal, target)) {
                skipped.push({ path: rel(path), reason: 'symlink-duplicate' });
                return;
            }
            yield* readText(target, rel(path), targetInfo.size);
            return;
        }
        if (!info.isFile()) {
            skipped.push({ path: rel(path), reason: 'special' });
            return;
        }
        yield* readText(path, rel(path), info.size);
    }
    async function* readText(file, shownAs, size) {
        if (options.ignorePath?.(shownAs))
            return;
        let bytes;
        let binary;
        try {
            // Sniff first: a binary over the limit (an image, an archive) is counted as binary, not
            // reported as oversized, and never read whole.
            const fd = (0,external_node_fs_.openSync)(file, 'r');
            try {
                const head = Buffer.alloc(Math.min(size, BINARY_SNIFF_BYTES));
                (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0);
                binary = looksBinary(head);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            if (size > options.maxFileSize) {
                skipped.push({ path: shownAs, reason: binary ? 'binary' : 'oversized', size });
                return;
            }
            bytes = (0,external_node_fs_.readFileSync)(file);
        }
        catch (error) {
            skipped.push({
                path: shownAs,
                reason: 'unreadable',
                detail: error.code ?? String(error),
            });
            return;
        }
        const { text, invalidUtf8 } = decodeForScan(bytes, binary);
        yield { path: shownAs, text, bytes: bytes.length, invalidUtf8 };
    }
    yield* visit(root);
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/scan.ts
/**
 * Runs one scan: picks the source (tree walk, git diff, git log, stdin), hands each text to the
 * lib/dlp engine with the pack, allowlists and baseline, and maps positions back (diff and history
 * scan only the added lines, so their line numbers are translated to the new file's).
 */










const STDIN_PATH = '<stdin>';
/** Where findings in a commit's message (history mode) are placed: not a file of the tree. */
const COMMIT_MESSAGE_PATH = '<commit-message>';
/** Where findings in a commit's author name are placed. */
const COMMIT_AUTHOR_PATH = '<commit-author>';
/** The commit as reports show it. Pure. */
function commitForReport(commit, details) {
    if (details === 'clear')
        return commit;
    const out = { ...commit };
    if (commit.email)
        out.email = (0,redact/* maskedPreview */.eu)(commit.email);
    if (commit.message)
        out.message = (0,redact/* maskedPreview */.eu)(commit.message);
    return out;
}
function addSuppressed(into, from) {
    for (const key of Object.keys(from))
        into[key] += from[key];
}
/**
 * The target, with every symlink on its way resolved, must be inside the workspace (also
 * resolved): comparing the text of the path would let `out/sub`, with `out -> ../elsewhere`, scan
 * (and report on) files outside it. Every mode but stdin: git runs in that directory too.
 */
async function assertTargetInside(workspace, target, label) {
    try {
        await (0,promises_.access)(target);
    }
    catch {
        throw new Error(`path '${label}' does not exist in the workspace; check the path input`);
    }
    if (await (0,lib_workspace/* outsideWorkspace */.tq)(workspace, target))
        throw new Error(`path '${label}' leads outside the workspace (${workspace}) through a symlink; scan a directory inside it`);
}
async function runScan(request) {
    if (request.mode !== 'stdin')
        await assertTargetInside(request.workspace, request.target, request.targetLabel);
    switch (request.mode) {
        case 'tree':
            return scanTree(request);
        case 'stdin':
            return scanStdin(request);
        case 'diff':
        case 'history':
            return scanGit(request);
    }
}
/** A file whose user rules ran past their budget: reported like a skip, at the file. */
function budgetSkip(exceeded, commit) {
    const names = [];
    if (exceeded.ruleIds.length > 0)
        names.push(`rule(s) ${exceeded.ruleIds.map((id) => `'${id}'`).join(', ')}`);
    if (exceeded.allowlist)
        names.push("the rules file's allowlist regexes");
    const rules = names.join(' and ');
    const stopped = exceeded.unscanned
        ? `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file, and so did the rest of the pack without them: nothing was reported for it`
        : `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file and were stopped; the other rules ran`;
    return {
        path: exceeded.path,
        reason: 'rule-budget',
        detail: commit ? `${stopped} (added in commit ${commit.sha.slice(0, 12)})` : stopped,
    };
}
function scanOptions(request) {
    const options = { rules: request.rules };
    // Diff mode reads only added lines: a dlp:allow on one of them is the change's own say-so.
    if (request.mode === 'diff')
        options.inlineAllow = 'report';
    if (request.baseline)
        options.baseline = request.baseline;
    if (request.ruleBudgetMs !== undefined)
        options.budgetMs = request.ruleBudgetMs;
    return options;
}
async function scanOne(request, stats, findings, text, path, commit) {
    // The commit rides on the file, so a budget worker keeps one job (and one compiled pack) for all.
    const { results, exceeded } = await (0,dlp/* scanFilesBudgeted */.rq)([{ path, text, ...(commit ? { commit } : {}) }], scanOptions(request));
    const result = results[0];
    for (const e of exceeded)
        stats.skipped.push(budgetSkip(e, commit));
    addSuppressed(stats.suppressed, result.suppressed);
    findings.push(...result.findings);
    return result.findings;
}
/** Text read ahead of scanning in tree mode: enough for every worker to get a fair share. */
const CHUNK_UNITS = 32 * 1024 * 1024;
async function scanTree(request) {
    const stats = emptyStats('tree', request.targetLabel);
    const findings = [];
    const allowedPaths = request.rules.allowlist.paths;
    const ignorePath = (path) => {
        if (!allowedPaths.some((glob) => glob.test(path)))
            return false;
        stats.suppressed.path++;
        return true;
    };
    const files = walkTree(request.target, {
        workspace: request.workspace,
        maxFileSize: request.maxFileSize,
        onExcludedDir: () => stats.excludedDirs++,
        ignorePath,
    }, stats.skipped);
    // Files are read in chunks and each chunk is scanned while nothing else is read: with workers,
    // the chunk is split among them; with one thread (or a small scan) it runs here.
    let chunk = [];
    let units = 0;
    let warmed = false;
    const flush = async () => {
        if (chunk.length === 0)
            return;
        const options = scanOptions(request);
        options.threads = request.threads ?? 1;
        const { results, exceeded } = await (0,dlp/* scanFilesBudgeted */.rq)(chunk, options);
        for (const e of exceeded)
            stats.skipped.push(budgetSkip(e));
        for (const result of results) {
            addSuppressed(stats.suppressed, result.suppressed);
            findings.push(...result.findings);
        }
        chunk = [];
        units = 0;
    };
    for await (const file of files) {
        stats.filesScanned++;
        stats.bytesScanned += file.bytes;
        if (file.invalidUtf8)
            stats.invalidUtf8.push(file.path);
        chunk.push({ path: file.path, text: file.text });
        units += file.text.length;
        // Enough to share: the workers load while the rest of the tree is read.
        if (!warmed && request.threads !== 1 && units >= dlp/* MIN_UNITS_PER_LANE */._3) {
            warmed = true;
            (0,dlp/* warmScanWorkers */.eg)(request.threads ?? 1);
        }
        if (units >= CHUNK_UNITS)
            await flush();
    }
    await flush();
    return { findings, stats };
}
async function scanStdin(request) {
    const stats = emptyStats('stdin', 'standard input');
    const findings = [];
    if (!request.readStdin)
        throw new Error("path '-' reads standard input, which this runner does not provide");
    const bytes = await request.readStdin();
    if (bytes.length > request.maxFileSize)
        stats.skipped.push({ path: STDIN_PATH, reason: 'oversized', size: bytes.length });
    else {
        // Decoded as a file in any mode (bytes.ts): binary input is not skipped.
        const { text, invalidUtf8 } = decodeForScan(bytes);
        if (invalidUtf8)
            stats.invalidUtf8.push(STDIN_PATH);
        stats.filesScanned = 1;
        stats.bytesScanned = bytes.length;
        await scanOne(request, stats, findings, text, STDIN_PATH);
    }
    return { findings, stats };
}
/** Joins a file's added lines into one text; the scanner's line n is the new file's `lines[n-1]`. */
function addedText(file) {
    const parts = [];
    const newline = Buffer.from('\n');
    file.content.forEach((line, i) => {
        if (i > 0)
            parts.push(newline);
        parts.push(line);
    });
    return Buffer.concat(parts);
}
/** Bytes in runs of 8 or more non-space characters: what a binary file has worth reading. */
function printableBytes(bytes) {
    let total = 0;
    let run = 0;
    for (let i = 0; i <= bytes.length; i++) {
        const b = i < bytes.length ? bytes[i] : 0x20;
        if (b > 0x20 && b < 0x7f)
            run++;
        else {
            if (run >= 8)
                total += run;
            run = 0;
        }
    }
    return total;
}
/** Translates positions of findings in `addedText(file)` to the new file's line numbers, in place (a copy would lose the value the redactor needs). */
/**
 * Puts findings at their new-file lines and drops those that touch no added line (a value the
 * context lines hold on their own was there before the change).
 */
function mapAddedLines(findings, file) {
    const kept = [];
    for (const f of findings) {
        const first = f.line - 1;
        const last = f.endLine - 1;
        let touches = file.context === undefined;
        for (let i = first; !touches && i <= last && i < file.lines.length; i++)
            touches = !file.context.has(file.lines[i]);
        f.line = file.lines[first] ?? f.line;
        f.endLine = file.lines[last] ?? f.endLine;
        if (touches)
            kept.push(f);
    }
    return kept;
}
async function scanGit(request) {
    const info = await (0,promises_.stat)(request.target);
    // git runs in a directory; a file target becomes its directory plus a pathspec.
    const cwd = info.isDirectory() ? request.target : (0,external_node_path_.dirname)(request.target);
    const pathspec = info.isDirectory() ? '.' : (0,external_node_path_.basename)(request.target);
    const top = await repoRoot(cwd);
    const shown = (gitPath) => {
        const absolute = (0,external_node_path_.join)(top, gitPath);
        return (0,lib_workspace/* isInside */.FK)(request.workspace, absolute) ? toWorkspacePath(request.workspace, absolute) : gitPath;
    };
    const findings = [];
    const head = request.head || 'HEAD';
    if (request.mode === 'diff') {
        if (!request.base)
            throw new Error("mode 'diff' needs a base commit: set the base input (only pull_request events provide one)");
        const stats = emptyStats('diff', `${request.base}..${head}`);
        for (const file of await addedLines(cwd, request.base, head, pathspec))
            await scanAdded(request, stats, findings, file, shown(file.path));
        return { findings, stats };
    }
    const stats = emptyStats('history', request.base ? `${request.base}..${head}` : head);
    const commits = await git_history(cwd, request.base, head, pathspec);
    stats.commitsScanned = commits.length;
    for (const { commit, files } of commits) {
        const shownCommit = commitForReport(commit, request.commitDetails ?? 'masked');
        // A commit message or an author name is text a person wrote: an SSN pasted into a message
        // is as much a leak as one in a file, and the report would otherwise carry it verbatim.
        await scanOne(request, stats, findings, commit.message, COMMIT_MESSAGE_PATH, shownCommit);
        await scanOne(request, stats, findings, commit.author, COMMIT_AUTHOR_PATH, shownCommit);
        for (const file of files)
            await scanAdded(request, stats, findings, file, shown(file.path), shownCommit);
    }
    return { findings, stats };
}
async function scanAdded(request, stats, findings, file, path, commit) {
    const where = commit ? `${path}@${commit.sha.slice(0, 12)}` : path;
    const inCommit = commit ? { detail: `added in commit ${commit.sha.slice(0, 12)}` } : {};
    // As in tree mode: an allowlisted path (a directory of generated bundles) is neither read nor
    // reported as skipped, so a large bundle added by a pull request does not fail it as "oversized".
    if (request.rules.allowlist.paths.some((glob) => glob.test(path))) {
        stats.suppressed.path++;
        return;
    }
    // A binary file (a NUL in the added bytes) is decoded as in every mode (bytes.ts): UTF-16/32
    // text as text, anything else over its printable runs — a key beside a NUL byte is still a key.
    // Without any added line (git's "Binary files differ" without --text, kept for old output)
    // there is nothing to read.
    if (file.binary && addedCount(file) === 0) {
        stats.skipped.push({ path, reason: 'binary', ...inCommit });
        return;
    }
    const bytes = addedText(file);
    const { text, invalidUtf8, encoding } = decodeForScan(bytes, file.binary);
    // Binary content weighs what it has worth reading (its printable runs); text its bytes.
    if ((encoding === 'binary' ? printableBytes(bytes) : bytes.length) > request.maxFileSize) {
        stats.skipped.push({ path, reason: 'oversized', size: bytes.length, ...inCommit });
        return;
    }
    if (invalidUtf8)
        stats.invalidUtf8.push(where);
    stats.filesScanned++;
    stats.bytesScanned += bytes.length;
    const scanned = await scanOne(request, stats, [], text, path, commit);
    findings.push(...mapAddedLines(scanned, file));
}

// EXTERNAL MODULE: ./lib/http.ts
var lib_http = __webpack_require__(46880);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/push.ts
/**
 * Ships dlp-metrics.prom to a Prometheus Pushgateway. Each run replaces its repository's group
 * (PUT), so the gateway holds the latest scan's counts per repository and Prometheus scrapes them
 * as gauges of "findings in the last scan": no run id in the key, or every run would be a new
 * series forever.
 */


const PUSH_JOB = 'summit-dlp-scan';
const INPUT = 'metrics-pushgateway-url';
/**
 * Checks the input before the scan so a typo fails in seconds, not after a long history scan.
 * The value is never echoed: it may hold credentials.
 */
function parsePushgatewayUrl(value) {
    const url = (0,inputs/* httpUrl */.q3)(INPUT, value, 'http(s)://host:9091');
    if (url.search || url.hash)
        throw new inputs/* InputError */.dz(INPUT, 'has a query or fragment, which the Pushgateway path syntax cannot carry', 'the gateway base URL such as https://user:pass@pushgateway:9091');
    return url;
}
/**
 * `<base>/metrics/job/summit-dlp-scan/repository@base64/<base64url(owner/repo)>`: the repository
 * holds a '/', which a plain path segment cannot, hence the gateway's @base64 form. Pure.
 */
function pushUrl(base, repository) {
    const url = new URL(base.href);
    const encoded = Buffer.from(repository, 'utf8').toString('base64url');
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/job/${PUSH_JOB}/repository@base64/${encoded}`;
    return url;
}
/**
 * PUTs the metrics text; never throws. A failed push is a warning for the caller: the scan's
 * verdict must not depend on a monitoring endpoint being up.
 */
async function pushMetrics(base, repository, text, http = {}) {
    if (!repository)
        return {
            pushed: false,
            reason: 'no repository is known (GITHUB_REPOSITORY is unset), and the grouping key needs it; run inside GitHub Actions or set GITHUB_REPOSITORY=owner/repo',
        };
    const url = pushUrl(base, repository);
    try {
        const res = await (0,lib_http/* httpRequest */.aj)(url, {
            method: 'PUT',
            body: text,
            headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
            ...http,
        });
        return { pushed: true, url: res.url };
    }
    catch (error) {
        // HttpError messages name a sanitised URL (no userinfo) and never a header.
        const reason = error instanceof lib_http/* HttpError */.j$ ? error.message : `unexpected error: ${error.name}`;
        return { pushed: false, reason };
    }
}

// EXTERNAL MODULE: ./lib/digest.ts
var digest = __webpack_require__(49416);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/trusted-config.ts
/**
 * Diff mode's configuration comes from the BASE commit, not from the checkout. The checkout of a
 * pull request is the pull request's own tree: reading `.summit-ops-dlp.yml` or the baseline from
 * it would let a pull request switch off its own scan (an allowlist of `**`, a baseline entry for
 * the key it adds). The base commit is what reviewers already accepted.
 *
 * A change the diff makes to those files is itself reported (rule `dlp-config-changed`, a
 * warning): this scan did not use it, the next scan after the merge will, so a reviewer must see it.
 */





const CONFIG_CHANGED_RULE = 'dlp-config-changed';
const CONFIG_CHANGED_DESCRIPTOR = {
    id: CONFIG_CHANGED_RULE,
    shortDescription: 'dlp-scan configuration (rule pack or baseline) changed: this scan used the base version; the change applies after the merge',
    defaultLevel: 'warning',
    tags: ['config'],
};
const CONFIG_SYMLINK_RULE = 'dlp-config-symlink';
const CONFIG_SYMLINK_DESCRIPTOR = {
    id: CONFIG_SYMLINK_RULE,
    shortDescription: 'dlp-scan configuration is a symlink in the repository: it is never followed (it could point anywhere); this scan used the built-in defaults for it',
    defaultLevel: 'error',
    tags: ['config'],
};
async function realOrSame(path) {
    try {
        return await (0,promises_.realpath)(path);
    }
    catch {
        return path;
    }
}
/**
 * The sentence a reviewer reads: which file, what the change does to it, and what this scan used
 * instead (the base commit's copy — the change's own copy could switch its scan off).
 */
function configChangedMessage(shown, what, state) {
    return `${shown} (the ${what}) is ${state} by the scanned change. This scan used the base commit's configuration, not the change's: the ${state === 'deleted' ? 'deletion' : state === 'added' ? 'file' : 'new version'} applies to scans after the merge. A reviewer should check it; nothing to fix if it is intended.`;
}
function changedFinding(ref, what, state, blob) {
    return {
        ruleId: CONFIG_CHANGED_RULE,
        description: configChangedMessage(ref.shown, what, state),
        severity: 'warning',
        tags: ['config'],
        path: ref.shown,
        line: 1,
        endLine: 1,
        column: 1,
        endColumn: 1,
        preview: state,
        matchPreview: state,
        fingerprint: (0,digest/* sha256Hex */.f)(`${CONFIG_CHANGED_RULE}:${blob}:${ref.shown}`),
    };
}
/** A configuration file that is a symlink (where: which commit or the checkout). */
function symlinkFinding(shown, where) {
    return {
        ruleId: CONFIG_SYMLINK_RULE,
        description: `${CONFIG_SYMLINK_DESCRIPTOR.shortDescription} (${where}). Replace the symlink with the file itself.`,
        severity: 'error',
        tags: ['config'],
        path: shown,
        line: 1,
        endLine: 1,
        column: 1,
        endColumn: 1,
        preview: 'symlink',
        matchPreview: 'symlink',
        fingerprint: (0,digest/* sha256Hex */.f)(`${CONFIG_SYMLINK_RULE}:${where}:${shown}`),
    };
}
/**
 * The first symlink on the way from `root` (not included) to `root/rel`, or undefined. A file read
 * from the checkout must not pass through one: the pull request decides where it points.
 */
async function symlinkOnPath(root, rel) {
    let at = root;
    for (const part of rel.split(/[\\/]/).filter(Boolean)) {
        at = (0,external_node_path_.join)(at, part);
        try {
            if ((await (0,promises_.lstat)(at)).isSymbolicLink())
                return (0,external_node_path_.relative)(root, at).split(external_node_path_.sep).join('/');
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/**
 * Where a configuration file lives relative to the repository, worked out from the path's text
 * under the workspace: the workspace itself is resolved (a runner may reach it through a
 * symlink), but nothing inside it — a symlink there is the pull request's to point anywhere.
 */
async function repoPathOf(top, workspace, absolute) {
    const inWorkspace = (0,external_node_path_.relative)(workspace, absolute);
    const lexical = inWorkspace.startsWith('..') || (0,external_node_path_.isAbsolute)(inWorkspace)
        ? await realOrSame(absolute)
        : (0,external_node_path_.resolve)(await realOrSame(workspace), inWorkspace);
    const rel = (0,external_node_path_.relative)(top, lexical);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return { outside: lexical };
    return { gitPath: rel.split(external_node_path_.sep).join('/') };
}
/**
 * Loads the rule pack and baseline as the base commit has them, and reports the diff's changes
 * to them. A file outside the repository (not something a pull request can change) is read from
 * disk; so is a file an input names that neither commit tracks (written by an earlier step of
 * the caller's job). The conventional files are only ever read from the base commit.
 */
async function configFromBase(options) {
    const top = await realOrSame(await repoRoot(options.cwd));
    const { base, head } = await resolveRange(options.cwd, options.base, options.head);
    const from = await mergeBaseOf(top, base, head);
    const notes = [];
    const changed = [];
    async function locate(given, what) {
        if (!given)
            return { kind: 'none' };
        let ref = given;
        const workspace = options.workspace ?? options.cwd;
        let where = await repoPathOf(top, workspace, ref.absolute);
        if ('outside' in where && !ref.explicit) {
            // The conventional file belongs to the repository's root: with the checkout in a
            // subdirectory of the workspace (actions/checkout `path:`), that is not the workspace root.
            const name = (0,external_node_path_.basename)(ref.absolute);
            const inRepo = (0,external_node_path_.join)(top, name);
            const rel = (0,external_node_path_.relative)(await realOrSame(workspace), inRepo);
            ref = {
                ...ref,
                absolute: inRepo,
                shown: rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? inRepo : rel.split(external_node_path_.sep).join('/'),
            };
            where = { gitPath: name };
        }
        if ('outside' in where) {
            notes.push(`Using ${what} ${ref.shown} (outside the repository, read from disk).`);
            return { kind: 'disk', ref };
        }
        const { gitPath } = where;
        const [atBase, atFork, atHead] = await Promise.all([
            entryAt(top, base, gitPath),
            entryAt(top, from, gitPath),
            entryAt(top, head, gitPath),
        ]);
        if (atFork?.id !== atHead?.id || atFork?.mode !== atHead?.mode) {
            const state = atFork === undefined ? 'added' : atHead === undefined ? 'deleted' : 'modified';
            // Named as the docs name it: "rules file" rather than the notes' "rule-pack override".
            const label = what === 'baseline' ? 'baseline' : 'rules file';
            changed.push(changedFinding(ref, label, state, atHead?.id ?? 'deleted'));
        }
        // A symlink is never followed, in any commit: its target is whatever the link text says.
        if (atHead?.mode === SYMLINK_MODE)
            changed.push(symlinkFinding(ref.shown, `head ${head.slice(0, 12)}`));
        if (atBase?.mode === SYMLINK_MODE) {
            if (atHead?.mode !== SYMLINK_MODE)
                changed.push(symlinkFinding(ref.shown, `base ${base.slice(0, 12)}`));
            notes.push(`Not using ${what} ${ref.shown}: it is a symlink in the base commit (never followed).`);
            return { kind: 'none' };
        }
        if (atBase !== undefined) {
            const text = await showFile(top, base, gitPath);
            notes.push(`Using ${what} ${ref.shown} as of the base commit ${base.slice(0, 12)} (not the checkout).`);
            return { kind: 'text', text: (text ?? Buffer.alloc(0)).toString('utf8'), shown: ref.shown };
        }
        if (ref.explicit && atHead === undefined && atFork === undefined) {
            const link = await symlinkOnPath(top, gitPath);
            if (link !== undefined) {
                changed.push(symlinkFinding(ref.shown, `checkout, through ${link}`));
                notes.push(`Not using ${what} ${ref.shown}: its path passes through a symlink (${link}).`);
                return { kind: 'none' };
            }
            notes.push(`Using ${what} ${ref.shown} (not tracked by git, read from disk).`);
            return { kind: 'disk', ref };
        }
        if (atHead !== undefined)
            notes.push(`Not using ${what} ${ref.shown}: the base commit does not have it (this change adds it; it applies after the merge).`);
        return { kind: 'none' };
    }
    const rulesSource = await locate(options.rules, 'rule-pack override');
    const baselineSource = await locate(options.baseline, 'baseline');
    const rules = rulesSource.kind === 'text'
        ? rulesFromText(rulesSource.text, rulesSource.shown)
        : rulesSource.kind === 'disk'
            ? await loadRules(rulesSource.ref.absolute, rulesSource.ref.shown)
            : await loadRules(undefined);
    const baseline = baselineSource.kind === 'text'
        ? baselineFromText(baselineSource.text, baselineSource.shown)
        : baselineSource.kind === 'disk'
            ? await loadBaseline(baselineSource.ref.absolute, baselineSource.ref.shown)
            : undefined;
    return { rules, baseline, changed, notes };
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/stdin.ts
const processStdin = async () => {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
};

;// CONCATENATED MODULE: ./actions/dlp-scan/src/main.ts
/**
 * dlp-scan as an action: inputs → (tree walk | git diff | git log | stdin) → lib/dlp engine →
 * annotations, job summary, gitleaks-compatible JSON, SARIF, redaction log, Prometheus metrics,
 * evidence bundle, check run. Every raw value found is registered with the run's Redactor before
 * anything is written, so even a stray copy is masked on its way out.
 */



















const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Skips that fail the step under fail-on-skipped: content that was there but not read. */
const FAILING_SKIPS = new Set(['oversized', 'unreadable', 'rule-budget']);
const main_inputs = {
    mode: (0,inputs/* oneOf */.yL)(['auto', 'diff', 'tree', 'history'], {
        default: 'auto',
        description: 'auto (diff on pull_request and merge_group events, tree otherwise), diff (lines added between base and head), tree (every file under path) or history (git log -p of base..head).',
    }),
    path: (0,inputs/* str */.gx)({
        default: '.',
        description: "Directory or file to scan (tree), or inside the repository (diff, history); '-' scans standard input.",
    }),
    base: (0,inputs/* str */.gx)({
        description: 'Base commit for diff and history; default: the pull request or merge group base.',
    }),
    head: (0,inputs/* str */.gx)({
        description: 'Head commit for diff and history; default: the pull request or merge group head, else HEAD.',
    }),
    rules: (0,inputs/* str */.gx)({
        description: `Rule-pack override or extension (YAML or JSON, see lib/dlp/README.md); default: ${DEFAULT_RULES_FILE} when present.`,
    }),
    baseline: (0,inputs/* str */.gx)({
        description: `JSON baseline of accepted fingerprints; default: ${DEFAULT_BASELINE_FILE} when present.`,
    }),
    'fail-on': (0,inputs/* oneOf */.yL)(['error', 'warning', 'notice'], {
        default: 'error',
        description: 'The lowest finding severity that fails the step.',
    }),
    'max-file-size': (0,inputs/* size */.Ej)({
        default: DEFAULT_MAX_FILE_SIZE,
        description: 'Larger files are skipped and reported (e.g. 1M, 512k).',
    }),
    'fail-on-skipped': (0,inputs/* bool */.lc)({
        default: true,
        description: 'Fail the step when a file that could hold a secret was not scanned: over max-file-size, or unreadable. Allowlisted paths are never read, so they do not count.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({
        description: 'Write an evidence bundle (report, SARIF, gitleaks JSON, redaction log, metrics, manifest) to this empty directory.',
    }),
    'commit-details': (0,inputs/* oneOf */.yL)(['masked', 'clear'], {
        default: 'masked',
        description: "History mode: how reports show each commit's author email and message. masked (default): first 4 characters and the length; clear: as git has them, except values the scan finds in them.",
    }),
    'metrics-pushgateway-url': (0,inputs/* str */.gx)({
        secret: true,
        description: 'Prometheus Pushgateway base URL (may hold user:password@); when set, dlp-metrics.prom is PUT to <url>/metrics/job/summit-dlp-scan/repository@base64/<owner/repo>. A failed push is a warning.',
    }),
    threads: (0,inputs/* str */.gx)({
        default: 'auto',
        description: "Threads that scan in tree mode, this one included: 'auto' (one per core) or a number (1: no worker thread). A small scan stays on one thread, where starting a worker costs more than it saves.",
    }),
    'check-run': (0,inputs/* bool */.lc)({
        default: false,
        description: 'Also publish the findings as a check run (needs checks: write). Off by default: the annotations and the job summary already show every finding once.',
    }),
    'github-token': (0,inputs/* str */.gx)({ secret: true, description: 'Token for the check run.' }),
};
/** `auto` or a whole number 1–64. Pure. */
function parseThreads(value) {
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'auto')
        return 'auto';
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new inputs/* InputError */.dz('threads', `'${value}' is not a thread count`, "'auto' or a whole number from 1 to 64");
    return n;
}
/**
 * Decides the mode and the commits from the inputs and the event payload: pull requests and
 * merge-queue groups (lib/github.ts changeRange) are diffs of their base and head. Pure.
 */
function resolvePlan(values, github) {
    const change = (0,lib_github/* changeRange */.SZ)(github);
    if (values.path === '-') {
        if (values.mode === 'diff' || values.mode === 'history')
            throw new Error(`path '-' scans standard input, which has no git history; use mode tree or auto (mode is '${values.mode}')`);
        return { mode: 'stdin' };
    }
    const mode = values.mode === 'auto' ? (change ? 'diff' : 'tree') : values.mode;
    if (mode === 'tree')
        return { mode };
    const plan = { mode };
    const base = values.base || change?.base;
    const head = values.head || change?.head || 'HEAD';
    if (base)
        plan.base = base;
    plan.head = head;
    if (mode === 'diff' && !base)
        throw new Error("mode 'diff' needs a base commit: set the base input (only pull_request and merge_group events provide one), or use mode tree");
    return plan;
}
function inWorkspace(context, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(context.workspace, path);
}
function shown(context, absolute) {
    return (0,lib_workspace/* isInside */.FK)(context.workspace, absolute)
        ? toWorkspacePath(context.workspace, absolute) || '.'
        : absolute;
}
/** Diff mode: the input's file, or the conventional one whether or not the checkout still has it. */
function configRef(context, given, conventional) {
    const absolute = given ? inWorkspace(context, given) : (0,external_node_path_.join)(context.workspace, conventional);
    return { absolute, shown: shown(context, absolute), explicit: !!given };
}
/** The input's file, or the conventional file at the workspace root when it exists. */
function configFile(context, given, conventional, what) {
    if (given)
        return inWorkspace(context, given);
    const candidate = (0,external_node_path_.join)(context.workspace, conventional);
    if ((0,external_node_fs_.existsSync)(candidate)) {
        context.log.info(`Using ${what} ${conventional} (found at the workspace root).`);
        return candidate;
    }
    return undefined;
}
/**
 * A configuration file in the workspace reached through a symlink is not read (a finding
 * instead): the link could point anywhere, such as an allowlist of `**` outside the repository.
 */
async function unlinkedConfig(context, file, findings) {
    if (!file || !(0,lib_workspace/* isInside */.FK)(context.workspace, file))
        return file;
    const link = await symlinkOnPath(context.workspace, toWorkspacePath(context.workspace, file));
    if (link === undefined)
        return file;
    const shownAs = shown(context, file);
    findings.push(symlinkFinding(shownAs, link === shownAs ? 'checkout' : `checkout, through ${link}`));
    context.log.info(`Not using ${shownAs}: it is reached through a symlink (${link}), never followed.`);
    return undefined;
}
function createDlpScan(ports = { readStdin: processStdin }) {
    return (0,action/* defineAction */.Q)({
        name: 'dlp-scan',
        inputs: main_inputs,
        async run(values, context) {
            const failOn = values.failOn;
            // 0 would skip every file and report a clean scan of nothing.
            if (values.maxFileSize <= 0)
                throw new inputs/* InputError */.dz('max-file-size', `${values.maxFileSize} bytes would skip every file`, 'a size above 0 such as 1M or 512k');
            const pushgateway = values.metricsPushgatewayUrl
                ? parsePushgatewayUrl(values.metricsPushgatewayUrl)
                : undefined;
            if (pushgateway)
                context.redactor.addUrlCredentials(pushgateway);
            const threads = parseThreads(values.threads);
            const planInput = { mode: values.mode, path: values.path };
            if (values.base)
                planInput.base = values.base;
            if (values.head)
                planInput.head = values.head;
            const plan = resolvePlan(planInput, context.github);
            const target = plan.mode === 'stdin' ? context.workspace : inWorkspace(context, values.path);
            if (plan.mode !== 'stdin') {
                if (!(0,lib_workspace/* isInside */.FK)(context.workspace, target))
                    throw new Error(`path '${values.path}' is outside the workspace (${context.workspace}); scan a directory inside it`);
                if (!(0,external_node_fs_.existsSync)(target))
                    throw new Error(`path '${values.path}' does not exist in the workspace; check the path input`);
            }
            let rules;
            let baseline;
            let configChanged = [];
            let outcome;
            try {
                if (plan.mode === 'diff' || (plan.mode === 'history' && plan.base)) {
                    // The change's own copy of the rules and baseline could switch its scan off: read them
                    // as blobs of the base commit.
                    const trusted = await configFromBase({
                        cwd: (0,external_node_fs_.statSync)(target).isDirectory() ? target : (0,external_node_path_.dirname)(target),
                        workspace: context.workspace,
                        base: plan.base,
                        head: plan.head ?? 'HEAD',
                        rules: configRef(context, values.rules, DEFAULT_RULES_FILE),
                        baseline: configRef(context, values.baseline, DEFAULT_BASELINE_FILE),
                    });
                    for (const note of trusted.notes)
                        context.log.info(note);
                    ({ rules, baseline } = trusted);
                    configChanged = trusted.changed;
                }
                else {
                    const rulesFile = await unlinkedConfig(context, configFile(context, values.rules, DEFAULT_RULES_FILE, 'rule-pack override'), configChanged);
                    const baselineFile = await unlinkedConfig(context, configFile(context, values.baseline, DEFAULT_BASELINE_FILE, 'baseline'), configChanged);
                    rules = await loadRules(rulesFile, rulesFile && shown(context, rulesFile));
                    baseline = await loadBaseline(baselineFile, baselineFile && shown(context, baselineFile));
                }
                outcome = await runScan({
                    mode: plan.mode,
                    workspace: context.workspace,
                    target,
                    targetLabel: values.path,
                    ...(plan.base ? { base: plan.base } : {}),
                    ...(plan.head ? { head: plan.head } : {}),
                    maxFileSize: values.maxFileSize,
                    rules,
                    commitDetails: values.commitDetails,
                    threads,
                    ...(baseline ? { baseline: baseline.fingerprints } : {}),
                    readStdin: ports.readStdin,
                });
            }
            catch (error) {
                // A git problem is the user's to fix (a range, a shallow clone): the message, not a trace.
                if (error instanceof GitError)
                    throw new Error(`dlp-scan (${plan.mode}): ${error.message}`);
                throw error;
            }
            // Before any output is built: from here on every copy of a value is masked.
            (0,dlp/* registerSecrets */.dg)(context.redactor, outcome.findings);
            for (const skipped of outcome.stats.skipped)
                context.redactor.addReadable(skipped.path);
            outcome.findings.unshift(...configChanged);
            context.log.info(`dlp-scan: ${outcome.findings.length} finding(s) in ${outcome.stats.filesScanned} file(s) (${plan.mode}).`);
            return toResult(outcome.findings, outcome.stats, rules, failOn, values.maxFileSize, context, values.evidenceDir, plan, values.failOnSkipped, pushgateway, values.checkRun ?? false);
        },
    });
}
/* harmony default export */ const main = (createDlpScan());
async function toResult(findings, stats, rules, failOn, maxFileSize, context, evidenceDir, plan, failOnSkipped, pushgateway, checkRun) {
    const redact = (value) => context.redactor.redactDeep(value);
    const { shown, omitted } = annotatedFindings(findings);
    const capNote = `${omitted} finding(s) have no annotation (at most ${ANNOTATIONS_PER_FILE} per file and ${ANNOTATIONS_PER_RUN} per run); every finding is in the report (report-path) and the SARIF log.`;
    const markdown = summaryMarkdown(findings, stats, failOn, maxFileSize) + (omitted > 0 ? `\n${(0,summary/* paragraph */.FY)(capNote)}` : '');
    const gitleaks = `${JSON.stringify(redact((0,dlp/* gitleaksReport */.F1)(findings)), null, 2)}\n`;
    // Counts only: per rule, severity and tag, what was suppressed and why, what was not scanned.
    const log = `${JSON.stringify(redact({ ...(0,dlp/* redactionLog */.e0)(findings), suppressed: stats.suppressed, skippedFiles: countSkips(stats.skipped), invalidUtf8Files: stats.invalidUtf8.length }), null, 2)}\n`;
    const repository = context.github.repository;
    const metrics = context.redactor.redact(metricsText(findings, stats, rules, repository ? { repository } : {}));
    const sarifReport = {
        toolName: 'summit-ops/dlp-scan',
        informationUri: 'https://github.com/summit-ops/summit-ops/tree/main/actions/dlp-scan',
        rules: [
            ...(0,dlp/* ruleDescriptors */.tP)(rules),
            ...(findings.some((f) => f.ruleId === CONFIG_CHANGED_RULE) ? [CONFIG_CHANGED_DESCRIPTOR] : []),
            ...(findings.some((f) => f.ruleId === CONFIG_SYMLINK_RULE) ? [CONFIG_SYMLINK_DESCRIPTOR] : []),
        ],
        findings: findings.map(dlp/* toReportFinding */.vC),
    };
    const outDir = (0,external_node_path_.join)(context.tempDir, 'dlp-scan-out');
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const sarif = await (0,report_sarif/* writeSarif */.lg)((0,external_node_path_.join)(outDir, 'dlp-scan.sarif'), sarifReport, context.redactor, {
        workspace: context.workspace,
        // The log's shape is fixed by buildSarif and validated by the tests (main.test.ts); compiling
        // the schema would be most of a one-file scan's start-up.
        validate: false,
    });
    const files = { 'dlp-report.json': gitleaks, 'dlp-redaction-log.json': log, 'dlp-metrics.prom': metrics };
    for (const [name, content] of Object.entries(files))
        await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, name), content);
    if (pushgateway) {
        const pushed = await pushMetrics(pushgateway, repository, metrics);
        if (pushed.pushed)
            context.log.info(`dlp-scan: metrics pushed to ${pushed.url}.`);
        else
            context.log.warning(`dlp-scan: metrics not pushed to the Pushgateway (${pushed.reason}). The scan result stands; the counts are still in dlp-metrics.prom (evidence-dir).`);
    }
    let reportPath = (0,external_node_path_.join)(outDir, 'dlp-report.json');
    let sarifPath = (0,external_node_path_.join)(outDir, 'dlp-scan.sarif');
    if (evidenceDir) {
        const dir = inWorkspace(context, evidenceDir);
        const range = plan.mode === 'diff' || plan.mode === 'history'
            ? { ...(plan.base ? { base: plan.base } : {}), ...(plan.head ? { head: plan.head } : {}) }
            : undefined;
        await (0,evidence/* writeEvidenceBundle */.NU)(dir, {
            report: reportObject(findings, stats, failOn, range),
            markdown,
            files: [
                { name: 'dlp-scan.sarif', content: `${JSON.stringify(sarif, null, 2)}\n` },
                ...Object.entries(files).map(([name, content]) => ({ name, content })),
            ],
        }, context.redactor);
        reportPath = (0,external_node_path_.join)(dir, 'dlp-report.json');
        sarifPath = (0,external_node_path_.join)(dir, 'dlp-scan.sarif');
    }
    const failing = violations(findings, failOn);
    const annotations = [...shown.map(findingAnnotation), ...skipAnnotations(stats.skipped, maxFileSize)];
    if (omitted > 0)
        annotations.push({
            level: 'notice',
            title: 'dlp-scan: annotations capped',
            message: capNote,
        });
    const unscanned = failOnSkipped ? stats.skipped.filter((k) => FAILING_SKIPS.has(k.reason)) : [];
    const result = {
        outputs: { findings: String(findings.length), 'report-path': reportPath, 'sarif-path': sarifPath },
        annotations,
        summary: markdown,
    };
    if (checkRun)
        result.checkRun = {
            name: 'dlp-scan',
            title: failing > 0
                ? `${failing} finding(s) at or above ${failOn}`
                : unscanned.length > 0
                    ? `${unscanned.length} file(s) not scanned`
                    : findings.length > 0
                        ? `${findings.length} finding(s) below ${failOn}`
                        : 'no secrets or PII found',
            conclusion: failing > 0 || unscanned.length > 0 ? 'failure' : findings.length > 0 ? 'neutral' : 'success',
            summary: markdown,
        };
    const selfAllowed = findings.filter((f) => f.inlineAllowAdded).length;
    if (failing > 0) {
        const rulesHit = Object.entries((0,dlp/* redactionLog */.e0)(findings.filter((f) => violations([f], failOn) > 0)).byRule)
            .map(([rule, n]) => `${rule} ×${n}`)
            .join(', ');
        result.failure = `dlp-scan: ${failing} finding(s) at or above '${failOn}' (${rulesHit}); see the annotations and the job summary. Remove the value (and rotate it if it is a credential), or accept it: an inline dlp:allow comment, an allowlist in the rules file, or its fingerprint in the baseline.`;
        if (selfAllowed > 0)
            result.failure += ` ${selfAllowed} of them sit on a line whose dlp:allow this pull request adds: not honoured, because a pull request cannot accept its own finding. A baseline entry (or allowlist) must land in an earlier pull request, reviewed on its own; or a reviewer accepts the risk and merges despite this check.`;
    }
    if (unscanned.length > 0) {
        const names = unscanned
            .slice(0, 5)
            .map((k) => `${k.path} (${k.reason})`)
            .join(', ');
        const more = unscanned.length > 5 ? ` and ${unscanned.length - 5} more` : '';
        const budget = unscanned.some((k) => k.reason === 'rule-budget')
            ? ' A rule stopped for its time budget backtracks super-linearly on that text: rewrite its regex (one repeat per run of the same characters, no repeated group of repeats), or disable it.'
            : '';
        const why = `dlp-scan: ${unscanned.length} file(s) could hold a secret but were not scanned: ${names}${more}. Raise max-file-size, allowlist the path in the rules file (with a comment saying why), or set fail-on-skipped: false.${budget}`;
        result.failure = result.failure ? `${result.failure}\n${why}` : why;
    }
    return result;
}


/***/ })

};
