import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 6932;
export const ids = [6932];
export const modules = {

/***/ 74111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ normalisePath),
/* harmony export */   t: () => (/* binding */ globToRegExp)
/* harmony export */ });
/**
 * Path globs for allowlists: `**` crosses directories, `*` and `?` do not, `{a,b}` alternates.
 * A pattern without `/` matches the file name in any directory (like .gitignore).
 */
function globToRegExp(glob) {
    let source = '';
    let i = 0;
    let braces = 0;
    while (i < glob.length) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const slash = glob[i + 2] === '/';
                source += slash ? '(?:[^/]*/)*' : '.*';
                i += slash ? 3 : 2;
                continue;
            }
            source += '[^/]*';
        }
        else if (c === '?')
            source += '[^/]';
        else if (c === '{') {
            braces++;
            source += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            source += ')';
        }
        else if (c === ',' && braces > 0)
            source += '|';
        else
            source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        i++;
    }
    const anchored = glob.includes('/') ? `^${source.replace(/^\\\//, '')}$` : `(?:^|/)${source}$`;
    return new RegExp(anchored);
}
/**
 * A workspace-relative path as rules and fingerprints see it. Callers pass `/`-separated paths
 * (git's, or tree mode's own conversion of the platform separator); a backslash is left alone:
 * on Linux and macOS it is an ordinary file-name character, and reading `a\b` as `a/b` would let
 * a file at the root named `dist\x.env` match an allowlisted `dist/**`.
 */
function normalisePath(path) {
    return path.replace(/^\.\//, '');
}


/***/ }),

/***/ 67782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yL: () => (/* binding */ DlpRulePackError),
  _I: () => (/* binding */ builtInRulePackSpec),
  ZC: () => (/* binding */ compileRulePack),
  T1: () => (/* binding */ defaultRulePack),
  zr: () => (/* binding */ hasUnvettedAllowlist),
  Ee: () => (/* binding */ loadRulePackOverride),
  oY: () => (/* binding */ unvettedRuleIds)
});

// UNUSED EXPORTS: RULE_PACK_OVERRIDE_SCHEMA, RULE_PACK_SCHEMA, loadRulePackText, mergeRulePack, parsePackText

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/dlp/rules.json
const rules_namespaceObject = /*#__PURE__*/JSON.parse('{"version":1,"rules":[{"id":"aws-access-key-id","description":"AWS access key id (AKIA, ASIA, ABIA, ACCA)","severity":"error","keywords":["AKIA","ASIA","ABIA","ACCA"],"regex":"(?<![A-Za-z0-9](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])","tags":["secret","aws"],"allowlist":{"regexes":["EXAMPLE$"]}},{"id":"aws-secret-access-key","description":"AWS secret access key assigned to a named setting","severity":"error","keywords":["secret_access_key","secretaccesskey","secret-access-key","aws_secret","aws-secret"],"ignoreCase":true,"followedBy":{"chars":":=","within":64},"regex":"(?:aws[_-]?secret(?:[_-]?access)?(?:[_-]?key)?|secret[_-]?access[_-]?key)[A-Za-z0-9_.-]{0,30}[\\"\'\\\\]]{0,2}[ \\\\t]{0,8}(?::=|=>|[:=])[ \\\\t]{0,8}[\\"\'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])","entropy":4,"tags":["secret","aws"],"allowlist":{"regexes":["EXAMPLEKEY$"]}},{"id":"github-token","description":"GitHub classic token (ghp_/gho_/ghu_/ghs_/ghr_) with a valid checksum","severity":"error","keywords":["ghp_","gho_","ghu_","ghs_","ghr_"],"regex":"(?<![A-Za-z0-9_](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])","validator":"github-checksum","tags":["secret","github"]},{"id":"github-fine-grained-pat","description":"GitHub fine-grained personal access token","severity":"error","keywords":["github_pat_"],"regex":"(?<![A-Za-z0-9_](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])","tags":["secret","github"]},{"id":"gitlab-pat","description":"GitLab personal access token","severity":"error","keywords":["glpat-"],"regex":"(?<![A-Za-z0-9_-](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))glpat-[A-Za-z0-9_-]{20,64}(?:\\\\.[0-9a-z]{2}\\\\.[0-9a-z]{9})?(?![A-Za-z0-9_-])","tags":["secret","gitlab"]},{"id":"slack-token","description":"Slack token (xoxb-/xoxp-/xoxa-/xoxr-/xoxs-/xoxe-, rotating xoxe.xoxp-, app-level xapp-)","severity":"error","keywords":["xoxb-","xoxp-","xoxa-","xoxr-","xoxs-","xoxo-","xoxe-","xoxe.","xapp-"],"regex":"(?<![A-Za-z0-9](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))(?:xox[abposr]-[0-9]{1,20}-[0-9A-Za-z-]{8,200}|xoxe(?:\\\\.xox[bp])?-[0-9]-[0-9A-Za-z]{20,250}|xapp-[0-9]-[A-Z0-9]{6,20}-[0-9]{6,20}-[0-9a-f]{20,128})(?![0-9A-Za-z-])","tags":["secret","slack"]},{"id":"slack-webhook-url","description":"Slack webhook URL (incoming webhooks, workflow and trigger URLs)","severity":"error","keywords":["hooks.slack.com/"],"regex":"hooks\\\\.slack\\\\.com\\\\/(?:services|workflows|triggers)\\\\/(?<secret>T[A-Z0-9]{8,12}(?:\\\\/[A-Za-z0-9]{8,40}){2,3})(?![A-Za-z0-9])","tags":["secret","slack"]},{"id":"stripe-secret-key","description":"Stripe secret or restricted key, live or test mode","severity":"error","keywords":["sk_live_","rk_live_","sk_test_","rk_test_"],"regex":"(?<![A-Za-z0-9_](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))[sr]k_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9_])","tags":["secret","stripe"]},{"id":"google-api-key","description":"Google API key","severity":"error","keywords":["AIza"],"regex":"(?<![A-Za-z0-9_-](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])","tags":["secret","google"]},{"id":"azure-account-key","description":"Azure storage account key or shared access key in a connection string","severity":"error","keywords":["AccountKey=","SharedAccessKey="],"ignoreCase":true,"regex":"(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+\\\\/]{86}==|[A-Za-z0-9+\\\\/]{43}=)(?![A-Za-z0-9+\\\\/=])","tags":["secret","azure"]},{"id":"npm-token","description":"npm access token with a valid checksum","severity":"error","keywords":["npm_"],"regex":"(?<![A-Za-z0-9_](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])","validator":"npm-checksum","tags":["secret","npm"]},{"id":"pypi-token","description":"PyPI upload token","severity":"error","keywords":["pypi-AgEIcHlwaS5vcmc"],"regex":"(?<![A-Za-z0-9_-](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])","tags":["secret","pypi"]},{"id":"private-key","description":"PEM or OpenSSH private key","severity":"error","keywords":["-----BEGIN"],"regex":"-----BEGIN(?: [A-Z0-9]{1,20}){0,3} PRIVATE KEY(?: BLOCK)?-----(?:\\\\s{1,16}[A-Z][A-Za-z-]{1,15}:[^\\\\n]{0,128}){0,4}[A-Za-z0-9+\\\\/=\\\\s]{32,65536}?-----END(?: [A-Z0-9]{1,20}){0,3} PRIVATE KEY(?: BLOCK)?-----","tags":["secret","private-key"]},{"id":"jwt","description":"JSON Web Token (header decodes to JSON with alg)","severity":"warning","keywords":["eyJ"],"regex":"(?<![A-Za-z0-9_.-](?<!\\\\\\\\[nrt])(?<!\\\\\\\\u[0-9A-Fa-f]{4})(?<!\\\\\\\\x[0-9A-Fa-f]{2})(?<!%[0-9A-Fa-f]{2}))eyJ[A-Za-z0-9_-]{8,4096}\\\\.ey[A-Za-z0-9_-]{8,16384}\\\\.[A-Za-z0-9_-]{0,4096}(?![A-Za-z0-9_-])","validator":"jwt","tags":["secret","jwt"],"allowlist":{"stopwords":["SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"]}},{"id":"generic-secret","description":"High-entropy value assigned to a key, secret, token or password","severity":"warning","keywords":["password","passwd","pwd","secret","token","apikey","api_key","api-key","access_key","accesskey","private_key","credential"],"ignoreCase":true,"followedBy":{"chars":":=","within":64},"regex":"(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]{0,30}[\\"\'\\\\]]{0,2}[ \\\\t]{0,8}(?::=|=>|[:=])[ \\\\t]{0,8}(?:[\\"\'`](?<secret>[^\\"\'`\\\\s$<>{}\\\\\\\\]{8,256})[\\"\'`]|(?<secret>[A-Za-z0-9+/=_.~-]{8,256})(?![^\\\\s,;)\\\\]}]))","validator":"generic-secret","entropy":3.5,"tags":["secret","generic"]},{"id":"generic-secret-forms","description":"High-entropy value given to a key, secret, token or password in forms the assignment rule does not read: Make (?= ::= :::= +=), PHP .=, Go var with a type, setProperty(\\"X\\", \\"v\\"), XML elements and value attributes, env lines inside JSON strings","severity":"warning","keywords":["password","passwd","secret","token","apikey","api_key","api-key","credential"],"ignoreCase":true,"window":"line","regex":"(?:set(?:Property|env)?|putenv|put)\\\\([ \\\\t]{0,4}[\\"\'][A-Za-z0-9_.-]{0,30}(?:password|passwd|secret|token|api[_-]?key|credential)[A-Za-z0-9_.-]{0,30}[\\"\'][ \\\\t]{0,4},[ \\\\t]{0,4}[\\"\'](?<secret>[A-Za-z0-9+/=_.~!@#%^*-]{8,256})[\\"\']|(?:password|passwd|secret|token|api[_-]?key|credential)[A-Za-z0-9_]{0,30}(?:(?:[ \\\\t]{0,8}(?:\\\\?=|::?:?=|\\\\+=|\\\\.=)[ \\\\t]{0,8}|[ \\\\t]{1,4}string[ \\\\t]{0,4}=[ \\\\t]{0,4}|>|[\\"\'][ \\\\t]{1,8}value=)[\\"\'`]?(?<secret>[A-Za-z0-9+/=_.~!@#%^*-]{8,256})(?:[\\"\'`<]|\\\\\\\\n|(?![^\\\\s,;)\\\\]}]))|=(?<secret>[A-Za-z0-9+/=_.~-]{8,256})\\\\\\\\n)","validator":"generic-secret","entropy":3.5,"tags":["secret","generic"]},{"id":"us-ssn","description":"US social security number (bare digits only next to \\"SSN\\"-like context)","severity":"error","gate":{"digits":9},"regex":"(?<![\\\\w.+-])(?:\\\\d{3}-\\\\d{2}-\\\\d{4}|\\\\d{3} \\\\d{2} \\\\d{4}|\\\\d{9})(?![\\\\w-]|\\\\.\\\\d)","validator":"ssn","tags":["pii"]},{"id":"us-ssn-dotted","description":"US social security number written with dots (123.45.6789)","severity":"error","gate":{"digits":9},"regex":"(?<![\\\\w.+<>=~^-])\\\\d{3}\\\\.\\\\d{2}\\\\.\\\\d{4}(?![\\\\w.-])","validator":"ssn-dotted","tags":["pii"]},{"id":"payment-card","description":"Payment card number (brand prefix, length and Luhn check)","severity":"error","gate":{"digits":13},"regex":"(?<![\\\\w.+-])(?:\\\\d{13,19}|\\\\d{4}([ -])\\\\d{4}\\\\1\\\\d{4}\\\\1\\\\d{4}(?:\\\\1\\\\d{3})?|\\\\d{4}([ -])\\\\d{6}\\\\2\\\\d{4,5})(?![\\\\w-]|\\\\.\\\\d)","validator":"payment-card","tags":["pii","pci"]},{"id":"payment-card-other","description":"Payment card number of brands the ingress filter does not claim (Maestro 12-19, JCB 15, UATP, Dankort): prefix, length and Luhn check","severity":"error","gate":{"digits":12},"regex":"(?<![\\\\w.+-])(?:\\\\d{12,19}|\\\\d{4}([ -])\\\\d{4}\\\\1\\\\d{4}(?:\\\\1\\\\d{1,4}){0,2}|\\\\d{4}([ -])\\\\d{5}\\\\2\\\\d{6}|\\\\d{4}([ -])\\\\d{6}\\\\3\\\\d{5})(?![\\\\w-]|\\\\.\\\\d)","validator":"payment-card-other","tags":["pii","pci"]},{"id":"email-address","description":"Email address (reserved and example domains, and authorship metadata: LICENSE/NOTICE/AUTHORS files, package manifests, author/maintainer/copyright lines, excluded)","severity":"warning","gate":{"char":"@","wordAround":true},"regex":"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\\\\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])","validator":"email","tags":["pii"],"allowlist":{"paths":["{LICENSE,LICENCE,License,Licence,license,licence,COPYING,Copying,copying,NOTICE,Notice,notice,AUTHORS,Authors,authors,CONTRIBUTORS,Contributors,contributors,MAINTAINERS,Maintainers,maintainers,CREDITS,Credits,CODEOWNERS,PATENTS}{,.*,-*,_*}","{CHANGELOG,Changelog,changelog,CHANGES,Changes,HISTORY,History,history}{,.*}","{CODE_OF_CONDUCT,code_of_conduct,CODE-OF-CONDUCT,code-of-conduct,SECURITY,Security,security,CONTRIBUTING,Contributing,contributing,SUPPORT,GOVERNANCE,FUNDING}{,.*}","{package.json,bower.json,composer.json,.mailmap,Cargo.toml,pyproject.toml,setup.py,setup.cfg,PKG-INFO,METADATA,DESCRIPTION,*.gemspec,*.nuspec,*.podspec,pom.xml,build.gradle,build.gradle.kts}","**/{test,tests,__tests__,spec,fixtures,__fixtures__,testdata,benchmark,benchmarks}/**","*.{test,spec}.{js,ts,mjs,cjs,jsx,tsx}"],"regexTarget":"line","regexes":["(?:[Aa]uthors?|AUTHORS?|[Mm]aintainers?|MAINTAINERS?|[Cc]ontributors?|[Cc]opyright|COPYRIGHT|\\\\([Cc]\\\\) |©|[Cc]reated by|[Ww]ritten by|<maintainer>|<author>|<developer>|mailto:)"]}},{"id":"phone-number","description":"Phone number (formatted, international, or bare digits next to \\"phone\\"-like context)","severity":"warning","gate":{"digits":10},"regex":"(?<![\\\\w+.(-])(?:(?:\\\\+?1[ .-]|001[ .-])?(?:\\\\(\\\\d{3}\\\\) ?|\\\\d{3}[ .-])\\\\d{3}[ .-]\\\\d{4}(?: ?(?:x|ext\\\\.?) ?\\\\d{1,5})?|\\\\+[1-9]\\\\d{7,14}|(?:\\\\+|00)[1-9]\\\\d{0,5}(?: ?\\\\(\\\\d{1,4}\\\\) ?|[ .-])\\\\d{1,5}(?:[ .-]\\\\d{1,5}){0,5}|\\\\d{10})(?![\\\\w-]|\\\\.\\\\d)","validator":"phone","tags":["pii"]},{"id":"phone-number-context","description":"International phone number next to a phone-like word, in formats without three digits in a row (+33.1.23.45.67.89)","severity":"warning","keywords":["phone","tel","mobile","cell","fax"],"ignoreCase":true,"window":"line","regex":"(?<![\\\\w+.(-])(?:\\\\+|00)[1-9]\\\\d{0,2}(?: ?\\\\(\\\\d{1,4}\\\\) ?|[ .-])\\\\d{1,4}(?:[ .-]\\\\d{1,4}){2,6}(?![\\\\w-]|\\\\.\\\\d)","validator":"phone","tags":["pii"]},{"id":"iban","description":"International bank account number (country length and mod-97 check; spaces, dashes, any case)","severity":"error","gate":{"digits":9},"regex":"(?<![A-Za-z0-9])[A-Za-z]{2}\\\\d{2}(?:[A-Za-z0-9]{11,30}|[ -][A-Za-z0-9]{4}(?:[ -][A-Za-z0-9]{4}){1,6}(?:[ -][A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])","validator":"iban","tags":["pii","financial"]}],"allowlist":{"regexes":["[xX]{6}|#{4}|\\\\*{4}|0{12}"]}}');
// EXTERNAL MODULE: ./lib/dlp/regexp-compat.ts
var regexp_compat = __webpack_require__(79039);
// EXTERNAL MODULE: ./lib/dlp/glob.ts
var glob = __webpack_require__(74111);
;// CONCATENATED MODULE: ./lib/dlp/digit-run.ts
/**
 * What a "digit run" is for the rules' `gate.digits`: digits with at most MAX_SEPARATORS
 * separator characters between them, noticed from DIGIT_TRIGGER consecutive digits. The
 * scanner's prefilter finds runs in bytes with its own DFA; the edge Worker, which checks one
 * value at a time, uses `longestDigitRun`. Both read these constants, so a number that opens a
 * rule's gate in a file opens it at the edge too (and `+33.1.23.45.67.89`, with no three digits
 * in a row, opens neither: the context rule `phone-number-context` exists for it).
 */
/** A digit run is noticed from its first three consecutive digits. */
const DIGIT_TRIGGER = 3;
/** Characters allowed inside a formatted number: `4111 1111`, `555-0100`, `(415) 555`, `+44 20`. */
const SEPARATORS = ' -.()/+';
/** More consecutive separators than this end a digit run. */
const MAX_SEPARATORS = 2;
const isDigit = (c) => c >= 48 && c <= 57;
const SEPARATOR_CODES = new Set([...SEPARATORS].map((ch) => ch.charCodeAt(0)));
/**
 * The digit count of the longest run in `text` that holds DIGIT_TRIGGER consecutive digits
 * (0 when none does). Stops early once `enough` is reached.
 */
function longestDigitRun(text, enough = Infinity) {
    let best = 0;
    let digits = 0;
    let consecutive = 0;
    let triggered = false;
    let seps = 0;
    for (let i = 0; i <= text.length; i++) {
        const c = i < text.length ? text.charCodeAt(i) : -1;
        if (isDigit(c)) {
            digits++;
            seps = 0;
            if (++consecutive >= DIGIT_TRIGGER)
                triggered = true;
            continue;
        }
        consecutive = 0;
        if (SEPARATOR_CODES.has(c) && seps < MAX_SEPARATORS && digits > 0) {
            seps++;
            continue;
        }
        if (triggered && digits > best) {
            best = digits;
            if (best >= enough)
                return best;
        }
        digits = 0;
        triggered = false;
        seps = SEPARATOR_CODES.has(c) ? 1 : 0;
    }
    return best;
}

;// CONCATENATED MODULE: ./lib/dlp/prefilter.ts
/**
 * One pass over the text before any regex runs: an Aho-Corasick automaton, compiled to a dense
 * DFA over a small alphabet (one class per keyword character, one for all digits, one per gate
 * character, one for everything else). Its patterns are the keywords, "three digits in a row"
 * (the trigger for card/SSN/phone/IBAN rules, which have no distinctive keyword) and the gate
 * characters (`@` for email). The hot loop is one table lookup and one compare per byte;
 * everything else in the scanner only looks at what this pass reported.
 *
 * Case: keywords are matched on ASCII-lowercased text; a case-sensitive keyword (or one with a
 * digit, since digits share a class) is confirmed with one comparison at the hit, so all kinds
 * share one automaton.
 */

/** Texts from this size are walked as two interleaved streams. */
const TWO_STREAMS_FROM = 1024;
const DIGITS_CODE = -1;
/** Gate character c is reported as `CHAR_CODE - c` (always < DIGITS_CODE). */
const CHAR_CODE = -2;
let scratch = Buffer.allocUnsafe(1 << 16);
/** The string's UTF-16 code units as bytes (low byte), in a reused buffer: no allocation per call. */
function latin1(text) {
    if (scratch.length < text.length)
        scratch = Buffer.allocUnsafe(Math.max(text.length, scratch.length * 2));
    const n = scratch.write(text, 0, 'latin1');
    return scratch.subarray(0, n);
}
class Prefilter {
    keywords;
    lowered;
    confirm;
    /** Byte -> alphabet class. */
    classOf = new Uint8Array(256);
    /** Byte -> 1 digit, 2 separator, 0 other. */
    digitKind = new Uint8Array(256);
    /** delta[state + class] = next state; states premultiplied by the class count. */
    delta;
    /** States with outputs are numbered last: `state >= outputFrom` is the only test per byte. */
    outputFrom;
    /** Outputs by (premultiplied) state. */
    outputs = [];
    /**
     * The same outputs, flat and typed for the hot path: for state s, `outputCodes` from
     * `outputStart[s / K]` to `outputStart[s / K + 1]`; a code >= 0 is a keyword index,
     * `DIGITS_CODE` the digit trigger, `CHAR_CODE - c` the gate character c.
     */
    outputStart;
    outputCodes;
    classCount;
    keywordLength;
    /** 0: no confirmation; 1: case-sensitive `startsWith`; 2: ASCII case-insensitive compare. */
    confirmKind;
    /**
     * By (premultiplied) state: the keyword index when the state's only output is one keyword that
     * needs no confirmation (the generic words: most hits), else -1. Lets the loop record those
     * hits itself instead of calling `report`.
     */
    singleKeyword;
    /** 1 for states whose only output is the digit trigger: inside a long run they fire per digit. */
    digitsOnly;
    minDigits;
    /** How far back a state can look: the longest pattern, or the digit twin state's 4 digits. */
    overlap;
    constructor(keywords, gate = {}) {
        this.keywords = keywords;
        for (const k of keywords) {
            if (k.text.length === 0)
                throw new Error('empty keyword');
            for (let i = 0; i < k.text.length; i++) {
                if (k.text.charCodeAt(i) < 32 || k.text.charCodeAt(i) > 126)
                    throw new Error(`keyword '${k.text}': only printable ASCII is supported`);
            }
        }
        this.lowered = keywords.map((k) => k.text.toLowerCase());
        this.confirm = keywords.map((k) => !k.ignoreCase || /\d/.test(k.text));
        this.minDigits = gate.minDigits ?? 0;
        this.overlap = Math.max(DIGIT_TRIGGER + 1, ...keywords.map((k) => k.text.length));
        // Alphabet.
        let next = 1;
        const digitClass = next++;
        for (let c = 48; c <= 57; c++) {
            this.classOf[c] = digitClass;
            this.digitKind[c] = 1;
        }
        for (const ch of SEPARATORS)
            this.digitKind[ch.charCodeAt(0)] = 2;
        const classFor = (code) => {
            if (this.classOf[code] === 0)
                this.classOf[code] = next++;
            return this.classOf[code];
        };
        for (const k of this.lowered)
            for (const ch of k)
                classFor(ch.charCodeAt(0));
        for (const ch of gate.chars ?? [])
            classFor(ch.charCodeAt(0));
        for (let c = 65; c <= 90; c++)
            if (this.classOf[c + 32] !== 0)
                this.classOf[c] = this.classOf[c + 32];
        const K = next;
        // Patterns as class sequences.
        const patterns = this.lowered.map((k, index) => ({
            classes: [...k].map((ch) => this.classOf[ch.charCodeAt(0)]),
            output: { kind: 'keyword', index },
        }));
        if (this.minDigits > 0)
            patterns.push({ classes: Array(DIGIT_TRIGGER).fill(digitClass), output: { kind: 'digits' } });
        for (const ch of gate.chars ?? []) {
            const code = ch.charCodeAt(0);
            patterns.push({ classes: [this.classOf[code]], output: { kind: 'char', code } });
        }
        // Trie.
        const goto = [new Map()];
        const out = [[]];
        for (const p of patterns) {
            let s = 0;
            for (const cls of p.classes) {
                let t = goto[s].get(cls);
                if (t === undefined) {
                    t = goto.length;
                    goto.push(new Map());
                    out.push([]);
                    goto[s].set(cls, t);
                }
                s = t;
            }
            out[s].push(p.output);
        }
        // Failure links (BFS), folded into a full transition table.
        let states = goto.length;
        let next0 = new Int32Array(states * K);
        const fail = new Int32Array(states);
        const queue = [];
        for (let cls = 0; cls < K; cls++) {
            const t = goto[0].get(cls);
            if (t !== undefined) {
                next0[cls] = t;
                queue.push(t);
            }
        }
        for (let qi = 0; qi < queue.length; qi++) {
            const s = queue[qi];
            out[s].push(...out[fail[s]]);
            for (let cls = 0; cls < K; cls++) {
                const t = goto[s].get(cls);
                if (t !== undefined) {
                    fail[t] = next0[fail[s] * K + cls];
                    next0[s * K + cls] = t;
                    queue.push(t);
                }
                else {
                    next0[s * K + cls] = next0[fail[s] * K + cls];
                }
            }
        }
        // Inside a long digit run (timestamps, hashes, ids) the trigger state would fire on every
        // digit after the third. A twin state without output takes over after the trigger's next
        // digit, so a run fires once (again after a separator). Same transitions otherwise, so no
        // keyword is affected; skipped when a keyword holds three digits in a row.
        const triggerPath = Array(DIGIT_TRIGGER).fill(digitClass);
        const digitHeavy = patterns.some((p) => p.output.kind === 'keyword' &&
            p.classes.some((_, i) => triggerPath.every((c, j) => p.classes[i + j] === c)));
        if (this.minDigits > 0 && !digitHeavy) {
            let trigger = 0;
            for (const cls of triggerPath)
                trigger = goto[trigger].get(cls);
            const twin = states++;
            const grown = new Int32Array(states * K);
            grown.set(next0);
            for (let cls = 0; cls < K; cls++)
                grown[twin * K + cls] = next0[trigger * K + cls];
            grown[twin * K + digitClass] = twin;
            grown[trigger * K + digitClass] = twin;
            next0 = grown;
            out.push([]);
        }
        // Renumber: states without outputs first, so one compare tells "has outputs".
        const order = [...Array(states).keys()].sort((a, b) => Number(out[a].length > 0) - Number(out[b].length > 0));
        const renumbered = new Int32Array(states);
        order.forEach((old, i) => (renumbered[old] = i));
        const firstOutput = order.findIndex((s) => out[s].length > 0);
        this.outputFrom = (firstOutput === -1 ? states : firstOutput) * K;
        const delta = states * K < 65536 ? new Uint16Array(states * K) : new Uint32Array(states * K);
        for (let s = 0; s < states; s++) {
            for (let cls = 0; cls < K; cls++)
                delta[renumbered[s] * K + cls] = renumbered[next0[s * K + cls]] * K;
            if (out[s].length > 0)
                this.outputs[renumbered[s] * K] = out[s];
        }
        this.delta = delta;
        this.digitsOnly = new Uint8Array(states * K);
        this.outputs.forEach((o, state) => {
            if (o.every((x) => x.kind === 'digits'))
                this.digitsOnly[state] = 1;
        });
        this.classCount = K;
        this.outputStart = new Int32Array(states + 1);
        const codes = [];
        for (let s = 0; s < states; s++) {
            this.outputStart[s] = codes.length;
            for (const o of this.outputs[s * K] ?? [])
                codes.push(o.kind === 'keyword' ? o.index : o.kind === 'digits' ? DIGITS_CODE : CHAR_CODE - o.code);
        }
        this.outputStart[states] = codes.length;
        this.outputCodes = Int32Array.from(codes);
        this.keywordLength = Int32Array.from(keywords, (k) => k.text.length);
        this.confirmKind = Uint8Array.from(keywords, (k, i) => (!this.confirm[i] ? 0 : k.ignoreCase ? 2 : 1));
        this.singleKeyword = new Int32Array(states * K).fill(-1);
        for (let s = 0; s < states; s++) {
            const codesOf = this.outputCodes.subarray(this.outputStart[s], this.outputStart[s + 1]);
            if (codesOf.length === 1 && codesOf[0] >= 0 && this.confirmKind[codesOf[0]] === 0)
                this.singleKeyword[s * K] = codesOf[0];
        }
    }
    /**
     * The pass runs over `latin1` bytes of the string: one byte per UTF-16 code unit, so offsets
     * are the string's. A code unit above 0xFF keeps only its low byte, which can only add a
     * spurious hit (the regex then rejects it), never hide a keyword, since keywords are ASCII.
     * Bytes are about twice as fast to walk as `charCodeAt`.
     */
    scan(text) {
        const bytes = latin1(text);
        const result = { keywordHits: [], digitRuns: [], charHits: [] };
        const n = bytes.length;
        // Stream 2 starts `overlap` bytes before the middle, so from the middle on its state is the
        // one a single pass would have (no pattern, nor the digit twin state, looks further back).
        // Both streams are `mid` bytes long, so one loop covers both with no tail loop: a tail that
        // runs after the loop was optimised would deoptimise it on every call (no type feedback).
        const mid = (n + this.overlap + 1) >> 1;
        if (n < TWO_STREAMS_FROM) {
            this.walk(bytes, text, 0, n, 0, result);
            return result;
        }
        const second = { keywordHits: [], digitRuns: [], charHits: [] };
        this.walkTwo(bytes, text, mid, n - mid, result, second);
        // A digit run across the middle is reported by both streams: keep the first stream's.
        const lastEnd = result.digitRuns.length > 0 ? result.digitRuns[result.digitRuns.length - 2] : -1;
        let r = 0;
        while (r < second.digitRuns.length && second.digitRuns[r] < lastEnd)
            r += 3;
        for (; r < second.digitRuns.length; r++)
            result.digitRuns.push(second.digitRuns[r]);
        for (const x of second.keywordHits)
            result.keywordHits.push(x);
        for (const x of second.charHits)
            result.charHits.push(x);
        return result;
    }
    /** One pass over bytes [from, to), reporting outputs that end at or after `reportFrom`. */
    walk(bytes, text, from, to, reportFrom, result) {
        const { delta, classOf, outputFrom, digitsOnly, singleKeyword, keywordLength } = this;
        const hits = result.keywordHits;
        let s = 0;
        let skipDigitsUntil = reportFrom;
        for (let i = from; i < to; i++) {
            s = delta[s + classOf[bytes[i]]];
            if (s >= outputFrom && i >= reportFrom) {
                const k = singleKeyword[s];
                if (k >= 0)
                    hits.push(k, i - keywordLength[k] + 1);
                else if (digitsOnly[s] === 0)
                    skipDigitsUntil = this.report(s, i, text, bytes, result, skipDigitsUntil);
                else if (i >= skipDigitsUntil)
                    skipDigitsUntil = this.digitRun(bytes, i - DIGIT_TRIGGER + 1, result);
            }
        }
    }
    /**
     * Two interleaved passes of `mid` bytes: [0, mid) and [start2, start2 + mid), reporting the
     * second from `mid` on. Each step of one automaton waits on the previous table load; two
     * independent chains keep the CPU busy during that wait (measured ~1.5x on the bench corpus).
     */
    walkTwo(bytes, text, mid, start2, first, second) {
        const { delta, classOf, outputFrom, digitsOnly, singleKeyword, keywordLength } = this;
        const hits1 = first.keywordHits;
        const hits2 = second.keywordHits;
        let s1 = 0;
        let s2 = 0;
        let skip1 = 0;
        let skip2 = mid;
        for (let i = 0, j = start2; i < mid; i++, j++) {
            s1 = delta[s1 + classOf[bytes[i]]];
            s2 = delta[s2 + classOf[bytes[j]]];
            if (s1 >= outputFrom) {
                const k = singleKeyword[s1];
                if (k >= 0)
                    hits1.push(k, i - keywordLength[k] + 1);
                else if (digitsOnly[s1] === 0)
                    skip1 = this.report(s1, i, text, bytes, first, skip1);
                else if (i >= skip1)
                    skip1 = this.digitRun(bytes, i - DIGIT_TRIGGER + 1, first);
            }
            if (s2 >= outputFrom && j >= mid) {
                const k = singleKeyword[s2];
                if (k >= 0)
                    hits2.push(k, j - keywordLength[k] + 1);
                else if (digitsOnly[s2] === 0)
                    skip2 = this.report(s2, j, text, bytes, second, skip2);
                else if (j >= skip2)
                    skip2 = this.digitRun(bytes, j - DIGIT_TRIGGER + 1, second);
            }
        }
    }
    report(state, end, text, bytes, result, skipDigitsUntil) {
        const row = state / this.classCount;
        const last = this.outputStart[row + 1];
        for (let o = this.outputStart[row]; o < last; o++) {
            const code = this.outputCodes[o];
            if (code >= 0) {
                const start = end - this.keywordLength[code] + 1;
                const kind = this.confirmKind[code];
                if (kind === 0 ||
                    (kind === 1
                        ? text.startsWith(this.keywords[code].text, start)
                        : this.sameIgnoringCase(text, start, this.lowered[code]))) {
                    result.keywordHits.push(code, start);
                }
            }
            else if (code === DIGITS_CODE) {
                if (end >= skipDigitsUntil)
                    skipDigitsUntil = this.digitRun(bytes, end - DIGIT_TRIGGER + 1, result);
            }
            else {
                result.charHits.push(CHAR_CODE - code, end);
            }
        }
        return skipDigitsUntil;
    }
    /** `text` at `start` equals `lowered` ignoring ASCII case (no slice, no toLowerCase copy). */
    sameIgnoringCase(text, start, lowered) {
        for (let i = 0; i < lowered.length; i++) {
            let c = text.charCodeAt(start + i);
            if (c >= 65 && c <= 90)
                c += 32;
            if (c !== lowered.charCodeAt(i))
                return false;
        }
        return true;
    }
    /**
     * Measures the run of digits (separators allowed) around the three digits at `at`; records it
     * when long enough. Most runs in code are short numbers (ports, ids, hex), rejected after a few
     * bytes.
     */
    digitRun(bytes, at, result) {
        const kind = this.digitKind;
        let start = at;
        let digits = DIGIT_TRIGGER;
        for (let i = at - 1, seps = 0; i >= 0; i--) {
            const k = kind[bytes[i]];
            if (k === 1) {
                start = i;
                digits++;
                seps = 0;
            }
            else if (k === 2 && seps < MAX_SEPARATORS)
                seps++;
            else
                break;
        }
        let end = at + DIGIT_TRIGGER;
        for (let i = end, seps = 0, n = bytes.length; i < n; i++) {
            const k = kind[bytes[i]];
            if (k === 1) {
                end = i + 1;
                digits++;
                seps = 0;
            }
            else if (k === 2 && seps < MAX_SEPARATORS)
                seps++;
            else
                break;
        }
        if (digits >= this.minDigits)
            result.digitRuns.push(start, end, digits);
        return end;
    }
}

;// CONCATENATED MODULE: ./lib/dlp/native.ts
/**
 * Hand-written matchers for built-in regexes that run thousands of times per MiB. A rule pack is
 * data: a rule uses a native matcher only when its regex source and flags are exactly the ones
 * the matcher was written for (a user who edits the regex gets the regex). Each matcher returns
 * the same match and secret span as a sticky `exec` at the same position; a differential
 * property test (test/native.test.ts) holds them to that.
 *
 * Why: the generic assignment rule's keywords ("token", "password", "secret") hit ~15,000 times
 * per MiB of ordinary source. A regex call, its match array, its `groups` object and two string
 * slices per hit cost more than the whole prefilter pass; walking a few characters after the
 * keyword and rejecting most hits with no allocation does not.
 */
/** The built-in `generic-secret` regex (lib/dlp/rules.json), with the `i` flag. */
const GENERIC_ASSIGNMENT_SOURCE = '(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]{0,30}["\'\\]]{0,2}[ \\t]{0,8}(?::=|=>|[:=])[ \\t]{0,8}(?:["\'`](?<secret>[^"\'`\\s$<>{}\\\\]{8,256})["\'`]|(?<secret>[A-Za-z0-9+/=_.~-]{8,256})(?![^\\s,;)\\]}]))';
// Character classes as 128-entry tables (every class here is ASCII-only, except `\s` below).
function table(chars) {
    const t = new Uint8Array(128);
    for (const ch of chars)
        t[ch.charCodeAt(0)] = 1;
    return t;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `[A-Za-z0-9_.-]` */
const KEY_TAIL = table(ALNUM + '_.-');
/** `["'\]]` */
const KEY_QUOTE = table(`"']`);
/** `["'`]` */
const QUOTE = table('"\'`');
/** `[A-Za-z0-9+/=_.~-]` */
const BARE = table(ALNUM + '+/=_.~-');
/** `[,;)\]}]` (with `\s`, what may follow a bare value) */
const BARE_END = table(',;)]}');
/** `["'`$<>{}\\]`: excluded from a quoted value, with `\s`. */
const QUOTED_EXCLUDED = table('"\'`$<>{}\\');
/** ECMAScript `\s`: WhiteSpace and LineTerminator code points. */
function isSpace(c) {
    if (c < 128)
        return c === 32 || (c >= 9 && c <= 13);
    return (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff);
}
const lower = (c) => (c >= 65 && c <= 90 ? c + 32 : c);
/** `text` at `at` equals the lowercase ASCII `word`, ignoring ASCII case. */
function sameWord(text, at, word) {
    if (at + word.length > text.length)
        return false;
    for (let i = 0; i < word.length; i++)
        if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i))
            return false;
    return true;
}
/** `stem[_-]?key` at `at` (`api_key`, `accesskey`, `private-key`): its length, or 0. */
function stemKey(text, at, stem) {
    if (!sameWord(text, at, stem))
        return 0;
    const i = at + stem.length;
    const c = text.charCodeAt(i);
    if ((c === 95 || c === 45) && sameWord(text, i + 1, 'key'))
        return stem.length + 4;
    return sameWord(text, i, 'key') ? stem.length + 3 : 0;
}
/**
 * Length of the keyword alternation at `at` (case-insensitive, ASCII only, as the `i` flag
 * without `u` does), or 0. At most one alternative can match at a position, so no backtracking
 * between alternatives is needed.
 */
function keywordLength(text, at) {
    switch (lower(text.charCodeAt(at))) {
        case 112: // p
            if (sameWord(text, at, 'password'))
                return 8;
            if (sameWord(text, at, 'passwd'))
                return 6;
            if (sameWord(text, at, 'pwd'))
                return 3;
            return stemKey(text, at, 'private');
        case 115: // s
            return sameWord(text, at, 'secret') ? 6 : 0;
        case 116: // t
            return sameWord(text, at, 'token') ? 5 : 0;
        case 97: // a
            return stemKey(text, at, 'api') || stemKey(text, at, 'access');
        case 99: // c
            return sameWord(text, at, 'credential') ? 10 : 0;
        default:
            return 0;
    }
}
/** The value after the operator at `v`: fills out[1..3] and returns true when it matches. */
function assignmentValue(text, v, out) {
    const n = text.length;
    if (v >= n)
        return false;
    const first = text.charCodeAt(v);
    if (first < 128 && QUOTE[first] === 1) {
        // `["'`](?<secret>[^"'`\s$<>{}\\]{8,256})["'`]`: the run cannot give back characters (the
        // closing quote is excluded from it), so it must end at a quote after 8..256 characters.
        const from = v + 1;
        const limit = Math.min(n, from + 257);
        let i = from;
        for (; i < limit; i++) {
            const c = text.charCodeAt(i);
            if (c < 128 ? QUOTED_EXCLUDED[c] === 1 || isSpace(c) : isSpace(c))
                break;
        }
        const len = i - from;
        if (len < 8 || len > 256 || i >= n)
            return false;
        const close = text.charCodeAt(i);
        if (close >= 128 || QUOTE[close] !== 1)
            return false;
        out[1] = i + 1;
        out[2] = from;
        out[3] = i;
        return true;
    }
    // `(?<secret>[A-Za-z0-9+/=_.~-]{8,256})(?![^\s,;)\]}])`: giving characters back would leave a
    // class character next, which the lookahead refuses, so only the whole run can match.
    const limit = Math.min(n, v + 257);
    let i = v;
    for (; i < limit; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128 || BARE[c] !== 1)
            break;
    }
    const len = i - v;
    if (len < 8 || len > 256)
        return false;
    if (i < n) {
        const c = text.charCodeAt(i);
        if (!(isSpace(c) || (c < 128 && BARE_END[c] === 1)))
            return false;
    }
    out[1] = i;
    out[2] = v;
    out[3] = i;
    return true;
}
/** Skips up to `max` of [ \t]; returns the position after them, or -1 when more follow. */
function blanks(text, i, max) {
    const end = Math.min(text.length, i + max);
    while (i < end) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9)
            break;
        i++;
    }
    const c = text.charCodeAt(i);
    return c === 32 || c === 9 ? -1 : i;
}
/**
 * `GENERIC_ASSIGNMENT_SOURCE` (flag `i`) anchored at `at`. Each quantified run before the
 * operator is followed by something its class excludes, so greedy is the only way it can match;
 * the operator is the one place the regex backtracks (`:=` then `:` alone, `=>` then `=`).
 */
const genericAssignment = (text, at, out) => {
    const kw = keywordLength(text, at);
    if (kw === 0)
        return false;
    const n = text.length;
    let i = at + kw;
    // [A-Za-z0-9_.-]{0,30}
    const tailEnd = Math.min(n, i + 30);
    while (i < tailEnd) {
        const c = text.charCodeAt(i);
        if (c >= 128 || KEY_TAIL[c] !== 1)
            break;
        i++;
    }
    if (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128 && KEY_TAIL[c] === 1)
            return false;
    }
    // ["'\]]{0,2}
    for (let q = 0; q < 2 && i < n; q++) {
        const c = text.charCodeAt(i);
        if (c >= 128 || KEY_QUOTE[c] !== 1)
            break;
        i++;
    }
    if (i < n) {
        const c = text.charCodeAt(i);
        if (c < 128 && KEY_QUOTE[c] === 1)
            return false;
    }
    // [ \t]{0,8}
    i = blanks(text, i, 8);
    if (i === -1 || i >= n)
        return false;
    // (?::=|=>|[:=]) [ \t]{0,8} value, trying the operators in the regex's order.
    const op = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    out[0] = at;
    if ((op === 58 && next === 61) || (op === 61 && next === 62)) {
        const v = blanks(text, i + 2, 8);
        if (v !== -1 && assignmentValue(text, v, out))
            return true;
    }
    if (op === 58 || op === 61) {
        const v = blanks(text, i + 1, 8);
        if (v !== -1 && assignmentValue(text, v, out))
            return true;
    }
    return false;
};
/** Native matchers by regex source, with the flags they assume (besides `y`/`g`). */
const NATIVE_MATCHERS = new Map([
    [GENERIC_ASSIGNMENT_SOURCE, { ignoreCase: true, matcher: genericAssignment }],
]);

;// CONCATENATED MODULE: ./lib/dlp/regex-safety.ts
/**
 * A static check against catastrophic backtracking: a quantified group that itself contains a
 * quantifier, where one of the two is unbounded (`(a+)+`, `(\d+-?)*`, `(x{1,3})+`), is rejected.
 * Bounded nesting (`(?:\.[a-z]{1,63}){1,8}`) is allowed: its work per start position is capped.
 * A repeated group that contains an alternation (`(?:\d|\w\d?)*`, `(a|ab){1,30}`) is rejected too:
 * when two branches can match the same text, every repetition doubles the ways to fail, and even
 * a bound of 30 is 2^30. Telling ambiguous branches from safe ones needs more than syntax, so any
 * such group is refused: a character class or a single branch says the same thing safely.
 * The check is deliberately conservative and syntactic.
 */
function readQuantifier(source, i) {
    const c = source[i];
    let q;
    if (c === '*' || c === '+')
        q = { unbounded: true, repeats: true, length: 1 };
    else if (c === '?')
        q = { unbounded: false, repeats: false, length: 1 };
    else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m)
            return undefined;
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        q = { unbounded: max === Infinity, repeats: max > 1, length: m[0].length };
    }
    if (q && source[i + q.length] === '?')
        q.length += 1; // lazy
    return q;
}
/** Length of `(`, `(?:`, `(?=`, `(?<!`, `(?<name>`, `(?i:` at i. */
function groupPrefixLength(source, i) {
    if (source[i + 1] !== '?')
        return 1;
    const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>|[a-z-]+:)/.exec(source.slice(i, i + 80));
    return m ? m[0].length : 2;
}
/** Returns a description of the first nested unbounded quantifier, or undefined when safe. */
function findNestedQuantifier(source) {
    const stack = [{ hasQuantifier: false, hasUnbounded: false, hasAlternation: false }];
    let i = 0;
    let lastGroup;
    while (i < source.length) {
        const c = source[i];
        if (c === '\\') {
            lastGroup = undefined;
            i += 2;
        }
        else if (c === '[') {
            lastGroup = undefined;
            i++;
            while (i < source.length && source[i] !== ']')
                i += source[i] === '\\' ? 2 : 1;
            i++;
        }
        else if (c === '(') {
            stack.push({ hasQuantifier: false, hasUnbounded: false, hasAlternation: false });
            stack[stack.length - 1].start = i;
            lastGroup = undefined;
            i += groupPrefixLength(source, i);
        }
        else if (c === ')') {
            const frame = stack.pop();
            const parent = stack[stack.length - 1];
            parent.hasQuantifier ||= frame.hasQuantifier;
            parent.hasUnbounded ||= frame.hasUnbounded;
            parent.hasAlternation ||= frame.hasAlternation;
            lastGroup = { frame, start: frame.start ?? 0 };
            i++;
        }
        else if (c === '|') {
            stack[stack.length - 1].hasAlternation = true;
            lastGroup = undefined;
            i++;
        }
        else {
            const q = readQuantifier(source, i);
            if (q) {
                const top = stack[stack.length - 1];
                if (lastGroup) {
                    const inner = lastGroup.frame;
                    if ((q.unbounded && inner.hasQuantifier) || (q.repeats && inner.hasUnbounded)) {
                        return `nested quantifier at ${lastGroup.start}: ${source.slice(lastGroup.start, i + q.length)}`;
                    }
                    if (q.repeats && inner.hasAlternation) {
                        return `repeated group with alternation at ${lastGroup.start}: ${source.slice(lastGroup.start, i + q.length)} (use a character class or a single branch)`;
                    }
                }
                top.hasQuantifier = true;
                top.hasUnbounded ||= q.unbounded;
                lastGroup = undefined;
                i += q.length;
            }
            else {
                lastGroup = undefined;
                i++;
            }
        }
    }
    return undefined;
}
/** True when the source uses `*`, `+` or `{n,}` anywhere (the built-in pack uses none). */
function hasUnboundedQuantifier(source) {
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (c === '\\')
            i += 2;
        else if (c === '[') {
            i++;
            while (i < source.length && source[i] !== ']')
                i += source[i] === '\\' ? 2 : 1;
            i++;
        }
        else {
            if (c === '(') {
                i += groupPrefixLength(source, i);
                continue;
            }
            const q = readQuantifier(source, i);
            if (q?.unbounded)
                return true;
            i += q ? q.length : 1;
        }
    }
    return false;
}
/**
 * The literal texts a match of `source` must start with, one per top-level alternative of a
 * leading group (`(?:AKIA|ASIA)` gives both), after any leading lookbehind. An empty string in the
 * result means "cannot tell" (a class, a `.`, an optional first character).
 */
function leadingLiterals(source) {
    let i = 0;
    // Lookbehinds and lookaheads consume nothing: skip them.
    while (source.startsWith('(?<!', i) ||
        source.startsWith('(?<=', i) ||
        source.startsWith('(?=', i) ||
        source.startsWith('(?!', i)) {
        const end = groupEnd(source, i);
        if (end < 0)
            return [''];
        i = end + 1;
    }
    if (source[i] === '(' && !source.startsWith('(?<!', i) && !source.startsWith('(?<=', i)) {
        const end = groupEnd(source, i);
        if (end < 0)
            return [''];
        // A quantifier that allows zero or repeats the group makes its prefix uncertain.
        const after = source[end + 1];
        if (after === '?' || after === '*' || source.startsWith('{0', end + 1))
            return [''];
        const inner = source.slice(i + groupPrefixLength(source, i), end);
        return splitTopLevel(inner).flatMap((branch) => leadingLiterals(branch));
    }
    return [literalPrefix(source, i)];
}
function literalPrefix(source, start) {
    let out = '';
    let i = start;
    while (i < source.length) {
        let char;
        let width;
        const c = source[i];
        if (c === '\\') {
            const next = source[i + 1] ?? '';
            if (/[A-Za-z0-9]/.test(next))
                break; // \d, \w, \b, \1, \x…: not a literal
            char = next;
            width = 2;
        }
        else if ('^$.[](){}|*+?'.includes(c))
            break;
        else {
            char = c;
            width = 1;
        }
        const q = source[i + width];
        if (q === '?' || q === '*' || source.startsWith('{0', i + width))
            break;
        out += char;
        if (q === '+' || q === '{')
            break;
        i += width;
    }
    return out;
}
function groupEnd(source, open) {
    let depth = 0;
    for (let i = open; i < source.length; i++) {
        const c = source[i];
        if (c === '\\')
            i++;
        else if (c === '[') {
            i++;
            while (i < source.length && source[i] !== ']')
                i += source[i] === '\\' ? 2 : 1;
        }
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i;
    }
    return -1;
}
function splitTopLevel(source) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\')
            i++;
        else if (c === '[') {
            i++;
            while (i < source.length && source[i] !== ']')
                i += source[i] === '\\' ? 2 : 1;
        }
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (c === '|' && depth === 0) {
            parts.push(source.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(source.slice(start));
    return parts;
}
/**
 * With the `keyword` window the regex is tried only where a keyword starts: a regex that cannot
 * start with any keyword never matches. Returns the keywords and prefixes when that is certain.
 */
function keywordCannotStart(source, keywords, ignoreCase) {
    const norm = (s) => (ignoreCase ? s.toLowerCase() : s);
    const prefixes = leadingLiterals(source).map(norm);
    if (prefixes.some((p) => p === ''))
        return undefined;
    const fits = keywords.some((k) => prefixes.some((p) => norm(k).startsWith(p) || p.startsWith(norm(k))));
    if (fits)
        return undefined;
    return `the regex must start with ${prefixes.map((p) => `'${p}'`).join(' or ')}, but its keywords are ${keywords.map((k) => `'${k}'`).join(', ')}`;
}
const SET_SIZE = 129;
function setOf(test, other) {
    const set = new Uint8Array(SET_SIZE);
    for (let c = 0; c < 128; c++)
        if (test(c))
            set[c] = 1;
    set[128] = other ? 1 : 0;
    return set;
}
const ANY = setOf(() => true, true);
const ESCAPES = {
    d: setOf((c) => c >= 48 && c <= 57, false),
    w: setOf((c) => /\w/.test(String.fromCharCode(c)), false),
    s: setOf((c) => /\s/.test(String.fromCharCode(c)), true),
};
ESCAPES['D'] = complement(ESCAPES['d']);
ESCAPES['W'] = complement(ESCAPES['w']);
ESCAPES['S'] = complement(ESCAPES['s']);
function complement(set) {
    return set.map((bit) => 1 - bit);
}
function overlaps(a, b) {
    for (let i = 0; i < SET_SIZE; i++)
        if (a[i] && b[i])
            return true;
    return false;
}
function single(code) {
    const set = new Uint8Array(SET_SIZE);
    set[code < 128 ? code : 128] = 1;
    return set;
}
/** The set of an escape `\x` (i at the backslash); unknown escapes count as their character. */
function escapeSet(source, i) {
    const e = source[i + 1] ?? '';
    if (ESCAPES[e])
        return { set: ESCAPES[e], width: 2 };
    if (e === 'p' || e === 'P') {
        const end = source.indexOf('}', i);
        return { set: ANY, width: end > i ? end - i + 1 : 2 };
    }
    if (e === 'x')
        return { set: single(parseInt(source.slice(i + 2, i + 4), 16) || 0), width: 4 };
    if (e === 'u')
        return { set: single(parseInt(source.slice(i + 2, i + 6), 16) || 0), width: 6 };
    const named = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    return { set: single(named[e] ?? e.charCodeAt(0)), width: 2 };
}
/** `[...]` at i: its set and width. Ranges past ASCII and case folding count as "other". */
function classSet(source, i, ignoreCase) {
    let j = i + 1;
    const negated = source[j] === '^';
    if (negated)
        j++;
    const set = new Uint8Array(SET_SIZE);
    while (j < source.length && source[j] !== ']') {
        let code;
        if (source[j] === '\\') {
            const { set: inner, width } = escapeSet(source, j);
            j += width;
            const count = inner.reduce((n, bit) => n + bit, 0);
            if (count !== 1) {
                for (let k = 0; k < SET_SIZE; k++)
                    set[k] ||= inner[k];
                continue;
            }
            code = inner.indexOf(1);
        }
        else {
            code = source.charCodeAt(j);
            j++;
        }
        if (source[j] === '-' && source[j + 1] !== ']' && source[j + 1] !== undefined) {
            let end;
            if (source[j + 1] === '\\') {
                const { set: inner, width } = escapeSet(source, j + 1);
                end = inner.indexOf(1);
                j += 1 + width;
            }
            else {
                end = source.charCodeAt(j + 1);
                j += 2;
            }
            for (let c = code; c <= Math.min(end, 127); c++)
                set[c] = 1;
            if (end >= 128)
                set[128] = 1;
            continue;
        }
        set[code < 128 ? code : 128] = 1;
    }
    if (ignoreCase)
        foldCase(set);
    return { set: negated ? complement(set) : set, width: j + 1 - i };
}
function foldCase(set) {
    for (let c = 65; c <= 90; c++)
        if (set[c] || set[c + 32])
            set[c] = set[c + 32] = 1;
}
/**
 * Adjacent overlapping repeats: `\w*\w*x`, `a+a+b`, `\d+_?\d+$`, `.*\s*.*=`. Two repeats, one of
 * them unbounded, whose characters overlap, with nothing between them that the first could not
 * also eat: every way of splitting a run between them is tried before the match fails, which is
 * quadratic per start (`\w*` five times over is n^5: a 30 KB line never ends). Groups end the
 * sequence (they are checked by findNestedQuantifier). Returns a description or undefined.
 */
function findAdjacentOverlap(source, ignoreCase = false) {
    // Per open group: the repeats still "live" (nothing since them that they could not eat).
    const stack = [[]];
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        let atom;
        if (c === '(') {
            stack.push([]);
            i += groupPrefixLength(source, i);
            continue;
        }
        if (c === ')') {
            stack.pop();
            if (stack.length === 0)
                stack.push([]);
            // A quantified group: what follows may repeat it; start afresh (conservative for nesting).
            stack[stack.length - 1] = [];
            i++;
            const q = readQuantifier(source, i);
            if (q)
                i += q.length;
            continue;
        }
        if (c === '|') {
            stack[stack.length - 1] = [];
            i++;
            continue;
        }
        if (c === '^' || c === '$') {
            i++;
            continue;
        }
        if (c === '\\') {
            const e = source[i + 1];
            if (e === 'b' || e === 'B') {
                i += 2;
                continue;
            }
            atom = escapeSet(source, i);
        }
        else if (c === '[')
            atom = classSet(source, i, ignoreCase);
        else if (c === '.')
            atom = { set: ANY, width: 1 };
        else {
            const set = single(source.charCodeAt(i));
            if (ignoreCase)
                foldCase(set);
            atom = { set, width: 1 };
        }
        const at = i;
        i += atom.width;
        const q = readQuantifier(source, i);
        let min = 1;
        let max = 1;
        if (q) {
            const text = source.slice(i, i + q.length).replace(/\?$/, '');
            if (text === '*')
                [min, max] = [0, Infinity];
            else if (text === '+')
                [min, max] = [1, Infinity];
            else if (text === '?' || q.length === 1)
                [min, max] = [0, 1];
            else {
                const m = /^\{(\d+)(,(\d*))?\}/.exec(text);
                min = Number(m[1]);
                max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
            }
            i += q.length;
        }
        const current = { set: atom.set, min, max, at, end: i };
        const live = stack[stack.length - 1];
        for (const earlier of live) {
            const repeats = earlier.max > 1 && current.max > 1;
            // Bounded pairs cost up to max1 × max2 per start: `\d{0,3000}\d{0,3000}` is 9 million.
            const costly = earlier.max === Infinity || current.max === Infinity || earlier.max * current.max > 1024;
            if (repeats && costly && overlaps(earlier.set, current.set))
                return `adjacent overlapping repeats at ${earlier.at}: ${source.slice(earlier.at, current.end)} (every split of a run between them is tried: quadratic or worse per start; merge them into one repeat or make them disjoint)`;
        }
        // Repeats stay live while what follows is something they could eat; anything else ends them.
        // An optional atom may match nothing, so it ends none of them.
        const kept = current.min === 0 ? [...live] : live.filter((earlier) => overlaps(earlier.set, current.set));
        if (current.max > 1)
            kept.push(current);
        stack[stack.length - 1] = kept;
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/dlp/validators.ts
var validators = __webpack_require__(50330);
;// CONCATENATED MODULE: ./lib/dlp/pack.ts
/**
 * Loading, validating, merging and compiling rule packs. Every error names the rule id and the
 * field (and, for text input, the file and line), because a pack is edited by hand.
 */









class DlpRulePackError extends Error {
    ruleId;
    field;
    source;
    line;
    constructor(source, detail, options = {}) {
        const where = options.line !== undefined ? `${source}:${options.line}` : source;
        const rule = options.ruleId !== undefined ? `rule '${options.ruleId}': ` : '';
        const field = options.field !== undefined ? `field '${options.field}': ` : '';
        super(`${where}: ${rule}${field}${detail}`);
        this.name = 'DlpRulePackError';
        this.ruleId = options.ruleId;
        this.field = options.field;
        this.source = source;
        this.line = options.line;
    }
}
const allowlistSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        paths: { type: 'array', items: { type: 'string', minLength: 1 } },
        regexes: { type: 'array', items: { type: 'string', minLength: 1 } },
        regexTarget: { enum: ['secret', 'match', 'line'] },
        stopwords: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
};
const ruleProperties = {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    description: { type: 'string', minLength: 1 },
    severity: { enum: ['error', 'warning', 'notice'] },
    keywords: {
        type: 'array',
        maxItems: 64,
        // Three characters at least: shorter keywords hit everywhere and defeat the prefilter.
        items: { type: 'string', minLength: 3, maxLength: 64, pattern: '^[\\x20-\\x7e]+$' },
    },
    gate: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
            digits: { type: 'integer', minimum: 4, maximum: 64 },
            char: { type: 'string', pattern: '^[!-/:-~]$' },
            wordAround: { type: 'boolean' },
        },
    },
    followedBy: {
        type: 'object',
        additionalProperties: false,
        required: ['chars', 'within'],
        properties: {
            chars: { type: 'string', minLength: 1, maxLength: 16 },
            within: { type: 'integer', minimum: 1, maximum: 256 },
        },
    },
    regex: { type: 'string', minLength: 1, maxLength: 4096 },
    ignoreCase: { type: 'boolean' },
    window: { enum: ['keyword', 'line'] },
    validator: { type: 'string' },
    entropy: { type: 'number', minimum: 0, maximum: 16 },
    tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    // A rule's own `paths` switch off that rule only (email addresses in LICENSE and package.json).
    allowlist: allowlistSchema,
    disabled: { type: 'boolean' },
};
const RULE_PACK_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    required: ['rules'],
    properties: {
        version: { type: 'integer', minimum: 1 },
        rules: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'description', 'severity', 'regex', 'tags'],
                properties: ruleProperties,
            },
        },
        allowlist: allowlistSchema,
    },
};
const RULE_PACK_OVERRIDE_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    properties: {
        rules: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['id'], properties: ruleProperties },
        },
        disable: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowlist: allowlistSchema,
    },
};
// Compiled on first use: a scan with the built-in pack alone (the pre-commit case) never pays
// for ajv's code generation, which is most of a one-file scan's start-up.
let shapeValidators;
function shapes() {
    if (!shapeValidators) {
        const ajv = new dist_ajv.Ajv({ allErrors: false, strict: false });
        shapeValidators = {
            pack: ajv.compile(RULE_PACK_SCHEMA),
            override: ajv.compile(RULE_PACK_OVERRIDE_SCHEMA),
        };
    }
    return shapeValidators;
}
function shapeError(source, value, error, locate) {
    const segments = error.instancePath.split('/').slice(1);
    let field;
    let ruleId;
    let path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (segments[0] === 'rules' && segments[1] !== undefined) {
        const index = Number(segments[1]);
        const rule = value.rules[index];
        ruleId = typeof rule?.id === 'string' && rule.id !== '' ? rule.id : `#${index + 1} (no id)`;
        field = segments.slice(2).join('.') || undefined;
    }
    else {
        field = segments.join('.') || undefined;
    }
    let detail = error.message ?? 'invalid';
    if (error.keyword === 'required') {
        const missing = error.params.missingProperty;
        field = field ? `${field}.${missing}` : missing;
        detail = 'is required';
    }
    else if (error.keyword === 'additionalProperties') {
        const extra = error.params.additionalProperty;
        field = field ? `${field}.${extra}` : extra;
        path = [...path, extra];
        detail = 'unknown field (check the spelling; see lib/dlp/README.md)';
    }
    else if (error.keyword === 'enum') {
        detail = `must be one of ${error.params.allowedValues.join(', ')}`;
    }
    return new DlpRulePackError(source, detail, { ruleId, field, line: locate?.(path) });
}
function compileAllowlist(spec, source, ruleId) {
    const regexes = (spec?.regexes ?? []).map((r, i) => {
        let compiled;
        try {
            compiled = new RegExp(r);
        }
        catch (error) {
            throw new DlpRulePackError(source, error.message, {
                ruleId,
                field: `allowlist.regexes.${i}`,
            });
        }
        // Allowlist regexes run on every candidate's line too: the same backtracking checks apply.
        const unsafe = findNestedQuantifier(r) ?? findAdjacentOverlap(r);
        if (unsafe)
            throw new DlpRulePackError(source, `${unsafe}; it can backtrack catastrophically`, {
                ruleId,
                field: `allowlist.regexes.${i}`,
            });
        return compiled;
    });
    return {
        paths: (spec?.paths ?? []).map(glob/* globToRegExp */.t),
        regexes,
        regexTarget: spec?.regexTarget ?? 'secret',
        stopwords: (spec?.stopwords ?? []).map((w) => w.toLowerCase()),
    };
}
function compileRule(spec, index, source, locate, trusted = false) {
    const fail = (field, detail) => {
        throw new DlpRulePackError(source, detail, {
            ruleId: spec.id,
            field,
            line: locate?.(['rules', index, field]),
        });
    };
    const hasKeywords = (spec.keywords?.length ?? 0) > 0;
    const window = spec.window ?? (hasKeywords ? 'keyword' : 'line');
    if (!hasKeywords && !spec.gate)
        fail('keywords', 'a rule needs keywords or a gate (digits or char), or it never runs');
    if (window === 'keyword' && !hasKeywords)
        fail('window', "'keyword' window needs keywords");
    if (spec.gate && (spec.gate.digits === undefined) === (spec.gate.char === undefined))
        fail('gate', "needs exactly one of 'digits' or 'char'");
    if (spec.gate?.wordAround !== undefined && spec.gate.char === undefined)
        fail('gate.wordAround', "only applies to a 'char' gate");
    if (spec.followedBy && window !== 'keyword')
        fail('followedBy', "only applies to rules with the 'keyword' window");
    if (!spec.tags.includes('secret') && !spec.tags.includes('pii'))
        fail('tags', "must include 'secret' or 'pii'");
    let regex;
    try {
        regex = (0,regexp_compat/* compileRegExp */.DM)(spec.regex, (window === 'keyword' ? 'y' : 'g') + (spec.ignoreCase ? 'i' : ''));
    }
    catch (error) {
        return fail('regex', error.message);
    }
    // The built-in rules are held to these checks by pack.test.ts, not at every start.
    const nested = trusted ? undefined : findNestedQuantifier(spec.regex);
    if (nested)
        fail('regex', `${nested} can backtrack catastrophically; bound the inner or outer quantifier`);
    const adjacent = trusted ? undefined : findAdjacentOverlap(spec.regex, spec.ignoreCase ?? false);
    if (adjacent)
        fail('regex', `${adjacent}; it can backtrack for minutes on one long line`);
    if (window === 'keyword') {
        const mismatch = keywordCannotStart(spec.regex, spec.keywords ?? [], spec.ignoreCase ?? false);
        if (mismatch)
            fail('regex', `with window 'keyword' the regex is tried only where a keyword starts, so it never matches: ${mismatch}. Start the regex with a keyword, or set window: line`);
    }
    const validator = spec.validator === undefined ? undefined : validators/* VALIDATORS */.wY[spec.validator];
    if (spec.validator !== undefined && !validator) {
        fail('validator', `unknown validator '${spec.validator}' (known: ${Object.keys(validators/* VALIDATORS */.wY).join(', ')})`);
    }
    const native = NATIVE_MATCHERS.get(spec.regex);
    return {
        spec,
        id: spec.id,
        index,
        window,
        regex,
        native: native && window === 'keyword' && native.ignoreCase === (spec.ignoreCase ?? false)
            ? native.matcher
            : undefined,
        validator,
        allowlist: spec.allowlist ? compileAllowlist(spec.allowlist, source, spec.id) : undefined,
        gate: spec.gate,
        followedBy: spec.followedBy
            ? { codes: [...spec.followedBy.chars].map((c) => c.charCodeAt(0)), within: spec.followedBy.within }
            : undefined,
    };
}
/** Validates a pack (plain data) and compiles it. `source` names it in errors. */
function compileRulePack(input, source = 'rule pack', locate, 
/** The built-in pack: its shape is checked by the tests (pack.test.ts), not at every start. */
trusted = false) {
    if (!trusted && !shapes().pack(input))
        throw shapeError(source, input, shapes().pack.errors[0], locate);
    const spec = input;
    const seen = new Set();
    const rules = [];
    spec.rules.forEach((rule, index) => {
        if (seen.has(rule.id)) {
            throw new DlpRulePackError(source, 'duplicate id', {
                ruleId: rule.id,
                field: 'id',
                line: locate?.(['rules', index, 'id']),
            });
        }
        seen.add(rule.id);
        if (rule.disabled)
            return;
        rules.push(compileRule(rule, index, source, locate, trusted));
    });
    const keywords = [];
    const rulesByKeyword = [];
    const keywordIndex = new Map();
    const digitRules = [];
    const charRules = new Map();
    for (const rule of rules) {
        for (const text of rule.spec.keywords ?? []) {
            const ignoreCase = rule.spec.ignoreCase ?? false;
            const key = `${ignoreCase ? 'i' : 's'}:${ignoreCase ? text.toLowerCase() : text}`;
            let k = keywordIndex.get(key);
            if (k === undefined) {
                k = keywords.length;
                keywordIndex.set(key, k);
                keywords.push({ text, ignoreCase });
                rulesByKeyword.push([]);
            }
            if (!rulesByKeyword[k].includes(rule))
                rulesByKeyword[k].push(rule);
        }
        if (rule.gate?.digits !== undefined)
            digitRules.push(rule);
        if (rule.gate?.char !== undefined) {
            const code = rule.gate.char.charCodeAt(0);
            charRules.set(code, [...(charRules.get(code) ?? []), rule]);
        }
    }
    const minDigits = digitRules.length > 0 ? Math.min(...digitRules.map((r) => r.gate.digits)) : undefined;
    const prefilter = new Prefilter(keywords, {
        minDigits,
        chars: [...charRules.keys()].map((c) => String.fromCharCode(c)),
    });
    return {
        spec,
        rules,
        allowlist: compileAllowlist(spec.allowlist, source),
        byId: new Map(rules.map((r) => [r.id, r])),
        prefilter,
        rulesByKeyword,
        digitRules,
        charRules,
    };
}
/** Merges an override into a pack: rules by id (fields replace), disable by id, allowlists appended. */
function mergeRulePack(base, input, source = 'rule override', locate) {
    if (!shapes().override(input))
        throw shapeError(source, input, shapes().override.errors[0], locate);
    const override = input;
    const rules = base.rules.map((r) => ({ ...r }));
    for (const [index, change] of (override.rules ?? []).entries()) {
        const existing = rules.findIndex((r) => r.id === change.id);
        if (existing >= 0)
            rules[existing] = { ...rules[existing], ...change };
        else {
            const missing = ['description', 'severity', 'regex', 'tags'].find((f) => change[f] === undefined);
            if (missing) {
                throw new DlpRulePackError(source, `is required for a new rule (no built-in rule has this id)`, {
                    ruleId: change.id,
                    field: missing,
                    line: locate?.(['rules', index]),
                });
            }
            rules.push(change);
        }
    }
    for (const [index, id] of (override.disable ?? []).entries()) {
        const rule = rules.find((r) => r.id === id);
        if (!rule) {
            throw new DlpRulePackError(source, `unknown rule '${id}' (known: ${rules.map((r) => r.id).join(', ')})`, {
                field: `disable.${index}`,
                line: locate?.(['disable', index]),
            });
        }
        rule.disabled = true;
    }
    const a = base.allowlist ?? {};
    const b = override.allowlist ?? {};
    const allowlist = {
        paths: [...(a.paths ?? []), ...(b.paths ?? [])],
        regexes: [...(a.regexes ?? []), ...(b.regexes ?? [])],
        stopwords: [...(a.stopwords ?? []), ...(b.stopwords ?? [])],
        regexTarget: b.regexTarget ?? a.regexTarget ?? 'secret',
    };
    return { version: base.version ?? 1, rules, allowlist };
}
/** Parses JSON or YAML text; returns the data and a function mapping a data path to a 1-based line. */
function parsePackText(text, file) {
    const doc = dist.parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = e.linePos?.[0]?.line;
        throw new DlpRulePackError(file, `cannot parse: ${e.message.split('\n')[0]}`, { line });
    }
    const lineOf = (offset) => {
        let line = 1;
        for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
            line++;
        return line;
    };
    const locate = (path) => {
        for (let n = path.length; n > 0; n--) {
            const node = doc.getIn(path.slice(0, n), true);
            if (node && typeof node === 'object' && node.range)
                return lineOf(node.range[0]);
        }
        return undefined;
    };
    return { data: doc.toJS(), locate };
}
/** Compiles a pack from JSON/YAML text (a whole pack). */
function loadRulePackText(text, file) {
    const { data, locate } = parsePackText(text, file);
    return compileRulePack(data, file, locate);
}
/** The built-in pack with a user override (JSON/YAML text) applied. */
function loadRulePackOverride(text, file) {
    const { data, locate } = parsePackText(text, file);
    const merged = mergeRulePack(builtInRulePackSpec(), data, file, locate);
    // Errors in merged rules name the override file; line numbers would point into the built-in pack.
    return compileRulePack(merged, file);
}
function builtInRulePackSpec() {
    return structuredClone(rules_namespaceObject);
}
let builtIn;
function defaultRulePack() {
    builtIn ??= compileRulePack(builtInRulePackSpec(), 'lib/dlp/rules.json', undefined, true);
    return builtIn;
}
/**
 * Ids of the pack's enabled rules whose matching the built-in pack does not vouch for: new ids, or
 * a built-in id whose regex, case flag, window or allowlist regexes an override replaced. The
 * built-in rules are held to linear time by the adversarial tests; these are not, so a scan runs
 * them under a time budget (`scanFilesBudgeted`). Empty for the built-in pack.
 */
function unvettedRuleIds(pack) {
    let ids = UNVETTED.get(pack);
    if (ids === undefined)
        UNVETTED.set(pack, (ids = findUnvetted(pack)));
    return [...ids];
}
/** Per compiled pack (a scan asks once per file). */
const UNVETTED = new WeakMap();
function findUnvetted(pack) {
    const builtInById = new Map(rules_namespaceObject.rules.map((r) => [r.id, r]));
    const matching = (r) => JSON.stringify([r.regex, r.ignoreCase ?? false, r.window ?? null]);
    return pack.rules
        .filter((rule) => {
        const builtIn = builtInById.get(rule.id);
        if (builtIn === undefined || matching(builtIn) !== matching(rule.spec))
            return true;
        // Dropping an allowlist regex costs nothing; adding one runs a user's regex.
        const known = new Set(builtIn.allowlist?.regexes ?? []);
        return (rule.spec.allowlist?.regexes ?? []).some((r) => !known.has(r));
    })
        .map((rule) => rule.id);
}
/** True when the pack-wide allowlist holds a regex the built-in pack does not have. */
function hasUnvettedAllowlist(pack) {
    const builtIn = new Set(rules_namespaceObject.allowlist?.regexes ?? []);
    return (pack.spec.allowlist?.regexes ?? []).some((r) => !builtIn.has(r));
}


/***/ }),

/***/ 79039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ compileRegExp)
/* harmony export */ });
/* unused harmony exports renameDuplicateGroups, DuplicateGroupsRegExp */
/**
 * Duplicate named groups — `(?:"(?<secret>…)"|(?<secret>…))`, one name in several alternatives —
 * are ES2025: Node 24 compiles them, Node 20 (V8 11.3) throws "Duplicate capture group name". The
 * rule pack uses them, and the installed CLI must run on Node ≥ 20 with the same findings.
 *
 * The fallback renames every repeat of a name (`secret` → `secret$2`) and merges the aliases back
 * into `groups` (and `indices.groups` with the `d` flag) after each exec. Equivalent because a
 * name may only repeat in different alternatives, so at most one of its groups takes part in a
 * match; group numbers do not change. `source` stays the pattern as written.
 */
/** Compiles `source` with `flags`, natively when this engine can, with the fallback otherwise. */
function compileRegExp(source, flags) {
    try {
        return new RegExp(source, flags);
    }
    catch (error) {
        const renamed = renameDuplicateGroups(source);
        if (!renamed)
            throw error;
        return new DuplicateGroupsRegExp(renamed.source, flags, source, renamed.aliases);
    }
}
/**
 * The pattern with each repeated group name made unique, and the aliases (new name → name);
 * undefined when no name repeats, or when a repeated name is used in a `\k<name>` backreference
 * (that cannot be rewritten without changing what matches).
 */
function renameDuplicateGroups(source) {
    const seen = new Map();
    const names = new Set();
    const groupAt = [];
    const backrefs = new Set();
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') {
            const ref = /^k<([^>]+)>/.exec(source.slice(i + 1));
            if (ref && !inClass)
                backrefs.add(ref[1]);
            i++;
        }
        else if (inClass) {
            if (ch === ']')
                inClass = false;
        }
        else if (ch === '[')
            inClass = true;
        else if (ch === '(' && source.startsWith('?<', i + 1) && !'=!'.includes(source[i + 3] ?? '')) {
            const end = source.indexOf('>', i + 3);
            if (end === -1)
                return undefined;
            const name = source.slice(i + 3, end);
            names.add(name);
            groupAt.push({ at: i + 3, name });
            i = end;
        }
    }
    const aliases = new Map();
    let out = '';
    let from = 0;
    for (const { at, name } of groupAt) {
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        if (count === 1)
            continue;
        if (backrefs.has(name))
            return undefined;
        let alias = `${name}$${count}`;
        while (names.has(alias))
            alias += '$';
        names.add(alias);
        aliases.set(alias, name);
        out += source.slice(from, at) + alias;
        from = at + name.length;
    }
    if (aliases.size === 0)
        return undefined;
    return { source: out + source.slice(from), aliases };
}
/** A RegExp whose renamed duplicate groups read back under their one name (see the file comment). */
class DuplicateGroupsRegExp extends RegExp {
    // split/matchAll build a plain copy through the species: they never expose groups.
    static get [Symbol.species]() {
        return RegExp;
    }
    #written;
    #aliases;
    constructor(renamed, flags, written, aliases) {
        super(renamed, flags);
        this.#written = written;
        this.#aliases = aliases;
    }
    get source() {
        return this.#written;
    }
    exec(text) {
        const m = super.exec(text);
        if (m?.groups)
            merge(m.groups, this.#aliases);
        if (m?.indices?.groups)
            merge(m.indices.groups, this.#aliases);
        return m;
    }
}
function merge(groups, aliases) {
    for (const [alias, name] of aliases) {
        if (groups[name] === undefined && groups[alias] !== undefined)
            groups[name] = groups[alias];
        delete groups[alias];
    }
}


/***/ }),

/***/ 40492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ff: () => (/* binding */ scanText),
/* harmony export */   OM: () => (/* binding */ secretOf),
/* harmony export */   Qo: () => (/* binding */ scanTextWithStats),
/* harmony export */   RU: () => (/* binding */ adoptSecret),
/* harmony export */   dg: () => (/* binding */ registerSecrets)
/* harmony export */ });
/* unused harmony export fingerprint */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99133);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49416);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74111);
/* harmony import */ var _pack_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67782);
/* harmony import */ var _regexp_compat_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79039);
/* harmony import */ var _validators_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50330);
/**
 * The scanner: prefilter pass, regexes only at keyword hits or in gated lines, validators,
 * allowlists, inline `dlp:allow`, baseline. Returns findings that carry no raw secret.
 */






/**
 * Raw values, keyed by finding. A WeakMap rather than a property: JSON.stringify, spreads,
 * structuredClone, util.inspect (even with showHidden) and worker postMessage cannot reach it.
 * Only `secretOf` / `registerSecrets` read it, to teach the Redactor what to mask.
 */
const RAW_SECRETS = new WeakMap();
/** The raw value of a finding. NEVER serialise, log or print it: it exists to feed a Redactor. */
function secretOf(finding) {
    return RAW_SECRETS.get(finding);
}
/**
 * Attaches a raw value to a finding that crossed a thread (structured clone drops the WeakMap
 * entry with the object identity). Internal to lib/dlp: threads.ts only.
 */
function adoptSecret(finding, secret) {
    RAW_SECRETS.set(finding, secret);
}
/**
 * Registers every finding's raw value with the redactor so no later output can carry it, and its
 * path as readable: a value that equals a file name (or sits inside one) must not mask where the
 * finding is.
 */
function registerSecrets(redactor, findings) {
    for (const finding of findings) {
        redactor.addSecret(RAW_SECRETS.get(finding));
        redactor.addReadable(finding.path);
    }
}

/** sha256(ruleId:sha256(secret):path): stable across runs and line moves, never the raw value. */
function fingerprint(ruleId, secret, path) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(`${ruleId}:${(0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .f)(secret)}:${(0,_glob_js__WEBPACK_IMPORTED_MODULE_5__/* .normalisePath */ .q)(path)}`);
}
const compiledExtra = new WeakMap();
function compileExtraAllowlist(spec) {
    let compiled = compiledExtra.get(spec);
    if (!compiled) {
        compiled = {
            paths: (spec.paths ?? []).map(_glob_js__WEBPACK_IMPORTED_MODULE_5__/* .globToRegExp */ .t),
            regexes: (spec.regexes ?? []).map((r) => new RegExp(r)),
            regexTarget: spec.regexTarget ?? 'secret',
            stopwords: (spec.stopwords ?? []).map((w) => w.toLowerCase()),
        };
        compiledExtra.set(spec, compiled);
    }
    return compiled;
}
/** [matchStart, matchEnd, secretStart, secretEnd] from a native matcher. */
const SPAN = new Int32Array(4);
/** Line windows reach at most this far either side of a hit (minified files, data dumps). */
const HALF_WINDOW = 4096;
function allowedBy(list, c, line) {
    if (list.stopwords.length > 0) {
        const lower = c.secret.toLowerCase();
        if (list.stopwords.some((w) => lower.includes(w)))
            return true;
    }
    if (list.regexes.length > 0) {
        const target = list.regexTarget === 'match' ? c.match : list.regexTarget === 'line' ? line : c.secret;
        if (list.regexes.some((r) => r.test(target)))
            return true;
    }
    return false;
}
const INLINE_ALLOW = /dlp:allow\b((?:[ \t,]{1,8}[a-z0-9][a-z0-9-]{0,63}){0,16})/;
/** `dlp:allow` allows every rule; `dlp:allow rule-a rule-b` (ids that exist) only those. */
function inlineAllows(line, ruleId, knownIds) {
    if (!line.includes('dlp:allow'))
        return false;
    const m = INLINE_ALLOW.exec(line);
    if (!m)
        return false;
    const ids = (m[1] ?? '').split(/[ \t,]+/).filter((t) => knownIds.has(t));
    return ids.length === 0 || ids.includes(ruleId);
}
/**
 * The line(s) holding [start, end), but at most HALF_WINDOW either side: on a 1 MiB line with
 * thousands of findings an unbounded search back and forth per finding is quadratic.
 */
function lineBounds(text, start, end) {
    return windowBounds(text, start, Math.max(start, end - 1) + 1, LINE_REACH);
}
/** How far the line of a finding (allowlist `line` target, inline allow, context words) reaches. */
const LINE_REACH = 1024;
/** The line around [at, atEnd), but at most HALF_WINDOW either side (minified files, data). */
function windowBounds(text, at, atEnd, reach = HALF_WINDOW) {
    const from = Math.max(0, at - reach);
    const back = text.slice(from, at).lastIndexOf('\n');
    const ws = back === -1 ? from : from + back + 1;
    const to = Math.min(text.length, atEnd + reach);
    const ahead = text.slice(atEnd, to).indexOf('\n');
    let we = ahead === -1 ? to : atEnd + ahead;
    if (we > ws && text.charCodeAt(we - 1) === 13)
        we--;
    return [ws, we];
}
function candidateFrom(rule, m, offset) {
    const matchStart = m.index + offset;
    const match = m[0];
    const secret = m.groups?.secret;
    if (secret === undefined) {
        return {
            rule,
            matchStart,
            matchEnd: matchStart + match.length,
            start: matchStart,
            end: matchStart + match.length,
            match,
            secret: match,
            entropy: NaN,
        };
    }
    // The `d` flag would give the group's offsets but makes every exec ~8x slower, hits or not.
    // The secret's text locates it; only when it occurs twice in the match is `d` needed.
    let at = match.indexOf(secret);
    if (at !== match.lastIndexOf(secret)) {
        const withIndices = (0,_regexp_compat_js__WEBPACK_IMPORTED_MODULE_3__/* .compileRegExp */ .DM)(rule.regex.source, rule.regex.flags.replace(/[gy]/g, '') + 'd');
        at = withIndices.exec(match)?.indices?.groups?.secret?.[0] ?? at;
    }
    const start = matchStart + at;
    return {
        rule,
        matchStart,
        matchEnd: matchStart + match.length,
        start,
        end: start + secret.length,
        match,
        secret,
        entropy: NaN,
    };
}
/** Letters, digits and `._%+-` (NaN, past either end, is not). */
function isWordish(c) {
    return ((c >= 97 && c <= 122) ||
        (c >= 65 && c <= 90) ||
        (c >= 48 && c <= 57) ||
        c === 46 ||
        c === 95 ||
        c === 37 ||
        c === 43 ||
        c === 45);
}
/** The `followedBy` walk gives up at these: an assignment's key never contains them. */
const STOP = new Uint8Array(128);
for (const ch of '\n(),;{}<>!?&|')
    STOP[ch.charCodeAt(0)] = 1;
function followedBy(text, start, codes, within) {
    const end = Math.min(text.length, start + within);
    for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        for (let j = 0; j < codes.length; j++)
            if (codes[j] === c)
                return true;
        if (c < 128 && STOP[c] === 1)
            return false;
    }
    return false;
}
/**
 * The validator's view of a candidate. One per scan, re-aimed at each candidate: validators are
 * pure and keep nothing, and the line is sliced only when a validator asks for it.
 */
class LazyContext {
    text;
    match = '';
    start = 0;
    end = 0;
    lineText;
    constructor(text) {
        this.text = text;
    }
    aim(c) {
        this.match = c.match;
        this.start = c.start;
        this.end = c.end;
        this.lineText = undefined;
        return this;
    }
    get line() {
        if (this.lineText === undefined) {
            const [ls, le] = lineBounds(this.text, this.start, this.end);
            this.lineText = this.text.slice(ls, le);
        }
        return this.lineText;
    }
}
/** Per-rule facts the candidate loop needs, by rule index, computed once per pack. */
const RULE_INFO = new WeakMap();
function ruleInfo(pack) {
    let info = RULE_INFO.get(pack);
    if (!info) {
        info = [];
        for (const rule of pack.rules) {
            const spec = rule.spec;
            info[rule.index] = {
                generic: spec.tags.includes('generic'),
                measureEntropy: spec.tags.includes('secret') || spec.entropy !== undefined,
                minEntropy: spec.entropy ?? -Infinity,
            };
        }
        RULE_INFO.set(pack, info);
    }
    return info;
}
function scanText(text, options = {}) {
    return scanTextWithStats(text, options).findings;
}
function scanTextWithStats(text, options = {}) {
    const pack = options.rules ?? (0,_pack_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultRulePack */ .T1)();
    const path = (0,_glob_js__WEBPACK_IMPORTED_MODULE_5__/* .normalisePath */ .q)(options.path ?? '');
    const suppressed = { path: 0, allowlist: 0, inline: 0, baseline: 0 };
    const allowlists = [pack.allowlist];
    if (options.allowlist)
        allowlists.push(compileExtraAllowlist(options.allowlist));
    if (path !== '' && allowlists.some((a) => a.paths.some((p) => p.test(path)))) {
        suppressed.path++;
        return { findings: [], suppressed };
    }
    // Stages are separate functions: small functions reach optimised code sooner (a scan of a
    // few MiB is over before one big function would), and each stays monomorphic.
    const hits = pack.prefilter.scan(text);
    const infos = ruleInfo(pack);
    const candidates = [];
    const windows = new Map();
    keywordCandidates(text, pack, infos, hits.keywordHits, candidates, windows);
    gateWindows(text, pack, hits.digitRuns, hits.charHits, windows);
    windowCandidates(text, windows, candidates);
    if (candidates.length === 0)
        return { findings: [], suppressed };
    const kept = resolveOverlaps(validCandidates(text, infos, candidates), infos);
    return { findings: toFindings(text, pack, kept, allowlists, path, options, suppressed), suppressed };
}
/**
 * Adds the line window around [at, atEnd) to the rule's windows ([start, end) pairs). Hits
 * arrive in text order, so a window that touches the previous one extends it: each character is
 * searched at most once per rule, even on a 1 MB line with 50,000 gate characters.
 */
function addWindow(text, windows, rule, at, atEnd) {
    let perRule = windows.get(rule);
    if (!perRule)
        windows.set(rule, (perRule = []));
    const lastEnd = perRule.length > 0 ? perRule[perRule.length - 1] : -1;
    if (atEnd <= lastEnd)
        return;
    const [ws, we] = windowBounds(text, at, atEnd);
    if (ws <= lastEnd)
        perRule[perRule.length - 1] = Math.max(lastEnd, we);
    else
        perRule.push(ws, we);
}
function keywordCandidates(text, pack, infos, keywordHits, candidates, windows) {
    const span = SPAN;
    for (let h = 0; h < keywordHits.length; h += 2) {
        const start = keywordHits[h + 1];
        const rules = pack.rulesByKeyword[keywordHits[h]];
        for (let r = 0; r < rules.length; r++) {
            const rule = rules[r];
            if (rule.native !== undefined) {
                // Most hits of generic words end here, with nothing allocated. `followedBy` is implied:
                // a match puts the operator within 51 characters of the keyword, with no stop character.
                if (!rule.native(text, start, span))
                    continue;
                const entropy = (0,_validators_js__WEBPACK_IMPORTED_MODULE_4__/* .shannonEntropyOf */ .M9)(text, span[2], span[3]);
                if (entropy < infos[rule.index].minEntropy)
                    continue;
                const match = text.slice(span[0], span[1]);
                candidates.push({
                    rule,
                    matchStart: span[0],
                    matchEnd: span[1],
                    start: span[2],
                    end: span[3],
                    match,
                    secret: match.slice(span[2] - span[0], span[3] - span[0]),
                    entropy,
                });
                continue;
            }
            if (rule.window === 'line') {
                addWindow(text, windows, rule, start, start + 1);
                continue;
            }
            if (rule.followedBy && !followedBy(text, start, rule.followedBy.codes, rule.followedBy.within))
                continue;
            rule.regex.lastIndex = start;
            const m = rule.regex.exec(text);
            if (m)
                candidates.push(candidateFrom(rule, m, 0));
        }
    }
}
function gateWindows(text, pack, digitRuns, charHits, windows) {
    for (let r = 0; r < digitRuns.length; r += 3) {
        for (const rule of pack.digitRules) {
            if (digitRuns[r + 2] >= rule.gate.digits)
                addWindow(text, windows, rule, digitRuns[r], digitRuns[r + 1]);
        }
    }
    for (let c = 0; c < charHits.length; c += 2) {
        const at = charHits[c + 1];
        for (const rule of pack.charRules.get(charHits[c]) ?? []) {
            if (rule.gate.wordAround &&
                !(isWordish(text.charCodeAt(at - 1)) && isWordish(text.charCodeAt(at + 1))))
                continue;
            addWindow(text, windows, rule, at, at + 1);
        }
    }
}
function windowCandidates(text, windows, candidates) {
    for (const [rule, perRule] of windows) {
        for (let w = 0; w < perRule.length; w += 2) {
            const ws = perRule[w];
            const we = perRule[w + 1];
            const slice = text.slice(ws, we);
            rule.regex.lastIndex = 0;
            for (let m = rule.regex.exec(slice); m; m = rule.regex.exec(slice)) {
                if (m[0].length === 0)
                    rule.regex.lastIndex++;
                else
                    candidates.push(candidateFrom(rule, m, ws));
            }
        }
    }
}
/** Validators and entropy first, so a rejected specific candidate does not hide a generic one. */
function validCandidates(text, infos, candidates) {
    const valid = [];
    const seen = new Set();
    const context = new LazyContext(text);
    for (const c of candidates) {
        // Same rule, same span (two keywords of one rule, overlapping windows): keep one.
        const key = c.start * 4096 + c.rule.index;
        if (seen.has(key))
            continue;
        seen.add(key);
        const info = infos[c.rule.index];
        let entropy;
        // Entropy first: it is cheap and rejects most generic-assignment noise.
        if (info.measureEntropy) {
            entropy = c.entropy === c.entropy ? c.entropy : (0,_validators_js__WEBPACK_IMPORTED_MODULE_4__/* .shannonEntropyOf */ .M9)(text, c.start, c.end);
            if (entropy < info.minEntropy)
                continue;
        }
        if (c.rule.validator && !c.rule.validator(c.secret, context.aim(c)))
            continue;
        valid.push({ c, entropy });
    }
    return valid;
}
/**
 * Overlapping candidates of different rules: a specific rule beats the generic one, then the
 * longer match wins (an IBAN over the card-like digits inside it), then pack order. Returns the
 * kept ones in text order.
 */
function resolveOverlaps(valid, infos) {
    const isGeneric = (v) => (infos[v.c.rule.index].generic ? 1 : 0);
    valid.sort((a, b) => isGeneric(a) - isGeneric(b) ||
        b.c.end - b.c.start - (a.c.end - a.c.start) ||
        a.c.rule.index - b.c.rule.index);
    // Kept spans never overlap, so sorted by start they are also sorted by end: a binary search
    // finds the only neighbours that could overlap a new span.
    const kept = [];
    for (const v of valid) {
        let lo = 0;
        let hi = kept.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (kept[mid].c.start < v.c.start)
                lo = mid + 1;
            else
                hi = mid;
        }
        const before = kept[lo - 1];
        const after = kept[lo];
        if ((before && before.c.end > v.c.start) || (after && after.c.start < v.c.end))
            continue;
        kept.splice(lo, 0, v);
    }
    return kept;
}
/** Allowlists, inline `dlp:allow`, baseline, then the findings (raw values in the side table). */
function toFindings(text, pack, kept, allowlists, path, options, suppressed) {
    const lines = new LineCursor(text);
    const findings = [];
    for (const { c, entropy } of kept) {
        const spec = c.rule.spec;
        if (c.rule.allowlist &&
            c.rule.allowlist.paths.length > 0 &&
            c.rule.allowlist.paths.some((p) => p.test(path))) {
            suppressed.allowlist++;
            continue;
        }
        const [lineStart, lineEnd] = lineBounds(text, c.start, c.end);
        const lineText = text.slice(lineStart, lineEnd);
        if ((c.rule.allowlist && allowedBy(c.rule.allowlist, c, lineText)) ||
            allowlists.some((a) => allowedBy(a, c, lineText))) {
            suppressed.allowlist++;
            continue;
        }
        const firstLineEnd = lineText.indexOf('\n', c.start - lineStart);
        const firstLine = firstLineEnd === -1 ? lineText : lineText.slice(0, firstLineEnd);
        const allowedInline = inlineAllows(firstLine, c.rule.id, pack.byId);
        if (allowedInline && options.inlineAllow !== 'report') {
            suppressed.inline++;
            continue;
        }
        const fp = fingerprint(c.rule.id, c.secret, path);
        if (options.baseline?.has(fp)) {
            suppressed.baseline++;
            continue;
        }
        // `kept` is in text order and spans do not overlap, so these offsets only grow.
        const [line, column] = lines.position(c.start);
        const [endLine, endColumnInclusive] = lines.position(Math.max(c.start, c.end - 1));
        const preview = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .maskedPreview */ .eu)(c.secret);
        const finding = {
            ruleId: c.rule.id,
            description: spec.description,
            severity: spec.severity,
            tags: [...spec.tags],
            path,
            line,
            endLine,
            column,
            endColumn: endColumnInclusive + 1,
            preview,
            matchPreview: maskMatch(c, preview),
            fingerprint: fp,
        };
        if (entropy !== undefined)
            finding.entropy = Math.round(entropy * 1000) / 1000;
        if (allowedInline)
            finding.inlineAllowAdded = true;
        if (options.commit)
            finding.commit = { ...options.commit };
        RAW_SECRETS.set(finding, c.secret);
        findings.push(finding);
    }
    return findings;
}
/** The match with its secret replaced by the preview; only the key name and punctuation remain. */
function maskMatch(c, preview) {
    const before = c.match.slice(0, c.start - c.matchStart);
    const after = c.match.slice(c.end - c.matchStart);
    const masked = `${before}${preview}${after}`;
    return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
}
/**
 * Offsets to 1-based line/column, counting newlines forward from the previous answer: findings
 * come in text order, so a file is read at most up to its last finding, once, with no index array.
 */
class LineCursor {
    text;
    line = 1;
    lineStart = 0;
    /** The first newline at or after `lineStart`, or -1. */
    nextNewline;
    constructor(text) {
        this.text = text;
        this.nextNewline = text.indexOf('\n');
    }
    position(offset) {
        if (offset < this.lineStart) {
            this.line = 1;
            this.lineStart = 0;
            this.nextNewline = this.text.indexOf('\n');
        }
        while (this.nextNewline !== -1 && this.nextNewline < offset) {
            this.line++;
            this.lineStart = this.nextNewline + 1;
            this.nextNewline = this.text.indexOf('\n', this.lineStart);
        }
        return [this.line, offset - this.lineStart + 1];
    }
}


/***/ }),

/***/ 16932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UX: () => (/* binding */ scanOne),
/* harmony export */   _3: () => (/* binding */ MIN_UNITS_PER_LANE),
/* harmony export */   eg: () => (/* binding */ warmScanWorkers),
/* harmony export */   rq: () => (/* binding */ scanFilesBudgeted)
/* harmony export */ });
/* unused harmony exports scanFiles, defaultRuleBudgetMs, scanWorkersStarted, closeScanWorkers */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _worker_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49115);
/* harmony import */ var _pack_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67782);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40492);
/* harmony import */ var _scan_worker_role_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77060);
/**
 * Scanning many files on several cores: `scanFiles(files, { threads })` hands batches of files to
 * `node:worker_threads` workers and scans on the calling thread too, and returns one `ScanResult`
 * per file, in input order, exactly what `scanTextWithStats` would return for each (raw values
 * included, for `registerSecrets`).
 *
 * A worker runs lib/dlp/scan-worker.ts: from source that file, in a bundle the bundle's entry with
 * the worker's role, which loads only the scanner's chunk (lib/worker-entry.ts). A worker that
 * compiled the whole action bundle took ~300 ms to scan its first batch.
 */






/** Below this many UTF-16 units per lane, a worker's start-up (~50 ms) costs more than it saves. */
const MIN_UNITS_PER_LANE = 2 * 1024 * 1024;
/** A batch: consecutive files up to about this many UTF-16 units (or BATCH_FILES files). */
const BATCH_UNITS = 1024 * 1024;
const BATCH_FILES = 256;
const MIN_BATCH_UNITS = 64 * 1024;
// Not a `new URL('./scan-worker.ts', import.meta.url)` literal: the bundler would copy the
// TypeScript file as an asset. A bundle runs its own entry instead (lib/worker-entry.ts).
const SCAN_WORKER_FILE = './scan-worker.ts';
const SCAN_WORKER_SOURCE = new URL(SCAN_WORKER_FILE, import.meta.url);
function scanOne(file, rules, job) {
    const options = { path: file.path, rules };
    if (job.allowlist)
        options.allowlist = job.allowlist;
    if (job.baseline)
        options.baseline = job.baseline;
    const commit = file.commit ?? job.commit;
    if (commit)
        options.commit = commit;
    if (job.inlineAllow)
        options.inlineAllow = job.inlineAllow;
    return (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .scanTextWithStats */ .Qo)(file.text, options);
}
/** One file on the calling thread; a failure names the file. */
function scanHere(file, rules, job) {
    try {
        return scanOne(file, rules, job);
    }
    catch (error) {
        throw new Error(`scanFiles: ${file.path}: ${error.message}`, { cause: error });
    }
}
/** Threads that scan (the calling thread is one of them), fewer when there is little to scan. */
function laneCount(options, files) {
    const { threads, minUnitsPerThread = MIN_UNITS_PER_LANE } = options;
    const wanted = threads === 'auto' ? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)() : (threads ?? 1);
    if (!Number.isInteger(wanted) || wanted < 1)
        throw new RangeError(`scanFiles: threads must be a positive integer or 'auto', got ${String(threads)}`);
    let units = 0;
    for (const f of files)
        units += unitsOf(f);
    const byUnits = minUnitsPerThread > 0 ? Math.floor(units / minUnitsPerThread) : wanted;
    return Math.max(1, Math.min(wanted, byUnits, batches(files, wanted).length));
}
/** UTF-16 units of a file's text (0 for a non-string, which the scan then reports with its path). */
const unitsOf = (file) => (typeof file.text === 'string' ? file.text.length : 0);
/** Consecutive files, about `size` units each: at least 4 per worker, so a slow one is not last alone. */
function batches(files, threads) {
    let total = 0;
    for (const f of files)
        total += unitsOf(f);
    const size = Math.max(MIN_BATCH_UNITS, Math.min(BATCH_UNITS, Math.ceil(total / (threads * 4))));
    const out = [];
    let from = 0;
    let units = 0;
    for (let i = 0; i < files.length; i++) {
        units += unitsOf(files[i]);
        if (units >= size || i + 1 - from >= BATCH_FILES) {
            out.push({ from, to: i + 1 });
            from = i + 1;
            units = 0;
        }
    }
    if (from < files.length)
        out.push({ from, to: files.length });
    return out;
}
/**
 * Scans `files` and returns one result per file, in input order. With `threads` > 1 the work
 * runs on worker threads; the findings (and their raw values, for `registerSecrets`) are the
 * same as on one thread.
 */
async function scanFiles(files, options = {}) {
    const rules = options.rules ?? (0,_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultRulePack */ .T1)();
    const job = {
        pack: options.rules?.spec,
        allowlist: options.allowlist,
        baseline: options.baseline,
        commit: options.commit,
        inlineAllow: options.inlineAllow,
    };
    const lanes = laneCount(options, files);
    if (lanes === 1)
        return files.map((file) => scanHere(file, rules, job));
    const work = batches(files, lanes);
    const results = new Array(files.length);
    const workers = Array.from({ length: lanes - 1 }, takeWorker);
    const detach = [];
    let ok = false;
    try {
        await new Promise((resolve, reject) => {
            let next = 0;
            let done = 0;
            let failed = false;
            const fail = (error) => {
                if (failed)
                    return;
                failed = true;
                reject(error);
            };
            const finished = () => {
                done++;
                if (done === work.length)
                    resolve();
            };
            const feed = (worker) => {
                if (failed || next >= work.length)
                    return;
                const id = next++;
                const { from, to } = work[id];
                worker.postMessage({ kind: 'batch', id, files: files.slice(from, to) });
            };
            for (const worker of workers) {
                const onMessage = (reply) => {
                    if (reply.kind === 'error') {
                        fail(new Error(`scanFiles: ${reply.path}: ${reply.message}`));
                        return;
                    }
                    if (reply.kind !== 'batch')
                        return;
                    const { from } = work[reply.id];
                    reply.results.forEach(({ result, secrets }, i) => {
                        result.findings.forEach((finding, k) => (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .adoptSecret */ .RU)(finding, secrets[k]));
                        results[from + i] = result;
                    });
                    feed(worker);
                    finished();
                };
                const onError = (error) => fail(new Error(`scanFiles: worker failed: ${error.message}`));
                const onExit = (code) => fail(new Error(`scanFiles: a worker exited (code ${code}) before the scan finished`));
                worker.on('message', onMessage).on('error', onError).on('exit', onExit);
                detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
                worker.postMessage({ kind: 'job', job });
                heldJob.set(worker, job);
                // Two batches in flight per worker, so it never waits for this thread between them.
                feed(worker);
                feed(worker);
            }
            // This thread is a lane too: it takes the next batch whenever it is free, so a worker still
            // starting or warming up only means it takes fewer batches. Between batches it yields, so
            // replies are collected and the workers fed.
            const scanOnThisThread = async () => {
                while (!failed && next < work.length) {
                    const id = next++;
                    const { from, to } = work[id];
                    try {
                        for (let i = from; i < to; i++)
                            results[i] = scanHere(files[i], rules, job);
                    }
                    catch (error) {
                        fail(error);
                        return;
                    }
                    finished();
                    await new Promise((wake) => setImmediate(wake));
                }
            };
            void scanOnThisThread();
        });
        ok = true;
    }
    finally {
        for (const off of detach)
            off();
        // A failed call may leave batches in flight: those workers are not reused.
        if (ok)
            for (const worker of workers)
                releaseWorker(worker);
        else
            await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
}
/**
 * A file's budget: 2 s plus 2 s per MiB. A scan with the built-in pack takes tens of
 * milliseconds per MiB; a rule that backtracks super-linearly takes minutes or forever.
 */
function defaultRuleBudgetMs(units) {
    return 2000 + Math.ceil((2000 * units) / (1024 * 1024));
}
/**
 * `scanFiles` for a pack with rules the built-in pack does not vouch for (a user's regexes, see
 * `unvettedRuleIds`): no static check can tell every super-linear regex (`(?:\d{0,30}){1,30}`, a
 * chain of bounded repeats, backreferences), so each file is scanned on a worker thread against a
 * clock, and a worker that runs past the file's budget is terminated (V8 stops a backtracking
 * regex there). The file is then scanned with each unvetted rule alone to find the ones that cannot
 * finish, and once more without them; those rules and the file are reported in `exceeded`. With
 * nothing unvetted this is `scanFiles`.
 */
async function scanFilesBudgeted(files, options = {}) {
    const rules = options.rules ?? (0,_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultRulePack */ .T1)();
    const unvetted = (0,_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .unvettedRuleIds */ .oY)(rules);
    const builtInAllowlist = (0,_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .builtInRulePackSpec */ ._I)().allowlist;
    const userAllowlist = (0,_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .hasUnvettedAllowlist */ .zr)(rules) || (options.allowlist?.regexes?.length ?? 0) > 0;
    if (unvetted.length === 0 && !userAllowlist)
        return { results: await scanFiles(files, options), exceeded: [] };
    const budgetOf = (units) => typeof options.budgetMs === 'function'
        ? options.budgetMs(units)
        : (options.budgetMs ?? defaultRuleBudgetMs(units));
    const job = (pack) => ({
        pack,
        allowlist: options.allowlist,
        baseline: options.baseline,
        commit: options.commit,
        inlineAllow: options.inlineAllow,
        ack: true,
    });
    const results = new Array(files.length);
    const stoppedOn = new Array(files.length);
    const scanOneFile = async (runner, index) => {
        const file = files[index];
        const budgetMs = budgetOf(unitsOf(file));
        const whole = await runner.scan(job(rules.spec), file, budgetMs);
        if (whole) {
            results[index] = whole;
            return;
        }
        // Which rules cannot finish on this file, each alone with the built-in allowlist? A single
        // unvetted rule and no allowlist of the user's needs no search.
        const alone = unvetted.length === 1 && !userAllowlist;
        let stopped = alone ? [...unvetted] : [];
        if (!alone)
            for (const id of unvetted) {
                const single = { ...onlyRules(rules.spec, [id]), allowlist: builtInAllowlist };
                if (!(await runner.scan({ ...job(single), allowlist: undefined }, file, budgetMs)))
                    stopped.push(id);
            }
        // None alone: the user's allowlist regexes, or the rules together.
        const allowlist = stopped.length === 0 && userAllowlist;
        if (stopped.length === 0)
            stopped = [...unvetted];
        const restJob = allowlist
            ? {
                ...job({ ...withoutRules(rules.spec, stopped), allowlist: builtInAllowlist }),
                allowlist: undefined,
            }
            : job(withoutRules(rules.spec, stopped));
        const rest = await runner.scan(restJob, file, budgetMs);
        results[index] = rest ?? { findings: [], suppressed: { path: 0, allowlist: 0, inline: 0, baseline: 0 } };
        stoppedOn[index] = {
            path: file.path,
            ruleIds: stopped,
            allowlist,
            budgetMs,
            unscanned: rest === undefined,
        };
    };
    // As many runners as scanFiles would start workers; each takes the next file when it is free.
    const runners = Array.from({ length: laneCount(options, files) }, () => new BudgetRunner());
    let next = 0;
    let failed = false;
    const outcomes = await Promise.allSettled(runners.map(async (runner) => {
        try {
            while (next < files.length && !failed)
                await scanOneFile(runner, next++);
        }
        catch (error) {
            failed = true;
            throw error;
        }
    }));
    // Every runner has stopped: idle workers go back to the pool, unless a scan failed.
    await Promise.all(runners.map((runner) => runner.close(!failed)));
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure)
        throw failure.reason;
    const exceeded = stoppedOn.filter((e) => e !== undefined);
    return { results, exceeded };
}
function onlyRules(spec, ids) {
    return { ...spec, rules: spec.rules.filter((r) => ids.includes(r.id)) };
}
function withoutRules(spec, ids) {
    return { ...spec, rules: spec.rules.filter((r) => !ids.includes(r.id)) };
}
/** The job each worker last received (what it compiled), compared by identity. */
const heldJob = new WeakMap();
function sameJob(held, job) {
    return (held !== undefined &&
        held.pack === job.pack &&
        held.allowlist === job.allowlist &&
        held.baseline === job.baseline &&
        held.commit === job.commit &&
        held.inlineAllow === job.inlineAllow);
}
/** One worker at a time, replaced when a scan runs out of time. */
class BudgetRunner {
    worker;
    /** The file's result, or undefined when the scan ran past `budgetMs` (the worker is then gone). */
    async scan(job, file, budgetMs) {
        this.worker ??= takeWorker();
        // A worker keeps its compiled pack: a scan of one file at a time (diff, history) compiles once.
        if (!sameJob(heldJob.get(this.worker), job)) {
            await this.request(this.worker, { kind: 'job', job }, undefined);
            heldJob.set(this.worker, job);
        }
        const reply = await this.request(this.worker, { kind: 'batch', id: 0, files: [file] }, budgetMs);
        if (reply === undefined) {
            // Terminated mid-regex: the worker is not reused.
            const late = this.worker;
            this.worker = undefined;
            await late.terminate();
            return undefined;
        }
        if (reply.kind === 'error')
            throw new Error(`scanFiles: ${reply.path}: ${reply.message}`);
        if (reply.kind !== 'batch')
            throw new Error(`scanFiles: unexpected reply '${reply.kind}' from a worker`);
        const { result, secrets } = reply.results[0];
        result.findings.forEach((finding, k) => (0,_scan_js__WEBPACK_IMPORTED_MODULE_4__/* .adoptSecret */ .RU)(finding, secrets[k]));
        return result;
    }
    /** Posts a request and waits for the next reply, or (with `budgetMs`) gives up after it. */
    request(worker, request, budgetMs) {
        return new Promise((resolve, reject) => {
            let timer;
            const done = () => {
                if (timer)
                    clearTimeout(timer);
                worker.off('message', onMessage).off('error', onError).off('exit', onExit);
            };
            const onMessage = (reply) => {
                done();
                resolve(reply);
            };
            const onError = (error) => {
                done();
                reject(new Error(`scanFiles: worker failed: ${error.message}`));
            };
            const onExit = (code) => {
                done();
                reject(new Error(`scanFiles: a worker exited (code ${code}) before the scan finished`));
            };
            worker.on('message', onMessage).on('error', onError).on('exit', onExit);
            if (budgetMs !== undefined)
                timer = setTimeout(() => {
                    done();
                    resolve(undefined);
                }, budgetMs);
            worker.postMessage(request);
        });
    }
    /** Returns the worker to the pool (`reuse`) or ends it. */
    async close(reuse) {
        const worker = this.worker;
        this.worker = undefined;
        if (!worker)
            return;
        if (reuse)
            releaseWorker(worker);
        else
            await worker.terminate();
    }
}
/**
 * Idle workers, kept between calls so a second scan (history mode: one call per commit) starts
 * with warm, optimised code. Unref'd while idle: they never keep the process alive.
 */
const idle = [];
let workersStarted = 0;
/** How many worker threads this module has started so far (idle ones are reused, not counted again). */
function scanWorkersStarted() {
    return workersStarted;
}
function startWorker() {
    workersStarted++;
    const created = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker((0,_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .workerScript */ .wF)(SCAN_WORKER_SOURCE), {
        workerData: { role: _scan_worker_role_js__WEBPACK_IMPORTED_MODULE_5__/* .DLP_SCAN_WORKER_ROLE */ .N },
    });
    created.on('exit', () => {
        const at = idle.indexOf(created);
        if (at !== -1)
            idle.splice(at, 1);
    });
    return created;
}
function takeWorker() {
    const worker = idle.pop() ?? startWorker();
    worker.ref();
    return worker;
}
/**
 * Starts the workers a scan with `threads` lanes will use, so they load while the caller is still
 * reading files; they wait idle (unref'd) for `scanFiles`.
 */
function warmScanWorkers(threads) {
    const workers = (threads === 'auto' ? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)() : threads) - 1;
    for (let missing = workers - idle.length; missing > 0; missing--)
        releaseWorker(startWorker());
}
function releaseWorker(worker) {
    worker.unref();
    idle.push(worker);
}
/** Ends the idle workers kept by `scanFiles` (they end with the process anyway). */
async function closeScanWorkers() {
    await Promise.all(idle.splice(0).map((w) => w.terminate()));
}


/***/ }),

/***/ 50330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M9: () => (/* binding */ shannonEntropyOf),
/* harmony export */   wY: () => (/* binding */ VALIDATORS)
/* harmony export */ });
/* unused harmony exports crc32, shannonEntropy, base62, checksumTokenBody, luhnValid, cardBrand, otherCardBrand, isOtherPaymentCard, isPaymentCard, wordsOf, isSsn, IBAN_LENGTHS, ibanMod97, isIban, isPersonalEmail, isPhone, isJwt, isExampleValue, isGenericSecret */
// CRC-32 (IEEE, reflected 0xEDB88320) in plain code rather than node:zlib, so the detectors also
// bundle into a Cloudflare Worker (edge/workers/tokenize) without Node built-ins.
const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC_TABLE[n] = c >>> 0;
}
/** CRC-32 of a string's UTF-8 bytes (token bodies are ASCII), as node:zlib's crc32 returns it. */
function crc32(text) {
    let crc = 0xffffffff;
    for (const byte of new TextEncoder().encode(text))
        crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
const entropyCounts = new Uint32Array(65536);
/** Shannon entropy in bits per character. */
function shannonEntropy(value) {
    return shannonEntropyOf(value, 0, value.length);
}
/** Shannon entropy of `text[start, end)`, without slicing it out. */
function shannonEntropyOf(text, start, end) {
    const n = end - start;
    if (n <= 0)
        return 0;
    for (let i = start; i < end; i++)
        entropyCounts[text.charCodeAt(i)]++;
    let entropy = 0;
    for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        const count = entropyCounts[c];
        if (count === 0)
            continue;
        const p = count / n;
        entropy -= p * Math.log2(p);
        entropyCounts[c] = 0;
    }
    return entropy;
}
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(value, width) {
    let out = '';
    let n = value >>> 0;
    do {
        out = BASE62[n % 62] + out;
        n = Math.floor(n / 62);
    } while (n > 0);
    return out.padStart(width, '0');
}
/**
 * GitHub's token format (github.blog, 2021-04-05) and npm's (2021-09-23): 30 random base62
 * characters then the CRC32 of those 30, base62-encoded and left-padded to 6. A wrong checksum
 * means a made-up string (docs, tests), not a token.
 */
function checksumTokenBody(random30) {
    return base62(crc32(random30), 6);
}
function hasValidTokenChecksum(token, prefix) {
    const body = token.replace(prefix, '');
    if (body.length !== 36)
        return false;
    return checksumTokenBody(body.slice(0, 30)) === body.slice(30);
}
function luhnValid(digits) {
    let sum = 0;
    let double = false;
    for (let i = digits.length - 1; i >= 0; i--) {
        let d = digits.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            return false;
        if (double) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        double = !double;
    }
    return sum % 10 === 0;
}
/** The brand a card number's prefix and length belong to, or undefined. */
function cardBrand(digits) {
    const len = digits.length;
    const p2 = Number(digits.slice(0, 2));
    const p3 = Number(digits.slice(0, 3));
    const p4 = Number(digits.slice(0, 4));
    const p6 = Number(digits.slice(0, 6));
    if (digits[0] === '4' && (len === 13 || len === 16 || len === 19))
        return 'visa';
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16)
        return 'mastercard';
    if ((p2 === 34 || p2 === 37) && len === 15)
        return 'amex';
    if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) &&
        len >= 16 &&
        len <= 19)
        return 'discover';
    if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19)
        return 'jcb';
    if (((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) &&
        len >= 14 &&
        len <= 19)
        return 'diners';
    if (p2 === 62 && len >= 16 && len <= 19)
        return 'unionpay';
    return undefined;
}
/** Brands the main rule does not claim: Maestro (12–19), JCB 15 (1800, 2131), UATP, Dankort. */
function otherCardBrand(digits) {
    const len = digits.length;
    const p4 = digits.slice(0, 4);
    if ((p4 === '1800' || p4 === '2131') && len === 15)
        return 'jcb15';
    if (p4 === '5019' && len === 16)
        return 'dankort';
    if (digits[0] === '1' && len === 15)
        return 'uatp';
    if (/^(?:5018|5020|5038|5893|6304|6759|676[1-3]|0604|6390)/.test(digits) && len >= 12 && len <= 19)
        return 'maestro';
    return undefined;
}
function isOtherPaymentCard(value) {
    const digits = value.replace(/[ -]/g, '');
    if (/^(\d)\1+$/.test(digits))
        return false;
    return cardBrand(digits) === undefined && otherCardBrand(digits) !== undefined && luhnValid(digits);
}
function isPaymentCard(value) {
    const digits = value.replace(/[ -]/g, '');
    if (/^(\d)\1+$/.test(digits))
        return false;
    return cardBrand(digits) !== undefined && luhnValid(digits);
}
/**
 * The words of a line, identifiers split at case changes and `_`/`-` (`employeeSSN` -> employee
 * ssn, `isScssNestedProperty` -> is scss nested property): context words match whole words, so
 * "ssn" inside "scss" or "tel" inside "hotel" is no context.
 */
function wordsOf(line) {
    return new Set(line
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z#]+/));
}
/**
 * "ssn" or "ss#" as a word of its own (not inside `isScssNestedProperty`), or social security.
 * The ingress filter (lib/dlp-ingress/filter.lua) implements the same test on the lowered line.
 */
const SSN_CONTEXT = /(?<![a-z])ss(?:n(?![a-z])|#)|social.?security/i;
/** Numbers the SSA published or that were famously misused; never anyone's. */
const SSN_KNOWN_FAKE = new Set(['078051120', '219099999', '123456789']);
function isSsn(value, context) {
    const digits = value.replace(/[ -]/g, '');
    if (digits.length !== 9)
        return false;
    const area = digits.slice(0, 3);
    if (area === '000' || area === '666' || area[0] === '9')
        return false;
    if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000')
        return false;
    if (SSN_KNOWN_FAKE.has(digits))
        return false;
    // 123-45-6789 is recognisable on its own; nine bare (or space-separated) digits are not.
    if (!value.includes('-'))
        return SSN_CONTEXT.test(context.line);
    return true;
}
/** ISO 13616 lengths by country (SWIFT IBAN registry). */
const IBAN_LENGTHS = {
    AD: 24,
    AE: 23,
    AL: 28,
    AT: 20,
    AZ: 28,
    BA: 20,
    BE: 16,
    BG: 22,
    BH: 22,
    BI: 27,
    BR: 29,
    BY: 28,
    CH: 21,
    CR: 22,
    CY: 28,
    CZ: 24,
    DE: 22,
    DJ: 27,
    DK: 18,
    DO: 28,
    EE: 20,
    EG: 29,
    ES: 24,
    FI: 18,
    FK: 18,
    FO: 18,
    FR: 27,
    GB: 22,
    GE: 22,
    GI: 23,
    GL: 18,
    GR: 27,
    GT: 28,
    HN: 28,
    HR: 21,
    HU: 28,
    IE: 22,
    IL: 23,
    IQ: 23,
    IS: 26,
    IT: 27,
    JO: 30,
    KW: 30,
    KZ: 20,
    LB: 28,
    LC: 32,
    LI: 21,
    LT: 20,
    LU: 20,
    LV: 21,
    LY: 25,
    MC: 27,
    MD: 24,
    ME: 22,
    MK: 19,
    MN: 20,
    MR: 27,
    MT: 31,
    MU: 30,
    NI: 28,
    NL: 18,
    NO: 15,
    OM: 23,
    PK: 24,
    PL: 28,
    PS: 29,
    PT: 25,
    QA: 29,
    RO: 24,
    RS: 22,
    RU: 33,
    SA: 24,
    SC: 31,
    SD: 18,
    SE: 24,
    SI: 19,
    SK: 24,
    SM: 27,
    SO: 23,
    ST: 25,
    SV: 28,
    TL: 23,
    TN: 24,
    TR: 26,
    UA: 29,
    VA: 22,
    VG: 24,
    XK: 20,
    YE: 30,
};
function ibanMod97(iban) {
    const rearranged = iban.slice(4) + iban.slice(0, 4);
    let remainder = 0;
    for (const ch of rearranged) {
        const code = ch.charCodeAt(0);
        const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
        for (const d of digits)
            remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
    }
    return remainder;
}
const IBAN_CONTEXT = /iban|account|konto|\brib\b|bank|pay/i;
/**
 * Spaces or dashes between groups, either case (a real IBAN is all one case; a lowercase one needs
 * an account word on the line, since lowercase letters and digits are what hashes are made of). A
 * trailing group of one to three characters that breaks the check is read as the next word
 * (`… 7034 A Smith`).
 */
function isIban(value, context) {
    const lower = value !== value.toUpperCase();
    if (lower && value !== value.toLowerCase())
        return false;
    if (lower && !(context && IBAN_CONTEXT.test(context.line)))
        return false;
    const check = (text) => {
        const iban = text.replace(/[ -]/g, '').toUpperCase();
        const expected = IBAN_LENGTHS[iban.slice(0, 2)];
        return expected !== undefined && iban.length === expected && ibanMod97(iban) === 1;
    };
    if (check(value))
        return true;
    const tail = /[ -][A-Za-z0-9]{1,3}$/.exec(value);
    return tail !== null && /[ -]/.test(value.slice(0, tail.index)) && check(value.slice(0, tail.index));
}
/** RFC 2606 / RFC 6761 names: mail there never reaches a person. */
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net'];
// 'internal' is reserved for private use (ICANN, 2024): such an address is a host name in a URL, not a mailbox.
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'internal']);
/** `icon@2x.png` and `pkg@1.2.3` look like addresses in source code. */
const FILE_EXTENSIONS = new Set([
    'png',
    'jpg',
    'jpeg',
    'gif',
    'svg',
    'webp',
    'avif',
    'ico',
    'bmp',
    'js',
    'mjs',
    'cjs',
    'ts',
    'tsx',
    'jsx',
    'css',
    'scss',
    'less',
    'map',
    'json',
    'yaml',
    'yml',
    'md',
    'html',
    'txt',
    'lock',
    'wasm',
    'pdf',
    'zip',
    'gz',
]);
const NON_PERSONAL_LOCAL = new Set([
    'git',
    'noreply',
    'no-reply',
    'donotreply',
    'do-not-reply',
    // Role addresses a project publishes on purpose: nobody's personal data.
    'security',
    'secure',
    'support',
    'info',
    'contact',
    'hello',
    'admin',
    'abuse',
    'postmaster',
    'webmaster',
    'team',
    'opensource',
    'open-source',
    'oss',
    'help',
    'privacy',
    'legal',
    'press',
    'feedback',
    'bugs',
    'conduct',
    'opencode',
]);
/**
 * Mailboxes of documentation and samples: `username@hostname.com`, `email@address.com`,
 * `testuser@test.com`, `crawler-team@company.com`. Nobody reads mail there as themselves.
 */
const PLACEHOLDER_LOCAL = new Set([
    'test',
    'testuser',
    'test.user',
    'test-user',
    'user',
    'username',
    'user.name',
    'email',
    'e-mail',
    'name',
    'someone',
    'somebody',
    'nobody',
    'noone',
    'no-one',
    'not',
    'foo',
    'bar',
    'baz',
    'yourname',
    'your.name',
    'your-name',
    'your.email',
    'first.last',
    'firstname.lastname',
]);
const PLACEHOLDER_DOMAINS = new Set([
    'test.com',
    'domain.com',
    'address.com',
    'hostname.com',
    'host.com',
    'company.com',
    'yourcompany.com',
    'yourdomain.com',
    'your-domain.com',
    'mydomain.com',
    'somedomain.com',
    'somewhere.com',
]);
/**
 * `Jane Doe <jane@…>` or `Jane Doe (jane@…)`: an attribution in the form of package manifests,
 * git and mailmap — authorship metadata, which a project publishes on purpose.
 */
function isAttribution(value, line) {
    for (const [open, close] of [
        ['<', '>'],
        ['(', ')'],
    ]) {
        const at = line.indexOf(`${open}${value}${close}`);
        // A name before it, maybe in markdown emphasis, with a parenthesised alias (`Jane Roe (ジェーン)`)
        // or with the address doubly bracketed.
        if (at > 0 && /\p{L}[\p{L}.'-]*\)?[*_\s<(]*$/u.test(line.slice(Math.max(0, at - 80), at)))
            return true;
    }
    return false;
}
/**
 * `scheme://user:password@host` (userinfo of a URL: the redactor masks it) or `git@host:owner/repo`
 * (scp-style remote): not an address.
 */
function isUrlUserinfo(value, line) {
    const at = line.indexOf(value);
    if (at < 0)
        return false;
    if (line[at + value.length] === ':' && /[\w~]/.test(line[at + value.length + 1] ?? ''))
        return true;
    // `\/` is how a slash is written in a regex literal or JSON (`https?:\/\/(.+):x-oauth-basic@host`),
    // `\\/` the same inside a JSON string (a source map's copy of that regex).
    return at > 0 && /:\/\/[^\s/]*$/.test(line.slice(Math.max(0, at - 200), at).replace(/\\+\//g, '/'));
}
function isPersonalEmail(value, context) {
    if (context && (isAttribution(value, context.line) || isUrlUserinfo(value, context.line)))
        return false;
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at).toLowerCase();
    const domain = value.slice(at + 1).toLowerCase();
    const labels = domain.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (!/^[a-z]{2,24}$/.test(tld))
        return false;
    // `x@y.Bi`: a mixed-case top-level domain is packed data or minified code, not an address.
    const writtenTld = value.slice(value.length - tld.length);
    if (writtenTld !== tld && writtenTld !== tld.toUpperCase())
        return false;
    if (RESERVED_TLDS.has(tld) || FILE_EXTENSIONS.has(tld))
        return false;
    if (labels.some((label) => label === '' || label.startsWith('-') || label.endsWith('-')))
        return false;
    if (/^\d+x$/.test(labels[0] ?? ''))
        return false;
    if (domain === 'localhost')
        return false;
    for (const reserved of RESERVED_DOMAINS)
        if (domain === reserved || domain.endsWith('.' + reserved))
            return false;
    if (NON_PERSONAL_LOCAL.has(local) || domain.endsWith('.noreply.github.com'))
        return false;
    // `security+coc@…`: the tag does not make a role address personal.
    const plus = local.indexOf('+');
    if (plus > 0 && NON_PERSONAL_LOCAL.has(local.slice(0, plus)))
        return false;
    if (PLACEHOLDER_LOCAL.has(local) || PLACEHOLDER_DOMAINS.has(domain))
        return false;
    // `ex@mple.com`: the `@` read as `a` spells "example".
    if (value.toLowerCase().replace('@', 'a').startsWith('example'))
        return false;
    if (local.endsWith('.') || local.includes('..'))
        return false;
    return true;
}
const PHONE_WORDS = [
    'phone',
    'phones',
    'telephone',
    'tel',
    'mobile',
    'cell',
    'cellphone',
    'fax',
    'sms',
    'whatsapp',
    'telefon',
    'telefono',
    'téléphone',
];
const PHONE_CONTEXT = {
    test: (line) => {
        const words = wordsOf(line);
        return PHONE_WORDS.some((w) => words.has(w));
    },
};
function isNanp(ten) {
    if (ten.length !== 10)
        return false;
    if (ten[0] === '0' || ten[0] === '1' || ten[3] === '0' || ten[3] === '1')
        return false;
    // 555-0100 … 555-0199 is reserved for fiction (NANPA); examples use it on purpose.
    if (ten.slice(3, 6) === '555' && ten.slice(6, 8) === '01')
        return false;
    return true;
}
function isPhone(value, context) {
    // An extension (x123, ext. 123) is not part of the number.
    const number = value.replace(/ ?(?:x|ext\.?) ?\d{1,5}$/, '');
    const digits = number.replace(/\D/g, '');
    if (/^(\d)\1+$/.test(digits))
        return false;
    if (number.startsWith('001') && /^001[ .-]/.test(number))
        return isNanp(digits.slice(3));
    if (number.startsWith('00') && !number.startsWith('001')) {
        // 00 is the international call prefix in most of the world: as `+`, with a phone word near.
        return digits.length >= 10 && digits.length <= 17 && PHONE_CONTEXT.test(context.line);
    }
    if (number.startsWith('+')) {
        if (digits.startsWith('1'))
            return isNanp(digits.slice(1));
        return digits.length >= 8 && digits.length <= 15;
    }
    const formatted = /[().-]/.test(number) || (/ /.test(number) && PHONE_CONTEXT.test(context.line));
    const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    if (!isNanp(ten))
        return false;
    return formatted || PHONE_CONTEXT.test(context.line);
}
function base64UrlJson(part) {
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
function isJwt(value) {
    const [header, payload, signature = ''] = value.split('.');
    if (header === undefined || payload === undefined)
        return false;
    const h = base64UrlJson(header);
    if (!h || typeof h !== 'object' || typeof h.alg !== 'string')
        return false;
    const p = base64UrlJson(payload);
    if (!p || typeof p !== 'object')
        return false;
    if (h.alg.toLowerCase() !== 'none' && signature.length < 16)
        return false;
    return true;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const PLACEHOLDER_SHAPES = [
    /^\$\{[^}]{0,200}\}$/, // ${DB_PASSWORD}
    /^\{\{[^}]{0,200}\}\}$/, // {{ secret }}
    /^<[^>]{0,200}>$/, // <redacted>
    /^%\(?[A-Za-z_]{0,100}\)?s$/,
    /x{4}|X{4}|\*{3}|\.{3}|#{4}/, // sk_xxxx…, ****, …
    /^[a-z][a-z0-9+.-]{1,20}:\/\//i, // URLs are not secrets; userinfo is the redactor's job
    /^\.{0,2}\//, // paths
];
const PLACEHOLDER_WORDS = [
    'changeme',
    'change_me',
    'change-me',
    'placeholder',
    'redacted',
    'example',
    'dummy',
    'sample',
    'your_',
    'your-',
    'yourtoken',
    'yourpassword',
    'insert',
    'replace_me',
    'notasecret',
    'not-a-secret',
    'process.env',
];
/** Runs of one character (`000000`, `XXXXXX`) and the keyboard sequences of documented examples. */
const FILLER_RUN = /(.)\1{5}/;
const EXAMPLE_SEQUENCES = [
    '123',
    '234',
    '345',
    '456',
    '567',
    '678',
    '789',
    'abc',
    'def',
    'ghi',
    'jkl',
    'mno',
    'xyz',
];
/**
 * A published example or template value rather than a generated one: a run of one character
 * (`AKIAXXXXXXXXXXXXXXXX`, `…00000000`), an `X`/`#`/`*` placeholder run, or three or more
 * ascending keyboard sequences (`abc123xyz456`, `AbC123dEf456GhI789`): a random value of this
 * length holds one such sequence at most now and then, three almost never.
 */
function isExampleValue(value) {
    if (FILLER_RUN.test(value) || /[xX]{4}|#{3}|\*{3}/.test(value))
        return true;
    const lower = value.toLowerCase();
    let sequences = 0;
    for (const seq of EXAMPLE_SEQUENCES)
        if (lower.includes(seq))
            sequences++;
    return sequences >= 3;
}
/** The identifier-ish key before the operator in a generic match (`apiToken`, `DB_PASSWORD`). */
function keyOf(match, secret) {
    const at = match.lastIndexOf(secret);
    const head = at > 0 ? match.slice(0, at) : match;
    return (/^[A-Za-z0-9_.-]+/.exec(head)?.[0] ?? '').toLowerCase();
}
/**
 * Words that name a credential. A value made of words with one of these among them names the
 * thing (`"X-Amz-Security-Token"`, `"AWS_SHARED_CREDENTIALS_FILE"`, `CreateOAuth2TokenRequestBody`,
 * `"query_string_type_continuation_token_mismatch"`): a header, variable, type or error code.
 */
const CREDENTIAL_WORDS = [
    'token',
    'tokens',
    'secret',
    'secrets',
    'password',
    'passwords',
    'passwd',
    'credential',
    'credentials',
    'apikey',
];
/** Keys whose presence makes a JSON document worth protecting (`private_key`, `auth`, `password`). */
const CREDENTIAL_KEY = /key|secret|token|pass|pwd|auth|cred|private|sig|cert|session|cookie/i;
function jsonKeysHoldCredential(value, depth = 0) {
    if (depth > 8 || value === null || typeof value !== 'object')
        return false;
    for (const [key, inner] of Object.entries(value)) {
        if (CREDENTIAL_KEY.test(key) || jsonKeysHoldCredential(inner, depth + 1))
            return true;
    }
    return false;
}
/**
 * `eyJ…` that decodes to a JSON object with no credential-like key anywhere (`{"pk":…,"sk":…}`):
 * a pagination cursor or client state, encoded, not a secret. A service-account key or a Docker
 * `auths` document decodes to JSON too, and keeps its finding by its keys.
 */
function isEncodedJsonState(value) {
    if (!/^eyJ[A-Za-z0-9_+/-]+=*$/.test(value))
        return false;
    const decoded = base64UrlJson(value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    return decoded !== null && typeof decoded === 'object' && !jsonKeysHoldCredential(decoded);
}
/** The first character after `match` on the line, skipping blanks ('' at the end of the line). */
function nextCharAfter(match, line) {
    const at = line.indexOf(match);
    if (at < 0)
        return '';
    return /^[ \t]*(.?)/.exec(line.slice(at + match.length))[1];
}
/** False for values that are obviously not secrets: placeholders, ids, hashes, names, paths. */
function isGenericSecret(value, context) {
    if (UUID.test(value) || GIT_SHA.test(value))
        return false;
    if (isExampleValue(value))
        return false;
    // Secrets are generated in ASCII; `"予期しないトークンです。"` under a `…_token_1012` key is a message.
    if (/[^\x20-\x7e]/.test(value))
        return false;
    const words = wordsOf(value);
    if (CREDENTIAL_WORDS.some((w) => words.has(w)))
        return false;
    if (isEncodedJsonState(value))
        return false;
    if (context) {
        const match = context.match;
        const quoted = /["'`]$/.test(match) || /["'`<]$/.test(match.slice(0, match.length));
        const identifier = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(value);
        // `exports.fooToken = fooToken`, `_hook=Module._hook=e.hook.value`: a name, not a value.
        const key = keyOf(match, value);
        if (key.length >= 4 && value.toLowerCase().includes(key))
            return false;
        // `type Password = AuthenticationPassword`, `token = tokenService`: an unquoted name with no digit.
        if (!quoted && identifier && !/\d/.test(value))
            return false;
        // `a=this.b=null`: a chain of assignments in minified code.
        if (/^[A-Za-z_$][\w$.]*=[^=]/.test(value))
            return false;
        // `token == "…"`, `password === x`: a comparison, not an assignment. In minified code the
        // operator the regex took is the first `=` of `===`, and the "value" starts with the rest.
        const before = match.slice(0, Math.max(0, match.lastIndexOf(value)));
        if (/[=!<>]=|=[=~]/.test(before) || value.startsWith('='))
            return false;
        // `withCredentials: defaultToConfig2,`, `'secretRef': V1LocalObjectReference;`: after a colon,
        // a bare identifier that code punctuation follows is a variable or a type (a literal would be
        // quoted in every language that writes it so). YAML and .env values end the line instead.
        if (!quoted &&
            /^[A-Za-z_$][\w$]*$/.test(value) &&
            /(?<!:):[ \t]*$/.test(before) &&
            /^[,;)}|&]$/.test(nextCharAfter(match, context.line)))
            return false;
    }
    for (const shape of PLACEHOLDER_SHAPES)
        if (shape.test(value))
            return false;
    const lower = value.toLowerCase();
    for (const word of PLACEHOLDER_WORDS)
        if (lower.includes(word))
            return false;
    // Identifiers and dotted names (`this.config.token`) carry no digits; random secrets nearly always do.
    if (!/\d/.test(value) && /^[A-Za-z_.$-]+$/.test(value) && value.length < 24)
        return false;
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
        return false; // this.config.token
    return true;
}
const VALIDATORS = {
    'github-checksum': (secret) => hasValidTokenChecksum(secret, /^gh[pousr]_/),
    'npm-checksum': (secret) => hasValidTokenChecksum(secret, /^npm_/),
    'payment-card': (secret) => isPaymentCard(secret),
    'payment-card-other': (secret) => isOtherPaymentCard(secret),
    ssn: isSsn,
    // 123.45.6789: the dotted form is written on purpose, like the dashed one.
    'ssn-dotted': (secret, context) => isSsn(secret.replace(/\./g, '-'), context),
    iban: (secret, context) => isIban(secret, context),
    email: (secret, context) => isPersonalEmail(secret, context),
    phone: isPhone,
    jwt: (secret) => isJwt(secret),
    'generic-secret': (secret, context) => isGenericSecret(secret, context),
};


/***/ })

};
