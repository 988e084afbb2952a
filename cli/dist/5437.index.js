import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 5437;
export const ids = [5437];
export const modules = {

/***/ 85437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_AUDIT_LOG: () => (/* reexport */ DEFAULT_AUDIT_LOG),
  createReasonForAccess: () => (/* binding */ createReasonForAccess),
  "default": () => (/* binding */ main)
});

// EXTERNAL MODULE: ./lib/action.ts
var action = __webpack_require__(95490);
// EXTERNAL MODULE: ./lib/config.ts
var config = __webpack_require__(9426);
// EXTERNAL MODULE: ./lib/http.ts
var http = __webpack_require__(46880);
// EXTERNAL MODULE: ./lib/dlp/index.ts + 3 modules
var dlp = __webpack_require__(78304);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/digest.ts
var digest = __webpack_require__(49416);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/audit-lock.ts
/**
 * One writer at a time per audit log. The lock is an O_EXCL file holding who owns it; it and the
 * temporary copies of the log live in a scratch folder beside the log's folder (never inside it:
 * the workflow commits that folder with `git add -A`, and a killed run must leave nothing there).
 *
 * A lock whose owner is gone (same host, process no longer running, or older than `staleMs`) is
 * removed under a short-lived guard, re-checked there, so two waiters cannot both delete it and a
 * live writer's lock is never deleted. The owner also re-checks that the lock is still its own
 * right before it renames the new log into place.
 */





const DEFAULT_WAIT_MS = 5 * 60_000;
/** Longer than any decision holds the lock (signing and the GitHub API calls included). */
const DEFAULT_STALE_MS = 10 * 60_000;
class LockTimeout extends Error {
    constructor(message) {
        super(message);
        this.name = 'LockTimeout';
    }
}
/** The scratch folder of a log: `<parent>/.<log folder>.lock.d` (or beside the log's folder). */
function scratchFolder(logPath) {
    const folder = (0,external_node_path_.dirname)(logPath);
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(folder), `.${(0,external_node_path_.basename)(folder).replace(/^\.+/, '') || 'audit'}.lock.d`);
}
async function audit_lock_withLogLock(logPath, fn, options = {}) {
    const scratch = scratchFolder(logPath);
    const lockFile = (0,external_node_path_.join)(scratch, `${(0,external_node_path_.basename)(logPath)}.lock`);
    await (0,promises_.mkdir)(scratch, { recursive: true });
    const me = { token: (0,external_node_crypto_.randomUUID)(), pid: process.pid, host: (0,external_node_os_.hostname)(), created: Date.now() };
    await acquire(lockFile, me, options);
    try {
        // Temporary copies a killed writer left behind: safe to remove while holding the lock.
        for (const name of await (0,promises_.readdir)(scratch)) {
            if (!name.startsWith(`${(0,external_node_path_.basename)(logPath)}.`))
                continue;
            if (name.endsWith('.tmp'))
                await (0,promises_.rm)((0,external_node_path_.join)(scratch, name), { force: true });
            else if (name.endsWith('.lock.break')) {
                const breaker = await readOwner((0,external_node_path_.join)(scratch, name));
                if (breaker && (await isStale((0,external_node_path_.join)(scratch, name), breaker, 5_000)))
                    await (0,promises_.rm)((0,external_node_path_.join)(scratch, name), { force: true });
            }
        }
        return await fn({
            scratch,
            assertHeld: async () => {
                const owner = await readOwner(lockFile);
                if (owner?.token !== me.token)
                    throw new Error('another writer took over the audit-log lock while this decision was made (it held the lock longer than the stale limit)');
            },
        });
    }
    finally {
        const owner = await readOwner(lockFile);
        if (owner?.token === me.token)
            await (0,promises_.rm)(lockFile, { force: true });
    }
}
async function acquire(lockFile, me, options) {
    const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    const deadline = Date.now() + waitMs;
    let delay = 5;
    for (;;) {
        try {
            const handle = await (0,promises_.open)(lockFile, 'wx');
            try {
                await handle.writeFile(JSON.stringify({ ...me, created: Date.now() }));
            }
            finally {
                await handle.close();
            }
            return;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const owner = await readOwner(lockFile);
        if (owner === undefined)
            continue; // released meanwhile
        if (await isStale(lockFile, owner, staleMs)) {
            await takeOver(lockFile, owner);
            continue;
        }
        if (Date.now() >= deadline) {
            const who = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
            throw new LockTimeout(`another decision (${who}) has held the audit-log lock for ${Math.round((Date.now() - owner.created) / 1000)}s and this one waited ${Math.round(waitMs / 1000)}s; retry, or serialise the runs with one concurrency group`);
        }
        // Jittered back-off keeps many waiters from polling in lock step.
        await (0,external_node_timers_promises_.setTimeout)(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 100);
    }
}
/** undefined: the file vanished, or holds a half-written owner (its writer was killed). */
async function readOwner(lockFile) {
    let text;
    try {
        text = await (0,promises_.readFile)(lockFile, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const value = JSON.parse(text);
        if (typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.created === 'number')
            return value;
    }
    catch {
        // fall through
    }
    return { token: `unreadable:${text.length}`, pid: -1, host: '', created: 0 };
}
async function isStale(lockFile, owner, staleMs) {
    if (owner.pid === -1) {
        // Created but never written: the writer died between open and write, or is writing now.
        const age = Date.now() - (await (0,promises_.stat)(lockFile).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
        return age > 1000;
    }
    if (Date.now() - owner.created > staleMs)
        return true;
    if (owner.host !== (0,external_node_os_.hostname)())
        return false;
    try {
        process.kill(owner.pid, 0);
        return false;
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
}
/**
 * Removes a stale lock. Only the holder of the `.break` guard may delete someone else's lock, and
 * it re-reads the lock under the guard: a lock that changed owner since it was judged stale (a
 * waiter acquired it meanwhile) is left alone, so a live writer's lock is never deleted.
 */
async function takeOver(lockFile, stale) {
    const guard = `${lockFile}.break`;
    let handle;
    try {
        handle = await (0,promises_.open)(guard, 'wx');
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
        // Another waiter is breaking it; a guard whose breaker died is removed (it never lives long).
        const breaker = await readOwner(guard);
        if (breaker && (await isStale(guard, breaker, 5_000)))
            await (0,promises_.rm)(guard, { force: true });
        return;
    }
    try {
        await handle.writeFile(JSON.stringify({ token: (0,external_node_crypto_.randomUUID)(), pid: process.pid, host: (0,external_node_os_.hostname)(), created: Date.now() }));
        await handle.close();
        handle = undefined;
        const now = await readOwner(lockFile);
        if (now?.token === stale.token)
            await (0,promises_.rm)(lockFile, { force: true });
    }
    finally {
        await handle?.close();
        await (0,promises_.rm)(guard, { force: true });
    }
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/audit.ts
/**
 * The audit log: JSON Lines, one record per decision, each line the canonical JSON of its record.
 * Records are chained: `prev` is the SHA-256 of the previous line (64 zeros for the first), and
 * `seq` counts from 1, so deleting, reordering or editing a record breaks the chain at a place
 * verifyLog() can name. The chain cannot stop someone who rewrites the whole tail consistently;
 * that is what the per-record attestation (and its transparency-log entry) is for.
 */






const GENESIS = '0'.repeat(64);
/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785) and no whitespace, so the same
 * record always hashes the same. Our records hold only strings, integers, booleans and arrays.
 */
function audit_canonicalJson(value) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError('canonical JSON cannot hold a non-finite number');
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : audit_canonicalJson(item))).join(',')}]`;
    if (typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${audit_canonicalJson(v)}`).join(',')}}`;
    }
    throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
/** The next record's line for a log whose current text is `existing` (pure). */
function nextRecord(existing, fields) {
    const lines = splitLines(existing);
    const last = lines.at(-1);
    let seq = lines.length + 1;
    if (last !== undefined) {
        try {
            const parsed = JSON.parse(last);
            if (typeof parsed.seq === 'number' && Number.isInteger(parsed.seq))
                seq = parsed.seq + 1;
        }
        catch {
            // A broken last line still gets chained to; verifyLog reports it.
        }
    }
    const record = { v: 1, seq, prev: last === undefined ? GENESIS : (0,digest/* sha256Hex */.f)(last), ...fields };
    const line = audit_canonicalJson(record);
    return { record, line, digest: (0,digest/* sha256Hex */.f)(line) };
}
/**
 * Appends one record: the lock is held from reading the log to renaming the new text into place,
 * so concurrent writers are serialised and none chains to a predecessor another one replaced.
 */
async function appendRecord(path, fields, options = {}) {
    return withLogLock(path, async (lock) => {
        const existing = await readLog(path);
        const next = nextRecord(existing, fields);
        await commitRecordLine(path, existing, next.line, lock);
        return next;
    }, options);
}
/** The log's text, or '' when it does not exist yet. */
async function readLog(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return '';
        throw error;
    }
}
/**
 * Appends `line` to the log whose text was `existing` when the record was chained, while `lock`
 * is held. The new text goes to a temporary file in the lock's scratch folder (same file system,
 * outside the committed folder) and is renamed over the log, so a crash leaves the old log or the
 * new one, never a cut-off line, and no stray file where the workflow commits.
 */
async function commitRecordLine(path, existing, line, lock) {
    if ((await readLog(path)) !== existing)
        throw new Error('the audit log changed while this decision was made, although the lock was held (edited by hand, or written by a tool that ignores the lock)');
    // A file cut off mid-line must not glue the new record onto the broken one.
    const separator = existing !== '' && !existing.endsWith('\n') ? '\n' : '';
    await writeFileAtomic(path, `${existing}${separator}${line}\n`, lock);
}
/**
 * Writes `text` to `path` through a synced temporary file in the lock's scratch folder and a
 * rename; the lock is re-checked right before the rename.
 */
async function writeFileAtomic(path, text, lock) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const temp = (0,external_node_path_.join)(lock.scratch, `${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomUUID)()}.tmp`);
    try {
        const handle = await (0,promises_.open)(temp, 'wx');
        try {
            await handle.writeFile(text, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await lock.assertHeld();
        await (0,promises_.rename)(temp, path);
    }
    catch (error) {
        await (0,promises_.rm)(temp, { force: true });
        if (error.code === 'EXDEV')
            throw new Error(`${(0,external_node_path_.dirname)(path)} and ${lock.scratch} are on different file systems, so the log cannot be replaced atomically; keep the audit log's folder on one file system with its parent`);
        throw error;
    }
}
/**
 * Checks the whole chain and names the first broken record. `expectedHead` (the digest of the
 * last record as attested elsewhere) also catches a cut-off or edited tail.
 */
function verifyLog(text, options = {}) {
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    const entries = lines.map((raw, i) => ({ raw, lineNo: i + 1 })).filter((e) => e.raw.trim() !== '');
    const parsed = entries.map((e) => {
        try {
            const value = JSON.parse(e.raw);
            return value && typeof value === 'object' && !Array.isArray(value)
                ? value
                : undefined;
        }
        catch {
            return undefined;
        }
    });
    const fail = (i, kind, message, record = i + 1) => ({
        ok: false,
        records: entries.length,
        head: entries.length ? (0,digest/* sha256Hex */.f)(entries.at(-1).raw) : GENESIS,
        broken: { line: entries[i]?.lineNo ?? 1, record, kind, message },
    });
    let prevHash = GENESIS;
    for (let i = 0; i < entries.length; i++) {
        const { raw, lineNo } = entries[i];
        const expected = i + 1;
        const rec = parsed[i];
        if (!rec)
            return fail(i, 'invalid-json', `line ${lineNo}: record ${expected} is not a JSON object (edited or truncated)`);
        if (audit_canonicalJson(rec) !== raw)
            return fail(i, 'not-canonical', `line ${lineNo}: record ${expected} is not in canonical form, so it was edited by hand`);
        if (rec.seq !== expected) {
            const seq = rec.seq;
            if (typeof seq !== 'number')
                return fail(i, 'edited', `line ${lineNo}: record ${expected} has no seq`);
            const laterIndex = parsed.findIndex((p, j) => j > i && p?.seq === expected);
            if (seq < expected || laterIndex !== -1) {
                return fail(i, 'reordered', `line ${lineNo}: found record ${seq} where record ${expected} belongs; records were reordered`);
            }
            const missing = seq - expected === 1 ? `record ${expected} is` : `records ${expected}-${seq - 1} are`;
            return fail(i, 'deleted', `line ${lineNo}: ${missing} missing before record ${seq}; deleted`);
        }
        if (rec.prev !== prevHash) {
            if (i === 0)
                return fail(i, 'genesis', `line ${lineNo}: record 1 must have prev = 64 zeros (genesis); the start of the log was removed or replaced`);
            return fail(i - 1, 'edited', `line ${entries[i - 1].lineNo}: record ${expected - 1} was edited (record ${expected}'s prev no longer matches its hash)`, expected - 1);
        }
        prevHash = (0,digest/* sha256Hex */.f)(raw);
    }
    const result = { ok: true, records: entries.length, head: prevHash };
    if (options.expectedHead && options.expectedHead !== prevHash) {
        const last = entries.length - 1;
        return {
            ...fail(Math.max(last, 0), 'head-mismatch', `the last record does not match the expected head ${options.expectedHead.slice(0, 12)}…; records were removed from or edited at the end`),
            ok: false,
        };
    }
    return result;
}
function splitLines(text) {
    return text.split('\n').filter((line) => line.trim() !== '');
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/attest.ts
/**
 * Each audit record becomes an in-toto statement whose subject is the record line's SHA-256,
 * signed into a DSSE Sigstore bundle. In Actions the signature is keyless: Fulcio issues a
 * short-lived certificate for the job's OIDC identity and Rekor logs the signature, so the
 * record is anchored outside the repository. Verification checks the signature against trust
 * material and that the statement's subject is the digest of exactly this record.
 */






const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const PREDICATE_TYPE = 'https://github.com/summit-ops/summit-ops/reason-for-access/audit-record/v1';
function auditStatement(record, line) {
    return {
        _type: STATEMENT_TYPE,
        subject: [{ name: `audit-record-${record.seq}`, digest: { sha256: (0,digest/* sha256Hex */.f)(line) } }],
        predicateType: PREDICATE_TYPE,
        predicate: { record },
    };
}
/** Signs with a key the caller holds (self-hosted signing, tests). No transparency log. */
function localKeySigner(privateKey, hint) {
    const publicKey = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
    // Ed25519 signs the message itself; EC/RSA keys hash with SHA-256 first.
    const algorithm = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    return {
        kind: `key:${hint}`,
        witnesses: [],
        signer: {
            sign: async (data) => ({
                signature: cryptoSign(algorithm, data, privateKey),
                key: { $case: 'publicKey', publicKey, hint },
            }),
        },
    };
}
const PUBLIC_GOOD = {
    name: 'public-good',
    fulcioURL: 'https://fulcio.sigstore.dev',
    rekorURL: 'https://rekor.sigstore.dev',
};
/** GitHub's Sigstore instance, as actions/attest uses it for private repositories. */
const GITHUB_INSTANCE = {
    name: 'github',
    fulcioURL: 'https://fulcio.githubapp.com',
    tsaURL: 'https://timestamp.githubapp.com',
};
/**
 * The instance for a repository (the event payload's `repository`). Public-good Rekor is a public,
 * permanent log: a certificate there names the repository and workflow. So only a repository
 * known to be public uses it; private, internal or unknown use GitHub's instance. Explicit URLs
 * (inputs fulcio-url, rekor-url, tsa-url) win, and make the instance `custom`.
 */
function sigstoreInstanceFor(repository, overrides = {}) {
    const isPublic = repository?.private === false && (repository.visibility ?? 'public') === 'public';
    const base = isPublic ? PUBLIC_GOOD : GITHUB_INSTANCE;
    if (!overrides.fulcioURL && !overrides.rekorURL && !overrides.tsaURL)
        return base;
    // Each URL replaces only its own service: overriding Fulcio must not add a public log.
    const out = { name: 'custom', fulcioURL: overrides.fulcioURL || base.fulcioURL };
    const rekorURL = overrides.rekorURL || base.rekorURL;
    const tsaURL = overrides.tsaURL || base.tsaURL;
    if (rekorURL)
        out.rekorURL = rekorURL;
    if (tsaURL)
        out.tsaURL = tsaURL;
    return out;
}
/** Fulcio certificate for the workflow's OIDC identity + a Rekor entry and/or a timestamp. */
function keylessSigner(options = {}) {
    const timeout = options.timeoutMs ?? 15_000;
    const witnesses = [];
    const rekorURL = options.rekorURL ?? (options.tsaURL ? undefined : PUBLIC_GOOD.rekorURL);
    if (rekorURL)
        witnesses.push(new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: rekorURL,
            entryType: 'dsse',
            fetchOnConflict: false,
            timeout,
            retry: 2,
        }));
    if (options.tsaURL)
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: options.tsaURL, timeout, retry: 2 }));
    return {
        kind: 'keyless',
        signer: new sign_dist/* FulcioSigner */.$o({
            fulcioBaseURL: options.fulcioURL ?? PUBLIC_GOOD.fulcioURL,
            identityProvider: options.identityProvider ?? new sign_dist/* CIContextProvider */.Zk('sigstore'),
            timeout,
            retry: 2,
        }),
        witnesses,
    };
}
async function attestRecord(record, line, signer) {
    const statement = auditStatement(record, line);
    const builder = new sign_dist/* DSSEBundleBuilder */.VV({ signer: signer.signer, witnesses: signer.witnesses });
    const bundle = await builder.create({
        data: Buffer.from(JSON.stringify(statement), 'utf8'),
        type: IN_TOTO_PAYLOAD_TYPE,
    });
    return (0,dist.bundleToJSON)(bundle);
}
const EMPTY_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
};
/**
 * Verifies `bundle` for exactly `recordLine`: the signature (and its witnesses, to the given
 * thresholds) against the trust material, the statement's types, and that its subject digest
 * and embedded record are this line. Never throws.
 */
function verifyRecordAttestation(bundle, recordLine, trust) {
    let payload;
    let signer;
    try {
        const parsed = bundleFromJSON(bundle);
        const material = parsed.verificationMaterial.content.$case;
        if (material === 'x509CertificateChain' || material === 'certificate') {
            if (!trust.identity?.subjectAlternativeName || !trust.identity.extensions?.issuer)
                return {
                    ok: false,
                    problem: 'a keyless bundle needs the expected signer: pass identity { subjectAlternativeName, extensions: { issuer } }',
                };
            if (!trust.trustedRoot)
                return {
                    ok: false,
                    problem: 'a keyless bundle needs the Sigstore trusted root (trustedRoot), e.g. from @sigstore/tuf getTrustedRoot()',
                };
        }
        const root = TrustedRoot.fromJSON(trust.trustedRoot ?? EMPTY_ROOT);
        const keys = trust.publicKeys ?? {};
        const trustMaterial = toTrustMaterial(root, (hint) => {
            const key = keys[hint];
            if (!key)
                throw new Error(`no trusted public key for hint '${hint}'`);
            return { publicKey: typeof key === 'string' ? createPublicKey(key) : key, validFor: () => true };
        });
        const verifier = new Verifier(trustMaterial, {
            tlogThreshold: trust.tlogThreshold ?? 1,
            ctlogThreshold: trust.ctlogThreshold ?? 1,
            timestampThreshold: trust.timestampThreshold ?? 1,
        });
        const who = verifier.verify(toSignedEntity(parsed), trust.identity);
        signer = who.identity?.subjectAlternativeName ?? 'public key';
        if (parsed.content.$case !== 'dsseEnvelope')
            return { ok: false, problem: 'the bundle holds a message signature, not a DSSE attestation' };
        if (parsed.content.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
            return { ok: false, problem: `unexpected payload type ${parsed.content.dsseEnvelope.payloadType}` };
        payload = parsed.content.dsseEnvelope.payload;
    }
    catch (error) {
        return { ok: false, problem: `signature verification failed: ${error.message}` };
    }
    let statement;
    try {
        statement = JSON.parse(payload.toString('utf8'));
    }
    catch {
        return { ok: false, problem: 'the signed payload is not JSON' };
    }
    if (statement._type !== STATEMENT_TYPE || statement.predicateType !== PREDICATE_TYPE) {
        return {
            ok: false,
            problem: `not a reason-for-access statement (${String(statement._type)}, ${String(statement.predicateType)})`,
        };
    }
    const digest = sha256Hex(recordLine);
    const subject = statement.subject?.[0]?.digest?.sha256;
    if (subject !== digest) {
        return {
            ok: false,
            problem: `the bundle attests record digest ${String(subject).slice(0, 12)}…, but this record's digest is ${digest.slice(0, 12)}…; the record was changed or the bundle belongs to another record`,
        };
    }
    if (canonicalJson(statement.predicate?.record) !== recordLine)
        return { ok: false, problem: 'the attested record differs from this record' };
    return { ok: true, subject: digest, signer };
}

// EXTERNAL MODULE: ./lib/workspace.ts
var lib_workspace = __webpack_require__(29907);
// EXTERNAL MODULE: ./lib/schema.ts
var schema = __webpack_require__(96643);
// EXTERNAL MODULE: ./node_modules/@openfga/sdk/dist/index.js
var sdk_dist = __webpack_require__(50102);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/openfga.ts
/**
 * Roles from an OpenFGA authorization graph instead of GitHub teams: for the actor and every
 * approver, one BatchCheck (the official @openfga/sdk) asks whether `user:<login>` has the role's
 * relation on the environment's object, against a pinned authorization model. Like the GitHub
 * adapters, nothing is thrown past here and nothing unknown is a yes: a failed call, a timeout,
 * an unknown store or model, or a per-check error becomes an `unknown` membership carrying the
 * HTTP status and OpenFGA's message, which decide() turns into a recorded denial.
 */

const DEFAULT_OBJECT = 'environment:{environment}';
const DEFAULT_TIMEOUT_MS = 10_000;
function roleSourceRecord(config) {
    return {
        source: 'openfga',
        apiUrl: config.apiUrl,
        storeId: config.storeId,
        authorizationModelId: config.authorizationModelId,
    };
}
/** GitHub logins are case-insensitive and OpenFGA ids are not: tuples use the lower-case login. */
function fgaUser(login) {
    return `user:${login.trim().toLowerCase()}`;
}
function fgaObject(config, environment) {
    return config.object.split('{environment}').join(environment);
}
/**
 * Every (login, role) membership in one BatchCheck. Returns lower-case login -> role ->
 * membership; every question asked gets an answer, `unknown` when OpenFGA did not give one.
 */
async function checkRoles(config, options) {
    const out = new Map();
    const object = fgaObject(config, options.environment);
    const checks = [];
    const asked = new Map();
    for (const { login, roles } of options.questions) {
        const key = login.trim().toLowerCase();
        const answers = out.get(key) ?? {};
        out.set(key, answers);
        for (const role of new Set(roles)) {
            if (answers[role])
                continue;
            const relation = config.relations[role];
            if (!key || relation === undefined) {
                // The loader makes every role the policy names map to a relation; this is defence in depth.
                answers[role] = { state: 'not-member' };
                continue;
            }
            answers[role] = { state: 'unknown', detail: `OpenFGA gave no answer for ${role}` };
            // Correlation ids must match ^[\w\d-]{1,36}$, so they are indexes, not logins.
            const correlationId = `q${checks.length}`;
            asked.set(correlationId, { login: key, role });
            checks.push({ user: fgaUser(key), relation, object, correlationId });
        }
    }
    if (checks.length === 0)
        return out;
    const where = `store ${config.storeId}, model ${config.authorizationModelId}`;
    let result;
    try {
        result = (await client(config, options.token).batchCheck({ checks }, 
        // The server takes 50 checks per request by default; more approvers, more requests, in turn.
        { maxBatchSize: 50, maxParallelRequests: 1 })).result;
    }
    catch (error) {
        const detail = describeFgaError(`batch-check on ${object} (${where})`, error);
        for (const { login, role } of asked.values())
            out.get(login)[role] = { state: 'unknown', detail };
        return out;
    }
    for (const item of result) {
        const q = asked.get(item.correlationId);
        if (!q)
            continue;
        const answers = out.get(q.login);
        if (isCheckError(item.error))
            answers[q.role] = {
                state: 'unknown',
                detail: `OpenFGA could not check ${item.request.user} ${item.request.relation} ${object} (${where}): ${checkErrorText(item.error)}`,
            };
        else
            answers[q.role] = item.allowed === true ? { state: 'member' } : { state: 'not-member' };
    }
    return out;
}
/**
 * The actor's roles and each approver's approver roles from OpenFGA, in one BatchCheck. The
 * approvals themselves still come from GitHub; only who holds which role comes from the graph.
 */
async function openFgaFacts(config, q) {
    const questions = [{ login: q.actor, roles: q.actorRoles }];
    if (q.approvals.state === 'known')
        for (const a of q.approvals.approvals)
            questions.push({ login: a.user, roles: q.approverRoles });
    const answers = await checkRoles(config, { token: q.token, environment: q.environment, questions });
    const notMember = { state: 'not-member' };
    const rolesOf = (login, names) => {
        const held = answers.get(login.trim().toLowerCase()) ?? {};
        return Object.fromEntries(names.map((role) => [role, held[role] ?? notMember]));
    };
    return {
        actorRoles: rolesOf(q.actor, q.actorRoles),
        approvals: q.approvals.state === 'known'
            ? {
                state: 'known',
                approvals: q.approvals.approvals.map((a) => ({ ...a, roles: rolesOf(a.user, q.approverRoles) })),
            }
            : q.approvals,
    };
}
function client(config, token) {
    return new sdk_dist.OpenFgaClient({
        apiUrl: config.apiUrl,
        storeId: config.storeId,
        authorizationModelId: config.authorizationModelId,
        ...(token ? { credentials: { method: sdk_dist.CredentialsMethod.ApiToken, config: { token } } } : {}),
        // Spread into every request's axios options: the SDK's own default is a fixed 10 s.
        baseOptions: { timeout: config.timeoutMs, headers: { 'User-Agent': 'summit-ops/reason-for-access' } },
        // One retry for 429/5xx/network errors; a dead server must not hold the deploy for minutes.
        retryParams: { maxRetry: 1, minWaitInMs: 200 },
    });
}
/**
 * `OpenFGA 400 on batch-check on environment:prod (store …, model …): latest_authorization_model_not_found: …`.
 * Only the status, OpenFGA's error code and message are used: the SDK's error also carries the
 * request's headers (the bearer token), which must never reach a record or a log.
 */
function describeFgaError(what, error) {
    if (error instanceof sdk_dist.FgaApiError && typeof error.statusCode === 'number') {
        const data = error.responseData;
        const code = typeof data?.code === 'string' ? data.code : '';
        const text = (typeof data?.message === 'string' ? data.message : (error.apiErrorMessage ?? error.statusText ?? '')).slice(0, 300);
        const hint = error.statusCode === 401 || error.statusCode === 403
            ? ' (the openfga-token is missing, invalid or lacks access to the store)'
            : error.statusCode === 404
                ? ' (check apiUrl and storeId)'
                : /authorization_model_not_found/i.test(code)
                    ? ' (check storeId and authorizationModelId: the model must exist in that store)'
                    : error.statusCode >= 500
                        ? ' (OpenFGA is failing; retry the run later)'
                        : '';
        return `OpenFGA ${error.statusCode} on ${what}: ${[code, text].filter(Boolean).join(': ') || 'no message'}${hint}`;
    }
    // A network failure or timeout: the SDK wraps axios' error as `FGA Error: <axios message>`.
    const text = (error instanceof Error ? error.message : String(error)).replace(/^FGA Error:\s*/, '');
    const timedOut = /timeout|ECONNABORTED|ETIMEDOUT/i.test(text);
    return `OpenFGA unreachable on ${what} (${timedOut ? 'timed out: ' : ''}${text.slice(0, 200) || 'no message'})`;
}
function checkErrorText(error) {
    const code = [error.input_error, error.internal_error].find((c) => c && !/^no_(internal_)?error$/.test(c));
    const text = typeof error.message === 'string' ? error.message.slice(0, 300) : '';
    return [code ?? '', text].filter(Boolean).join(': ') || 'error without a message';
}
/**
 * OpenFGA's API documentation shows `error: { message: '' }` beside successful results, and its
 * error codes include `no_error` / `no_internal_error`: only a message or a real code is an error.
 */
function isCheckError(error) {
    if (!error)
        return false;
    const code = (c) => c !== undefined && c !== '' && !/^no_(internal_)?error$/.test(c);
    return !!error.message || code(error.input_error) || code(error.internal_error);
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/openfga-policy.ts
/**
 * The access policy's `roles: { source: openfga, … }` form: its JSON Schema and the checks the
 * schema cannot express. The roles it defines are the keys of `relations`, so every role an
 * environment names must map to a relation of the model.
 */

// OpenFGA store and model ids are ULIDs.
const ulid = { type: 'string', pattern: '^[0-7][0-9A-HJKMNP-TV-Z]{25}$' };
const openFgaRolesSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['source', 'apiUrl', 'storeId', 'authorizationModelId', 'relations'],
    description: 'Roles from an OpenFGA store: a role is held when OpenFGA says user:<login> has its relation on the environment object. The API token is the openfga-token input.',
    properties: {
        source: { enum: ['openfga'] },
        apiUrl: {
            type: 'string',
            pattern: '^https?://\\S+$',
            description: 'Base URL of the OpenFGA HTTP API (https://, or http:// on 127.0.0.1/localhost).',
        },
        storeId: ulid,
        authorizationModelId: {
            ...ulid,
            description: 'The model to check against, pinned: a new model changes nothing until the policy says so.',
        },
        relations: {
            type: 'object',
            minProperties: 1,
            description: 'Role name -> relation on the environment object, e.g. release-captain: release_captain.',
            propertyNames: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            additionalProperties: { type: 'string', pattern: '^[^:#@\\s]{1,50}$' },
        },
        object: {
            type: 'string',
            pattern: '^[^:#@\\s]{1,254}:[^#@\\s]*\\{environment\\}[^#@\\s]*$',
            description: "The object each role is checked on; default 'environment:{environment}'.",
        },
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: 60, description: 'Per request; default 10.' },
    },
};
function isOpenFgaRoles(raw) {
    return typeof raw === 'object' && raw !== null && raw.source === 'openfga';
}
/**
 * The role source from a schema-valid `roles:` block; `fail(path, message)` throws a ConfigError at
 * that key. `rolesFile` lists GitHub users for roles, which would bypass the graph.
 */
function openFgaRoleSource(raw, rolesFile, fail) {
    if (/^http:\/\//i.test(raw.apiUrl) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(raw.apiUrl))
        fail(['roles', 'apiUrl'], 'roles.apiUrl must use https:// (role answers and the token over plain HTTP can be read or swapped in transit)');
    if (rolesFile !== undefined)
        fail(['rolesFile'], 'rolesFile cannot be combined with roles.source: openfga; grant the role with a tuple in the OpenFGA store instead');
    return {
        source: 'openfga',
        apiUrl: raw.apiUrl.replace(/\/+$/, ''),
        storeId: raw.storeId,
        authorizationModelId: raw.authorizationModelId,
        relations: { ...raw.relations },
        object: raw.object ?? DEFAULT_OBJECT,
        timeoutMs: raw.timeoutSeconds === undefined ? DEFAULT_TIMEOUT_MS : raw.timeoutSeconds * 1000,
    };
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/policy-schema.ts
/**
 * JSON Schema (2020-12) of the access-policy file. Kept as a module so the bundle needs no file
 * beside it; schema/access-policy.schema.json is the published copy for editors, and a test keeps
 * the two identical.
 */

const roleName = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };
const roleList = { type: 'array', items: roleName, uniqueItems: true };
const isoInstant = {
    type: 'string',
    // An offset is required: a freeze window without a time zone means different things on each runner.
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
    format: 'date-time',
};
const clock = { type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' };
const kindRule = {
    type: 'object',
    additionalProperties: false,
    properties: {
        roles: {
            ...roleList,
            description: 'The actor must hold at least one of these roles. Empty or absent: no role needed.',
        },
        assurance: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Every listed method must appear in the verified assurance claim (e.g. webauthn, hwk, mfa).',
        },
        dualControl: {
            description: 'true, or an object: an approver other than the actor is required.',
            oneOf: [
                { type: 'boolean' },
                {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        approverRoles: {
                            ...roleList,
                            description: 'An approval counts only when the approver holds one of these roles.',
                        },
                        minApprovals: { type: 'integer', minimum: 1, maximum: 10 },
                    },
                },
            ],
        },
        refs: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1 },
            description: "Allowed git refs: globs ('*' within a segment, '**' across) or /regex/ (matched against the whole ref).",
        },
    },
};
const freezeWindow = {
    oneOf: [
        {
            type: 'object',
            additionalProperties: false,
            required: ['start', 'end'],
            properties: { start: isoInstant, end: isoInstant, note: { type: 'string' } },
        },
        {
            type: 'object',
            additionalProperties: false,
            required: ['weekly'],
            properties: {
                weekly: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['days', 'from', 'to', 'timeZone'],
                    properties: {
                        days: {
                            type: 'array',
                            minItems: 1,
                            uniqueItems: true,
                            items: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
                        },
                        from: clock,
                        to: clock,
                        timeZone: {
                            type: 'string',
                            minLength: 1,
                            description: 'An IANA zone such as Europe/Berlin or UTC.',
                        },
                    },
                },
                note: { type: 'string' },
            },
        },
    ],
};
const githubRoles = {
    type: 'object',
    description: 'Role name -> who holds it: GitHub teams (org/team-slug; {owner} is the repository owner) and/or users.',
    propertyNames: roleName,
    additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
            teams: {
                type: 'array',
                uniqueItems: true,
                items: {
                    type: 'string',
                    pattern: '^(\\{owner\\}|[A-Za-z0-9][A-Za-z0-9-]*)/[A-Za-z0-9][A-Za-z0-9_.-]*$',
                },
            },
            users: {
                type: 'array',
                uniqueItems: true,
                items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*(\\[bot\\])?$' },
            },
        },
    },
};
const accessPolicySchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/summit-ops/summit-ops/actions/reason-for-access/schema/access-policy.schema.json',
    title: 'reason-for-access access policy',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'environments'],
    properties: {
        version: { const: 1 },
        reason: {
            type: 'object',
            additionalProperties: false,
            properties: {
                minLength: { type: 'integer', minimum: 1, maximum: 500 },
                maxLength: { type: 'integer', minimum: 10, maximum: 5000 },
                ticketPattern: { type: 'string', minLength: 1, maxLength: 200 },
                ticketHint: { type: 'string' },
            },
        },
        roles: {
            description: 'Either role name -> who holds it (GitHub teams and users), or { source: openfga, … }: roles from an OpenFGA store.',
            if: { type: 'object', required: ['source'], properties: { source: { type: 'string' } } },
            then: openFgaRolesSchema,
            else: githubRoles,
        },
        rolesFile: {
            type: 'string',
            minLength: 1,
            description: 'Workspace-relative YAML file: { roles: { <role>: [users] } }.',
        },
        assurance: {
            type: 'object',
            additionalProperties: false,
            required: ['issuer', 'audience', 'jwks'],
            properties: {
                issuer: { type: 'string', minLength: 1 },
                audience: { type: 'string', minLength: 1 },
                jwks: {
                    type: 'string',
                    minLength: 1,
                    description: 'https:// URL of the JWKS, or a workspace-relative file.',
                },
                actorClaim: {
                    type: 'string',
                    minLength: 1,
                    description: 'Claim holding the GitHub login; default github_login.',
                },
                methodsClaim: {
                    type: 'string',
                    minLength: 1,
                    description: 'Claim listing authentication methods; default amr.',
                },
                maxAgeSeconds: {
                    type: 'integer',
                    minimum: 30,
                    maximum: 86400,
                    description: 'Maximum age of auth_time; default 900.',
                },
            },
        },
        environments: {
            type: 'object',
            minProperties: 1,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    freeze: { type: 'array', items: freezeWindow },
                    deploy: kindRule,
                    delete: kindRule,
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./actions/reason-for-access/src/policy-semantics.ts
/**
 * The parts of an access policy that two engines read: decide() (JavaScript: Intl, RegExp) and
 * policy/opa/abac.rego (Go: time.LoadLocation, RE2, glob). The loader only accepts values both
 * read the same way and stores them in one canonical spelling, so the policy means one thing.
 */
/** Offsets are accepted as whole hours only: Go knows fixed offsets only as Etc/GMT±h zones. */
const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/;
/**
 * The IANA name Go's tzdata knows for `zone` (`utc` -> `UTC`, `europe/berlin` -> `Europe/Berlin`,
 * `+03:00` -> `Etc/GMT-3`), or an Error saying what to write instead.
 */
function canonicalTimeZone(zone) {
    const offset = OFFSET.exec(zone.trim());
    if (offset) {
        const [, sign, hh, mm = '00'] = offset;
        const hours = Number(hh);
        if (mm !== '00' || hours > 14)
            return new Error(`time zone offset '${zone}' has no IANA name (only whole-hour offsets map to Etc/GMT±h); use the region's zone, e.g. Asia/Kolkata for +05:30`);
        if (hours === 0)
            return 'UTC';
        // POSIX-style names invert the sign: UTC+03:00 is Etc/GMT-3.
        return `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`;
    }
    let resolved;
    try {
        resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    }
    catch {
        return new Error(`unknown time zone '${zone}'; use an IANA name such as Europe/Berlin or UTC`);
    }
    // ICU also resolves names Go does not know (offsets, its own aliases): accept only the IANA
    // names of the tz database, which every Go build carries.
    if (resolved === 'UTC' || KNOWN_ZONES().has(resolved))
        return resolved;
    return new Error(`time zone '${zone}' is not an IANA zone name; use one such as Europe/Berlin or UTC`);
}
let known;
function KNOWN_ZONES() {
    known ??= new Set([
        ...Intl.supportedValuesOf('timeZone'),
        // Canonical names ICU spells by their older alias; both spellings are in the tz database.
        'Asia/Kolkata',
        'Asia/Calcutta',
        'Europe/Kyiv',
        'Europe/Kiev',
        'Asia/Ho_Chi_Minh',
        'Asia/Saigon',
        'Asia/Kathmandu',
        'Asia/Katmandu',
        'America/Nuuk',
        'America/Godthab',
    ]);
    for (let h = 1; h <= 14; h++) {
        known.add(`Etc/GMT-${h}`);
        if (h <= 12)
            known.add(`Etc/GMT+${h}`);
    }
    return known;
}
/**
 * Checks that a /regex/ ref pattern is in the common subset of JavaScript (with the `u` flag) and
 * RE2: no lookaround, no backreferences, no named groups, no inline flags, no escapes that only
 * one of them knows, no `\s` (its meaning differs), repetition counts up to RE2's 1000.
 * Returns the problem, or undefined when the pattern is portable.
 */
function re2Problem(source) {
    const ESCAPES = new Set([...'dDwWbB.*+?()[]{}|^$\\/-nrtf']);
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') {
            const n = source[i + 1];
            if (n === undefined)
                return 'it ends with a lone backslash';
            if (/[1-9]/.test(n))
                return `\\${n} is a backreference, which RE2 (OPA) does not support`;
            if (n === 'k')
                return '\\k<name> is a backreference, which RE2 (OPA) does not support';
            if (n === 's' || n === 'S')
                return `\\${n} matches different characters in JavaScript and RE2; write the characters, e.g. [ \\t]`;
            if (n === 'x') {
                if (!/^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4)))
                    return '\\x must be followed by two hex digits';
                i += 3;
                continue;
            }
            if (n === 'p' || n === 'P') {
                const m = /^\{[A-Za-z_]+\}/.exec(source.slice(i + 2));
                if (!m)
                    return `\\${n} must name a Unicode class in braces, e.g. \\p{L}`;
                i += 1 + m[0].length;
                continue;
            }
            if (!ESCAPES.has(n))
                return `\\${n} is an escape that JavaScript and RE2 (OPA) do not read the same way`;
            i++;
            continue;
        }
        if (inClass) {
            if (c === ']')
                inClass = false;
            else if (c === '[' && source[i + 1] === ':')
                return 'POSIX classes like [:alpha:] are RE2-only';
            continue;
        }
        if (c === '[') {
            if (source[i + 1] === ']' || source.slice(i + 1, i + 3) === '^]')
                return `'[]' and '[^]' mean different things in JavaScript and RE2`;
            inClass = true;
            // A leading ] or ^] is literal in RE2 but closes the class in JavaScript: rejected above.
            if (source[i + 1] === '^')
                i++;
            continue;
        }
        if (c === '(' && source[i + 1] === '?') {
            if (source[i + 2] === ':')
                continue;
            const what = source.startsWith('(?=', i) || source.startsWith('(?!', i)
                ? 'lookahead'
                : source.startsWith('(?<=', i) || source.startsWith('(?<!', i)
                    ? 'lookbehind'
                    : source.startsWith('(?<', i) || source.startsWith('(?P', i)
                        ? 'a named group'
                        : 'an inline flag';
            return `${what} '${source.slice(i, i + 4)}…' is not supported by RE2 (OPA); use (?:…) and plain alternatives`;
        }
        if (c === '{') {
            const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
            if (m && (Number(m[1]) > 1000 || (m[3] !== undefined && m[3] !== '' && Number(m[3]) > 1000)))
                return `a repetition count over 1000 (${m[0]}) is rejected by RE2 (OPA)`;
        }
    }
    return undefined;
}
/** Characters OPA's glob.match treats as syntax ({a,b}, [a-z], escapes) but our globs treat literally. */
const GLOB_SPECIAL = /[{}[\]\\]/;
/**
 * A GitHub login as both engines compare it: NFC, without surrounding whitespace or invisible
 * characters (JavaScript's trim() and Go's strings.TrimSpace disagree on U+0085 and U+FEFF).
 */
function normalizeLogin(login) {
    return login
        .normalize('NFC')
        .replace(/^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+|[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+$/gu, '');
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/reason.ts
/**
 * The reason a person gives for privileged access. It is data end to end: it is never interpolated
 * into a shell, a workflow expression or Markdown without escaping. Validation is pure; the secret
 * scanner is injected so this file does not depend on how DLP is implemented.
 */
/**
 * A key of 2+ capitals/digits starting with two letters, a dash and a number (CHG-1234, PAY-77), or
 * INC0042 — except the algorithm, encoding and standard names that share the shape (UTF-8,
 * SHA-256, AES-128, ISO-8601, RFC-7519, CVE-2024…), which cite nothing.
 */
const DEFAULT_TICKET_PATTERN = String.raw `\b(?!(?:UTF|UCS|SHA|MD|AES|DES|RSA|CRC|ISO|RFC|TLS|SSL|HTTP|CVE|CWE|IPV)-)(?:[A-Z]{2}[A-Z0-9]*-\d+|INC\d+)\b`;
const DEFAULT_REASON_RULES = {
    minLength: 20,
    maxLength: 1000,
    ticketPattern: new RegExp(DEFAULT_TICKET_PATTERN),
    ticketHint: 'a change ticket such as CHG-1234 or an incident such as INC0042',
};
// C0 and C1 control characters, DEL, and the Unicode bidi/format characters that make text
// display differently from what it is (Trojan Source), plus zero-width joiners and BOM.
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029\t\v\f]+/g;
// Also the soft hyphen (invisible, splits a word a reviewer reads as one) and the Unicode tag
// characters U+E0000-E007F (invisible text that can smuggle instructions past a human reader).
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/gu;
/**
 * Line breaks and tabs become one space (so words do not fuse); every other control or
 * direction-changing character is removed. Shell metacharacters are kept: they are harmless as
 * data, and removing them would falsify what the person wrote.
 */
function sanitizeReason(raw) {
    return raw.normalize('NFC').replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}
/**
 * The texts the secret scanner sees, so a token split by whitespace is still that token:
 * - the sanitised reason;
 * - the raw text with every line break (and the indentation around it) and every invisible
 *   character removed: a token wrapped over lines is joined again, word boundaries elsewhere kept;
 * - each run of 2 to 4 adjacent words glued together, one run per line: a token split by spaces
 *   or tabs is whole on one of those lines (runs longer than any credential are skipped).
 * All are bounded by the length check that runs first (at most 4x the reason's length).
 */
function scanViews(raw, sanitized) {
    const unwrapped = raw
        .normalize('NFC')
        .replace(/[ \t]*(?:\r\n|[\r\n\u0085\u2028\u2029\v\f])[ \t]*/gu, '')
        .replace(INVISIBLE, '')
        .replace(/ {2,}/g, ' ')
        .trim();
    const words = sanitized.split(' ');
    const runs = [];
    for (let i = 0; i < words.length - 1; i++) {
        let glued = words[i];
        for (let n = 2; n <= 4 && i + n <= words.length; n++) {
            glued += words[i + n - 1];
            if (glued.length > MAX_GLUED)
                break;
            runs.push(glued);
        }
    }
    return [...new Set([sanitized, unwrapped, runs.join('\n')])].filter((view) => view !== '');
}
/** Longer than any credential shape the DLP rules look for (PEM keys have line breaks, not spaces). */
const MAX_GLUED = 512;
function checkReason(raw, rules, scan) {
    const reason = sanitizeReason(raw ?? '');
    const problems = [];
    if (reason === '') {
        return {
            ok: false,
            reason,
            tickets: [],
            problems: ['the reason is empty; say why you need access and cite the ticket or incident'],
        };
    }
    const length = [...reason].length;
    if (length > rules.maxLength) {
        // Checked before the scan: the scan is the expensive part, and an over-long reason is refused
        // anyway. It cannot be cleared of secrets, so it is not stored either.
        return {
            ok: false,
            reason: '[withheld: too long to be checked]',
            tickets: [],
            problems: [
                `the reason is ${length} characters; at most ${rules.maxLength} are allowed (link to the ticket instead)`,
            ],
        };
    }
    if (length < rules.minLength) {
        problems.push(`the reason is ${length} characters; at least ${rules.minLength} are required (say what and why, and cite the ticket)`);
    }
    const global = new RegExp(rules.ticketPattern.source, rules.ticketPattern.flags.replace('g', '') + 'g');
    const tickets = [...new Set([...reason.matchAll(global)].map((m) => m[0]))];
    if (tickets.length === 0)
        problems.push(`the reason cites no ticket or incident; expected ${rules.ticketHint}`);
    let withheld;
    if (!scan) {
        // Fail closed: without a scanner nobody can say the reason is free of secrets.
        problems.push('no secret/PII scanner is configured, so the reason cannot be cleared; this is a bug in the action');
    }
    else {
        let found = [];
        try {
            // A token split by a line break or spaces is still that token: the detectors also see the
            // text with every space removed (which can only add findings, never hide one).
            for (const text of scanViews(raw ?? '', reason))
                found.push(...scan(text));
        }
        catch (error) {
            found = [];
            problems.push(`the secret/PII scan failed (${error instanceof Error ? error.name : 'error'}); the reason cannot be cleared`);
        }
        const ruleIds = [...new Set(found.map((f) => f.ruleId))].sort();
        if (ruleIds.length > 0) {
            // Only the rule ids: the matched text must not reach a log, an output or this message.
            problems.push(`the reason contains what looks like a secret or personal data (${ruleIds.join(', ')}); remove it and refer to the ticket instead`);
            withheld = `[withheld: matched ${ruleIds.join(', ')}]`;
        }
    }
    return {
        ok: problems.length === 0,
        reason: withheld ?? reason,
        tickets: withheld ? [] : tickets,
        problems,
    };
}
/** Builds ReasonRules from policy data, compiling the pattern; throws a clear error for a bad regex. */
function reasonRules(options = {}) {
    let ticketPattern = DEFAULT_REASON_RULES.ticketPattern;
    if (options.ticketPattern !== undefined) {
        try {
            ticketPattern = new RegExp(options.ticketPattern, 'u');
        }
        catch (error) {
            throw new Error(`reason.ticketPattern is not a valid regular expression: ${error.message}`);
        }
    }
    return {
        minLength: options.minLength ?? DEFAULT_REASON_RULES.minLength,
        maxLength: options.maxLength ?? DEFAULT_REASON_RULES.maxLength,
        ticketPattern,
        ticketHint: options.ticketHint ??
            (options.ticketPattern ? `a match for /${options.ticketPattern}/` : DEFAULT_REASON_RULES.ticketHint),
    };
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/policy.ts
/**
 * The access-policy file: per environment and request kind, who may act (roles), how strongly they
 * must have authenticated (assurance), whether a second person must approve (dual control), from
 * which refs, and when nothing may happen at all (freeze windows). Loading is the only I/O here;
 * every problem is a ConfigError naming file:line:column.
 */









const REQUEST_KINDS = ['deploy', 'delete'];
const WEEKDAYS = (/* unused pure expression or super */ null && (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']));
/**
 * The built-in policy, used when the access-policy input is empty. It is deliberately strict:
 * production needs a release captain (a member of the repository owner's `release-captains`
 * team), a second release captain's approval, and main or a vX.Y.Z tag. Any other environment is
 * unknown and therefore denied. It requires no assurance because that needs an identity provider.
 */
const BUILT_IN_POLICY_YAML = String.raw `# Built-in access policy of reason-for-access (used when the access-policy input is empty).
version: 1
reason:
  minLength: 20
  ticketPattern: '\b(?!(?:UTF|UCS|SHA|MD|AES|DES|RSA|CRC|ISO|RFC|TLS|SSL|HTTP|CVE|CWE|IPV)-)(?:[A-Z]{2}[A-Z0-9]*-\d+|INC\d+)\b'
  ticketHint: a change ticket such as CHG-1234 or an incident such as INC0042
roles:
  release-captain:
    teams: ['{owner}/release-captains']
environments:
  production: &production
    deploy:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain] }
      refs: ['refs/heads/main', '/refs\/tags\/v\d+\.\d+\.\d+/']
    delete:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain] }
  prod: *production
`;
const validate = (0,schema/* compileSchema */.Fc)(accessPolicySchema);
/**
 * A run on the default branch reads the policy from its own checkout. Any other ref (a branch or
 * tag anyone with write access can push, then dispatch on) reads it from the default branch, so a
 * pushed branch cannot ship a more permissive policy for its own promotion.
 */
function policySource(path, ref, defaultBranch) {
    if (!path)
        return { from: 'built-in' };
    if (ref === `refs/heads/${defaultBranch}`)
        return { from: 'workspace', path };
    return { from: 'default-branch', path, branch: defaultBranch };
}
/** Loads the policy at `path` (workspace-relative), or the built-in one when path is empty. */
async function loadAccessPolicy(path, options) {
    if (!path) {
        return {
            policy: parseAccessPolicy('built-in', BUILT_IN_POLICY_YAML, options),
            source: 'built-in',
            digest: (0,digest/* sha256Hex */.f)(BUILT_IN_POLICY_YAML),
        };
    }
    const read = (file, hint) => options.read ? readVia(options.read, file) : readText(options.workspace, file, hint);
    const text = await read(path, 'check the access-policy input');
    const loaded = (0,config/* parseConfig */.o4)(path, text);
    const rolesFile = typeof loaded.value?.rolesFile === 'string' ? loaded.value.rolesFile : undefined;
    let extraUsers = {};
    let hashed = text;
    if (rolesFile) {
        if ((0,external_node_path_.isAbsolute)(rolesFile) || rolesFile.split(/[\\/]/).includes('..')) {
            throw new config/* ConfigError */.xL(path, loaded.locate(['rolesFile']), 'rolesFile must be a path inside the workspace');
        }
        const rolesText = await read(rolesFile, `check rolesFile in ${path}`);
        hashed = `${text}\0${rolesText}`;
        extraUsers = parseRolesFile(rolesFile, rolesText);
    }
    return {
        policy: fromConfig(loaded, options, extraUsers),
        source: options.sourceName ? options.sourceName(path) : path,
        digest: (0,digest/* sha256Hex */.f)(hashed),
    };
}
/** Parses and checks policy text (no rolesFile reading: that needs I/O). */
function parseAccessPolicy(file, text, options = {}, extraUsers = {}) {
    return fromConfig((0,config/* parseConfig */.o4)(file, text), options, extraUsers);
}
/** A roles file: `roles: { <role>: [github-login, ...] }`. */
function parseRolesFile(file, text) {
    const loaded = (0,config/* parseConfig */.o4)(file, text);
    const roles = loaded.value?.roles;
    if (!roles || typeof roles !== 'object' || Array.isArray(roles)) {
        throw new config/* ConfigError */.xL(file, loaded.locate([]), "expected a mapping 'roles:' of role name to a list of GitHub logins");
    }
    const out = {};
    for (const [role, users] of Object.entries(roles)) {
        if (!/^[a-z][a-z0-9-]*$/.test(role))
            throw new config/* ConfigError */.xL(file, loaded.locateKey(['roles', role]), `role name '${role}' must be lowercase letters, digits and '-'`);
        if (!Array.isArray(users) ||
            users.some((u) => typeof u !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(u))) {
            throw new config/* ConfigError */.xL(file, loaded.locate(['roles', role]), `roles.${role} must be a list of GitHub logins`);
        }
        out[role] = users;
    }
    return out;
}
function fromConfig(loaded, options, extraUsers) {
    const [problem] = (0,schema/* validateConfig */.$r)(loaded, validate);
    if (problem)
        throw new config/* ConfigError */.xL(problem.file, problem, problem.message);
    // The schema guarantees the shape from here on.
    const raw = loaded.value;
    const fail = (path, message, key = false) => {
        throw new config/* ConfigError */.xL(loaded.file, key ? loaded.locateKey(path) : loaded.locate(path), message);
    };
    const reason = {
        minLength: raw.reason?.minLength ?? 20,
        maxLength: raw.reason?.maxLength ?? 1000,
        ticketPattern: raw.reason?.ticketPattern ?? DEFAULT_TICKET_PATTERN,
    };
    if (raw.reason?.ticketHint)
        reason.ticketHint = raw.reason.ticketHint;
    if (reason.minLength > reason.maxLength)
        fail(['reason', 'minLength'], `reason.minLength (${reason.minLength}) is greater than reason.maxLength (${reason.maxLength})`);
    try {
        reasonRules(reason);
    }
    catch (error) {
        fail(['reason', 'ticketPattern'], error.message);
    }
    const roles = {};
    let roleSource;
    if (isOpenFgaRoles(raw.roles)) {
        roleSource = openFgaRoleSource(raw.roles, raw.rolesFile, fail);
        for (const name of Object.keys(roleSource.relations))
            roles[name] = { teams: [], users: [] };
    }
    const rolesWhere = roleSource ? 'roles.relations' : 'roles:';
    for (const [name, source] of Object.entries(isOpenFgaRoles(raw.roles) ? {} : (raw.roles ?? {}))) {
        const teams = (source.teams ?? []).map((team) => {
            if (!team.includes('{owner}'))
                return team;
            if (!options.owner)
                fail(['roles', name, 'teams'], `roles.${name}: '{owner}' needs the repository owner, which is unknown outside a workflow; name the org`);
            return team.replace('{owner}', options.owner);
        });
        roles[name] = { teams, users: [...(source.users ?? [])] };
    }
    for (const [name, users] of Object.entries(extraUsers)) {
        const role = (roles[name] ??= { teams: [], users: [] });
        role.users = [...new Set([...role.users, ...users])];
    }
    let assurance;
    if (raw.assurance) {
        assurance = {
            issuer: raw.assurance.issuer,
            audience: raw.assurance.audience,
            jwks: raw.assurance.jwks,
            actorClaim: raw.assurance.actorClaim ?? 'github_login',
            methodsClaim: raw.assurance.methodsClaim ?? 'amr',
            maxAgeSeconds: raw.assurance.maxAgeSeconds ?? 900,
        };
        if (/^http:\/\//i.test(assurance.jwks) &&
            !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(assurance.jwks)) {
            fail(['assurance', 'jwks'], 'assurance.jwks must use https:// (keys fetched over plain HTTP can be swapped in transit)');
        }
    }
    const environments = {};
    const seen = new Map();
    for (const [env, rawEnv] of Object.entries(raw.environments)) {
        // GitHub treats environment names case-insensitively; two spellings would be ambiguous.
        const folded = env.toLowerCase();
        if (seen.has(folded))
            fail(['environments', env], `environment '${env}' differs from '${seen.get(folded)}' only by case; GitHub treats them as one`, true);
        seen.set(folded, env);
        const out = { freeze: [] };
        (rawEnv.freeze ?? []).forEach((window, i) => {
            const at = ['environments', env, 'freeze', i];
            if ('start' in window) {
                if (!(Date.parse(window.start) < Date.parse(window.end)))
                    fail([...at, 'end'], `freeze window ${i + 1}: end (${window.end}) must be after start (${window.start})`);
                for (const edge of ['start', 'end']) {
                    // A day that does not exist (02-30) rolls over in JavaScript but is an error in Go.
                    if (!sameCalendarDate(window[edge]))
                        fail([...at, edge], `freeze window ${i + 1}: ${edge} (${window[edge]}) is not a real date and time`);
                }
                // Stored as RFC 3339 in UTC with seconds: what Go's time.parse_rfc3339_ns requires.
                out.freeze.push({
                    ...window,
                    start: new Date(window.start).toISOString(),
                    end: new Date(window.end).toISOString(),
                });
            }
            else {
                const zone = canonicalTimeZone(window.weekly.timeZone);
                if (zone instanceof Error)
                    fail([...at, 'weekly', 'timeZone'], zone.message);
                if (window.weekly.from >= window.weekly.to)
                    fail([...at, 'weekly', 'to'], `weekly window: to (${window.weekly.to}) must be after from (${window.weekly.from}); split a window that crosses midnight in two`);
                out.freeze.push({ ...window, weekly: { ...window.weekly, timeZone: zone } });
            }
        });
        for (const kind of REQUEST_KINDS) {
            const rule = rawEnv[kind];
            if (!rule)
                continue;
            const at = ['environments', env, kind];
            for (const [i, role] of (rule.roles ?? []).entries()) {
                if (!roles[role])
                    fail([...at, 'roles', i], `role '${role}' is not defined under ${rolesWhere}${raw.rolesFile ? ` or in ${raw.rolesFile}` : ''}`);
            }
            if ((rule.assurance ?? []).length > 0 && !assurance) {
                fail([...at, 'assurance'], `${env}.${kind} requires assurance, but the policy has no top-level assurance: section (issuer, audience, jwks)`);
            }
            let dualControl = null;
            if (rule.dualControl === true)
                dualControl = { approverRoles: [], minApprovals: 1 };
            else if (rule.dualControl && typeof rule.dualControl === 'object') {
                dualControl = {
                    approverRoles: rule.dualControl.approverRoles ?? [],
                    minApprovals: rule.dualControl.minApprovals ?? 1,
                };
                for (const [i, role] of dualControl.approverRoles.entries()) {
                    if (!roles[role])
                        fail([...at, 'dualControl', 'approverRoles', i], `role '${role}' is not defined under ${rolesWhere}`);
                }
            }
            for (const [i, pattern] of (rule.refs ?? []).entries()) {
                try {
                    refPatternToRegExp(pattern);
                }
                catch (error) {
                    fail([...at, 'refs', i], error.message);
                }
            }
            out[kind] = {
                roles: rule.roles ?? [],
                assurance: rule.assurance ?? [],
                dualControl,
                refs: rule.refs ?? null,
            };
        }
        environments[env] = out;
    }
    const policy = { version: 1, reason, roles, environments };
    if (roleSource)
        policy.roleSource = roleSource;
    if (assurance)
        policy.assurance = assurance;
    return policy;
}
/**
 * `/regex/` matches the whole ref; anything else is a glob where `*` stays within one path
 * segment and `**` crosses segments. Globs must be full refs so `main` cannot silently match
 * nothing (or a tag named main).
 */
function refPatternToRegExp(pattern) {
    if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
        const problem = re2Problem(pattern.slice(1, -1));
        if (problem)
            throw new Error(`ref pattern ${pattern}: ${problem} (the same pattern must mean the same in the built-in rules and in OPA)`);
        try {
            return new RegExp(`^(?:${pattern.slice(1, -1)})$`, 'u');
        }
        catch (error) {
            throw new Error(`ref pattern ${pattern} is not a valid regular expression: ${error.message}`);
        }
    }
    if (!pattern.startsWith('refs/'))
        throw new Error(`ref pattern '${pattern}' must be a full ref such as refs/heads/main or refs/tags/v*, or a /regex/`);
    if (GLOB_SPECIAL.test(pattern))
        throw new Error(`ref pattern '${pattern}' contains { } [ ] or \\, which OPA's glob.match reads as syntax; use a /regex/ for those`);
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else
            source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, 'u');
}
/** The instant's written date and time exist (JavaScript would roll 02-30 over to 03-02). */
function sameCalendarDate(instant) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
    if (!m)
        return false;
    const [, y, mo, d, h, mi] = m.map(Number);
    const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
    return (probe.getUTCFullYear() === y &&
        probe.getUTCMonth() === mo - 1 &&
        probe.getUTCDate() === d &&
        probe.getUTCHours() === h &&
        probe.getUTCMinutes() === mi);
}
async function readVia(read, file) {
    try {
        return await read(file);
    }
    catch (error) {
        throw new config/* ConfigError */.xL(file, { line: 1, column: 1 }, error.message);
    }
}
/**
 * A workspace file the policy names (the policy, its roles file, a JWKS), or a ConfigError at it.
 * A committed symlink to a file outside the repository, a FIFO or a device is no file of the
 * repository: lib/workspace.ts refuses it unread.
 */
async function readText(workspace, file, hint) {
    const read = await (0,lib_workspace/* readWorkspaceFile */.sL)(workspace, file);
    if (read.ok)
        return read.text;
    const why = read.why.endsWith(': not found') ? `file not found; ${hint}` : `${read.why}; ${hint}`;
    throw new config/* ConfigError */.xL(file, { line: 1, column: 1 }, why);
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/decide.ts


const RULES = [
    'request-kind',
    'environment',
    'reason',
    'actor',
    'ref',
    'freeze',
    'roles',
    'assurance',
    'dual-control',
];
function decide(request, policy, facts) {
    const kindOk = REQUEST_KINDS.includes(request.kind);
    const envName = findEnvironment(policy, request.environment);
    const env = envName === undefined ? undefined : policy.environments[envName];
    const rule = kindOk && env ? env[request.kind] : undefined;
    const results = [];
    const push = (name, ok, detail) => results.push({ rule: name, ok, detail });
    push('request-kind', kindOk, kindOk
        ? `kind '${request.kind}'`
        : `unknown request kind '${request.kind}'; expected one of ${REQUEST_KINDS.join(', ')}`);
    if (!env) {
        const known = Object.keys(policy.environments).sort().join(', ');
        push('environment', false, `environment '${request.environment}' is not in the access policy (known: ${known || 'none'}); unknown environments are denied`);
    }
    else if (!rule) {
        push('environment', false, `the access policy has no '${request.kind}' rule for environment '${envName}'; it is denied`);
    }
    else {
        push('environment', true, `environment '${envName}', rule '${request.kind}'`);
    }
    push('reason', request.reason.ok, request.reason.ok ? `cites ${request.reason.tickets.join(', ')}` : request.reason.problems.join('; '));
    const actor = normalizeLogin(request.actor);
    const trigger = request.triggeringActor === undefined ? undefined : normalizeLogin(request.triggeringActor);
    if (!actor)
        push('actor', false, 'the actor is unknown; cannot attribute the request');
    else if (trigger && !sameLogin(trigger, actor)) {
        // A re-run by someone else would act on the first person's reason and approvals.
        push('actor', false, `the run was triggered by ${trigger} but started by ${actor}; start a new run instead of re-running someone else's`);
    }
    else
        push('actor', true, actor);
    if (!rule) {
        const why = 'not evaluated: no applicable rule';
        for (const name of ['ref', 'freeze', 'roles', 'assurance', 'dual-control'])
            push(name, false, why);
    }
    else {
        push('ref', ...checkRef(rule, request.ref));
        push('freeze', ...checkFreeze(env.freeze, facts.now));
        push('roles', ...decide_checkRoles(rule.roles, facts.actorRoles, actor));
        push('assurance', ...checkAssurance(rule.assurance, facts.assurance, actor));
        push('dual-control', ...checkDualControl(rule, facts.approvals, actor, trigger));
    }
    const failed = results.find((r) => !r.ok);
    const allow = results.length === RULES.length && !failed;
    return {
        decision: allow ? 'allow' : 'deny',
        reasons: results,
        decidedBy: failed ? `${failed.rule}: ${failed.detail}` : `all ${results.length} rules passed`,
    };
}
/** Exact name first, then case-insensitive (GitHub environment names are case-insensitive). */
function findEnvironment(policy, name) {
    if (Object.hasOwn(policy.environments, name))
        return name;
    const folded = name.toLowerCase();
    return Object.keys(policy.environments).find((env) => env.toLowerCase() === folded);
}
function checkRef(rule, ref) {
    if (rule.refs === null)
        return [true, `any ref allowed (${ref || 'unknown ref'})`];
    if (!ref)
        return [false, 'the ref is unknown'];
    const match = rule.refs.find((pattern) => refPatternToRegExp(pattern).test(ref));
    return match
        ? [true, `${ref} matches ${match}`]
        : [false, `${ref} is not an allowed ref (allowed: ${rule.refs.join(', ')})`];
}
function checkFreeze(windows, now) {
    if (Number.isNaN(now.getTime()))
        return [false, 'the current time is unknown'];
    for (const window of windows) {
        if (isFrozen(window, now))
            return [false, `frozen: ${describeWindow(window)}`];
    }
    return [true, windows.length ? `outside all ${windows.length} freeze window(s)` : 'no freeze windows'];
}
function isFrozen(window, now) {
    if ('start' in window) {
        const t = now.getTime();
        return Date.parse(window.start) <= t && t < Date.parse(window.end);
    }
    const { day, time } = wallClock(now, window.weekly.timeZone);
    return window.weekly.days.includes(day) && window.weekly.from <= time && time < window.weekly.to;
}
function describeWindow(window) {
    const note = window.note ? ` (${window.note})` : '';
    if ('start' in window)
        return `${window.start} to ${window.end}${note}`;
    const w = window.weekly;
    return `every ${w.days.join(', ')} ${w.from}-${w.to} ${w.timeZone}${note}`;
}
const WEEKDAY_BY_NAME = {
    Sun: 'sun',
    Mon: 'mon',
    Tue: 'tue',
    Wed: 'wed',
    Thu: 'thu',
    Fri: 'fri',
    Sat: 'sat',
};
// Building an Intl.DateTimeFormat costs far more than using one.
const formats = new Map();
function wallClock(now, timeZone) {
    let format = formats.get(timeZone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone,
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
        });
        formats.set(timeZone, format);
    }
    const parts = format.formatToParts(now);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
    return { day: WEEKDAY_BY_NAME[get('weekday')], time: `${get('hour')}:${get('minute')}` };
}
function decide_checkRoles(required, held, actor) {
    if (required.length === 0)
        return [true, 'no role required'];
    const has = required.filter((role) => held[role]?.state === 'member');
    if (has.length > 0)
        return [true, `${actor} holds ${has.join(', ')}`];
    const unknown = required.flatMap((role) => {
        const m = held[role];
        return m?.state === 'unknown' ? [`${role}: ${m.detail}`] : [];
    });
    if (unknown.length > 0)
        return [false, `could not establish ${actor}'s roles (${unknown.join('; ')}); denied`];
    return [false, `${actor || 'the actor'} holds none of the required roles (${required.join(', ')})`];
}
function checkAssurance(required, facts, actor) {
    if (required.length === 0)
        return [true, 'no assurance required'];
    if (facts.state === 'absent')
        return [false, `requires ${required.join(' + ')} assurance, but no assurance token was given`];
    if (facts.state === 'invalid')
        return [false, `the assurance token was rejected: ${facts.detail}`];
    if (!sameLogin(facts.subject, actor))
        return [false, `the assurance token is for ${facts.subject}, not ${actor}`];
    const missing = required.filter((method) => !facts.methods.includes(method));
    if (missing.length > 0)
        return [
            false,
            `authenticated with ${facts.methods.join(', ') || 'nothing'}; missing ${missing.join(', ')}`,
        ];
    return [true, `${actor} authenticated with ${required.join(', ')}`];
}
function checkDualControl(rule, facts, actor, trigger) {
    const dc = rule.dualControl;
    if (!dc)
        return [true, 'no second approver required'];
    if (facts.state === 'unknown')
        return [false, `could not read approvals (${facts.detail}); denied`];
    const rejected = facts.approvals.filter((a) => a.state === 'rejected');
    if (rejected.length > 0)
        return [false, `rejected by ${[...new Set(rejected.map((a) => a.user))].join(', ')}`];
    const skipped = [];
    const counted = new Map();
    for (const approval of facts.approvals) {
        const who = approval.user;
        if (sameLogin(who, actor) || (trigger && sameLogin(who, trigger)))
            skipped.push(`${who} (self-approval)`);
        else if (/\[bot\]$/i.test(who))
            skipped.push(`${who} (a bot is not a second person)`);
        else if (dc.approverRoles.length > 0 &&
            !dc.approverRoles.some((role) => approval.roles[role]?.state === 'member')) {
            skipped.push(`${who} (holds none of ${dc.approverRoles.join(', ')})`);
        }
        else
            counted.set(who.toLowerCase(), approval);
    }
    const need = dc.minApprovals;
    const names = [...counted.values()].map((a) => `${a.user} via ${a.source}`);
    const ignored = skipped.length ? `; not counted: ${[...new Set(skipped)].join(', ')}` : '';
    if (counted.size >= need)
        return [true, `approved by ${names.join(', ')}${ignored}`];
    return [
        false,
        `needs ${need} approval(s) by someone other than ${actor}, has ${counted.size}${names.length ? ` (${names.join(', ')})` : ''}${ignored}`,
    ];
}
/** GitHub logins are case-insensitive. */
function sameLogin(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * The input document policy/opa/abac.rego evaluates (with the normalised AccessPolicy as
 * data.policy), so a team's Rego and the built-in decide() see the same facts.
 */
function toOpaInput(request, facts) {
    const states = (roles) => Object.fromEntries(Object.entries(roles).map(([role, m]) => [role, m.state]));
    return {
        request: {
            kind: request.kind,
            environment: request.environment,
            // Normalised here as in decide(): Rego's trim_space and JavaScript's trim() differ.
            actor: normalizeLogin(request.actor),
            triggering_actor: normalizeLogin(request.triggeringActor ?? ''),
            ref: request.ref,
            sha: request.sha,
            reason: { ok: request.reason.ok, tickets: request.reason.tickets, problems: request.reason.problems },
        },
        facts: {
            // OPA's time functions take nanoseconds since the epoch.
            now_ns: facts.now.getTime() * 1_000_000,
            actor_roles: states(facts.actorRoles),
            approvals: facts.approvals.state === 'known'
                ? {
                    state: 'known',
                    approvals: facts.approvals.approvals.map((a) => ({
                        user: a.user,
                        source: a.source,
                        state: a.state,
                        roles: states(a.roles),
                    })),
                }
                : { state: 'unknown', detail: facts.approvals.detail },
            assurance: facts.assurance.state === 'verified'
                ? { state: 'verified', subject: facts.assurance.subject, methods: facts.assurance.methods }
                : { state: facts.assurance.state },
        },
    };
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/assurance.ts
/**
 * Assurance: how strongly the actor authenticated. GitHub does not say (see README), so the
 * workflow passes an identity provider's token; this verifies it against the IdP's JWKS with
 * node:crypto and extracts the authentication methods. Only asymmetric algorithms are accepted
 * (never `none`, never HMAC: a shared secret would let anyone holding it mint tokens).
 */

const ALGORITHMS = {
    RS256: { kty: 'RSA', hash: 'sha256' },
    PS256: { kty: 'RSA', hash: 'sha256', pss: true },
    ES256: { kty: 'EC', hash: 'sha256', dsaEncoding: 'ieee-p1363', crv: 'P-256' },
    ES384: { kty: 'EC', hash: 'sha384', dsaEncoding: 'ieee-p1363', crv: 'P-384' },
    EdDSA: { kty: 'OKP', hash: null, crv: 'Ed25519' },
};
/** Far above any IdP's token (a few KB) and the same as the action's input limit. */
const MAX_TOKEN_LENGTH = 16_384;
/** Clock skew tolerated on exp/nbf/iat, in seconds. */
const SKEW = 60;
/**
 * Verifies `token` for `actor` and returns the facts decide() needs. Never throws and never puts
 * the token (or its claims' values other than the subject and methods) into a message.
 */
function verifyAssuranceToken(token, jwks, config, now) {
    const invalid = (detail) => ({ state: 'invalid', detail });
    // Bounded before any parsing: base64 decoding, JSON and signature checks scale with the size.
    if (token.length > MAX_TOKEN_LENGTH)
        return invalid(`the token is ${token.length} characters; at most ${MAX_TOKEN_LENGTH} are accepted`);
    const parts = token.trim().split('.');
    if (parts.length !== 3)
        return invalid('not a JWT (expected three dot-separated parts)');
    let header;
    let claims;
    try {
        header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return invalid('the JWT header or payload is not base64url JSON');
    }
    if (!header || typeof header !== 'object' || Array.isArray(header))
        return invalid('the JWT header is not a JSON object');
    if (!claims || typeof claims !== 'object' || Array.isArray(claims))
        return invalid('the JWT payload is not a JSON object');
    // RFC 7515 §4.1.11: a recipient must reject a token whose critical extensions it does not
    // understand, and this verifier understands none (an empty or malformed list is an error too).
    if (Object.hasOwn(header, 'crit')) {
        const crit = header.crit;
        const names = Array.isArray(crit) && crit.length > 0 && crit.every((c) => typeof c === 'string')
            ? crit.join(', ')
            : undefined;
        return invalid(names
            ? `the JWT header marks ${names} as critical, which this verifier does not support (RFC 7515 crit)`
            : "the JWT header's crit is not a non-empty list of names (RFC 7515)");
    }
    const alg = typeof header.alg === 'string' ? header.alg : '';
    const spec = Object.hasOwn(ALGORITHMS, alg) ? ALGORITHMS[alg] : undefined;
    if (!spec)
        return invalid(`algorithm '${alg || 'none'}' is not accepted (use ${Object.keys(ALGORITHMS).join(', ')})`);
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const candidates = (jwks.keys ?? []).filter((k) => k.kty === spec.kty &&
        (k.use === undefined || k.use === 'sig') &&
        (k.alg === undefined || k.alg === alg) &&
        (kid === undefined || k.kid === kid));
    if (candidates.length === 0)
        return invalid(`no ${spec.kty} signing key${kid ? ` with kid '${kid}'` : ''} in the JWKS`);
    if (candidates.length > 1 && kid === undefined)
        return invalid('the JWT has no kid and the JWKS holds several keys');
    let key;
    try {
        key = (0,external_node_crypto_.createPublicKey)({ key: candidates[0], format: 'jwk' });
    }
    catch {
        return invalid('the JWKS key cannot be loaded');
    }
    if (spec.crv &&
        key.asymmetricKeyDetails?.namedCurve !== undefined &&
        !curveMatches(spec.crv, key.asymmetricKeyDetails.namedCurve)) {
        return invalid(`the key's curve does not match ${alg}`);
    }
    const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
    const signature = Buffer.from(parts[2], 'base64url');
    let ok = false;
    try {
        const verifyKey = spec.pss
            ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }
            : spec.dsaEncoding
                ? { key, dsaEncoding: spec.dsaEncoding }
                : key;
        ok = (0,external_node_crypto_.verify)(spec.hash, signingInput, verifyKey, signature);
    }
    catch {
        ok = false;
    }
    if (!ok)
        return invalid('the signature does not verify against the JWKS');
    const t = Math.floor(now.getTime() / 1000);
    if (claims.iss !== config.issuer)
        return invalid(`issuer '${String(claims.iss)}' is not the configured ${config.issuer}`);
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(config.audience))
        return invalid(`the token is not for audience ${config.audience}`);
    if (typeof claims.exp !== 'number')
        return invalid('the token has no exp');
    if (t > claims.exp + SKEW)
        return invalid('the token has expired');
    if (typeof claims.nbf === 'number' && t + SKEW < claims.nbf)
        return invalid('the token is not valid yet (nbf)');
    // The time of authentication, not of issue: a refresh can mint a new token from an old login.
    const authTime = typeof claims.auth_time === 'number'
        ? claims.auth_time
        : typeof claims.iat === 'number'
            ? claims.iat
            : undefined;
    if (authTime === undefined)
        return invalid('the token has neither auth_time nor iat');
    if (authTime > t + SKEW)
        return invalid('auth_time is in the future');
    if (t - authTime > config.maxAgeSeconds)
        return invalid(`the login is ${t - authTime}s old; at most ${config.maxAgeSeconds}s is accepted, sign in again`);
    const subject = claims[config.actorClaim];
    if (typeof subject !== 'string' || subject === '')
        return invalid(`the token has no ${config.actorClaim} claim naming the GitHub user`);
    const rawMethods = claims[config.methodsClaim];
    const methods = Array.isArray(rawMethods)
        ? rawMethods.filter((m) => typeof m === 'string')
        : typeof rawMethods === 'string'
            ? rawMethods.split(/\s+/).filter(Boolean)
            : [];
    return { state: 'verified', subject, methods };
}
function curveMatches(crv, named) {
    const aliases = {
        'P-256': ['prime256v1', 'P-256'],
        'P-384': ['secp384r1', 'P-384'],
        Ed25519: ['Ed25519'],
    };
    return (aliases[crv] ?? [crv]).includes(named);
}
/** Parses JWKS JSON text, with an error that says what is wrong. */
function parseJwks(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`${source}: the JWKS is not JSON`);
    }
    if (!value || typeof value !== 'object' || !Array.isArray(value.keys))
        throw new Error(`${source}: the JWKS has no "keys" array`);
    return value;
}

// EXTERNAL MODULE: ./lib/github.ts + 25 modules
var github = __webpack_require__(57378);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/github.ts
/**
 * Thin adapters over GitHub's REST API (octokit). They turn API answers into facts for decide():
 * a failure is never thrown past here and never treated as a yes — it becomes an `unknown` fact
 * carrying the status and GitHub's message, which decide() turns into a denial with that reason.
 */

function createGitHubClient(options) {
    return (0,github/* githubClient */.$f)({
        ...(options.token ? { token: options.token } : {}),
        apiUrl: options.baseUrl,
        userAgent: 'summit-ops/reason-for-access',
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.retries === undefined ? {} : { retries: options.retries }),
        ...options.timing,
    });
}
/** `GitHub API 403 on GET /orgs/acme/teams/x/memberships/alice: Resource not accessible by integration`. */
function describeApiError(route, error) {
    const e = error;
    // Octokit reports a network failure as status 500 without a response; that is not GitHub's 500.
    if (typeof e?.status === 'number' && e.response !== undefined) {
        const message = typeof e.message === 'string' ? e.message.split(' - ')[0].slice(0, 200) : '';
        const hint = e.status === 401
            ? ' (the github-token is invalid or expired)'
            : e.status === 403
                ? ' (the token lacks permission, or a rate limit was hit)'
                : e.status >= 500
                    ? ' (GitHub is failing; retry the run later)'
                    : '';
        return `GitHub API ${e.status} on ${route}${message ? `: ${message}` : ''}${hint}`;
    }
    const name = typeof e?.name === 'string' ? e.name : 'Error';
    return `GitHub API unreachable on ${route} (${name}${typeof e?.message === 'string' ? `: ${e.message.slice(0, 200)}` : ''})`;
}
/**
 * Whether `user` is an active member of org/team. 404 means "not a member" — or that the token
 * cannot see the team (the default GITHUB_TOKEN cannot read org teams); both deny.
 */
async function teamMembership(client, team, user) {
    const [org, slug] = team.split('/');
    const route = `GET /orgs/${org}/teams/${slug}/memberships/${user}`;
    try {
        const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
            org: org,
            team_slug: slug,
            username: user,
        });
        // A pending invitation is not membership.
        return data.state === 'active' ? { state: 'member' } : { state: 'not-member' };
    }
    catch (error) {
        if (error.status === 404)
            return { state: 'not-member' };
        return { state: 'unknown', detail: describeApiError(route, error) };
    }
}
/**
 * The user's membership of each named role: listed users first (no API call), then each team
 * until one says "active". An API failure only counts if no other source made the user a member.
 */
async function resolveRoles(client, roles, names, user) {
    const out = {};
    const cache = new Map();
    for (const name of new Set(names)) {
        const source = roles[name];
        if (!source || !user) {
            out[name] = { state: 'not-member' };
            continue;
        }
        if (source.users.some((u) => u.toLowerCase() === user.toLowerCase())) {
            out[name] = { state: 'member' };
            continue;
        }
        let result = { state: 'not-member' };
        const problems = [];
        for (const team of source.teams) {
            if (!client) {
                problems.push(`no github-token to look up team ${team}`);
                continue;
            }
            const key = team.toLowerCase();
            if (!cache.has(key))
                cache.set(key, teamMembership(client, team, user));
            const m = await cache.get(key);
            if (m.state === 'member') {
                result = m;
                break;
            }
            if (m.state === 'unknown')
                problems.push(m.detail);
        }
        out[name] =
            result.state === 'member' || problems.length === 0
                ? result
                : { state: 'unknown', detail: problems.join('; ') };
    }
    return out;
}
/** Reviews of the run's deployment to `environment` (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals). */
async function runApprovals(client, q) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
        owner: q.owner,
        repo: q.repo,
        run_id: Number(q.runId),
    });
    const env = q.environment.toLowerCase();
    return data
        .filter((review) => review.environments.some((e) => (e.name ?? '').toLowerCase() === env))
        .map((review) => ({
        user: review.user.login,
        source: 'deployment-review',
        state: review.state === 'approved' ? 'approved' : 'rejected',
    }));
}
/**
 * Approving reviews of the pull request(s) that produced `sha`. A review counts only when it
 * approved the PR's final head commit (an approval of an earlier push approved different code),
 * and the PR really produced `sha` (its head, or its merge commit). Each reviewer's latest
 * approve/request-changes review wins.
 */
async function pullRequestApprovals(client, q) {
    const pulls = await client.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
        owner: q.owner,
        repo: q.repo,
        commit_sha: q.sha,
        per_page: 100,
    });
    const out = [];
    for (const pr of pulls) {
        if (pr.head.sha !== q.sha && pr.merge_commit_sha !== q.sha)
            continue;
        const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
            owner: q.owner,
            repo: q.repo,
            pull_number: pr.number,
            per_page: 100,
        });
        const latest = new Map();
        for (const review of reviews) {
            if (!review.user || (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED'))
                continue;
            latest.set(review.user.login.toLowerCase(), review);
        }
        for (const review of latest.values()) {
            if (review.state === 'CHANGES_REQUESTED')
                out.push({ user: review.user.login, source: 'pr-review', state: 'rejected' });
            else if (review.commit_id === pr.head.sha)
                out.push({ user: review.user.login, source: 'pr-review', state: 'approved' });
        }
    }
    return out;
}
/**
 * Every approval from both sources, with each approver's membership of `approverRoles`. Any API
 * failure makes the whole fact unknown: a partial list could hide a rejection.
 */
async function gatherApprovals(client, q, roles, approverRoles, 
/** Reads approvers' team membership; default: `client`. */
rolesClient = client) {
    if (!client)
        return { state: 'unknown', detail: 'no github-token, so approvals cannot be read' };
    const found = [];
    if (q.runId) {
        try {
            found.push(...(await runApprovals(client, { ...q, runId: q.runId })));
        }
        catch (error) {
            return {
                state: 'unknown',
                detail: describeApiError(`GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`, error),
            };
        }
    }
    if (q.sha) {
        try {
            found.push(...(await pullRequestApprovals(client, { ...q, sha: q.sha })));
        }
        catch (error) {
            return {
                state: 'unknown',
                detail: describeApiError(`pull request reviews of ${q.sha.slice(0, 12)}`, error),
            };
        }
    }
    const approvals = [];
    for (const a of found)
        approvals.push({ ...a, roles: await resolveRoles(rolesClient, roles, approverRoles, a.user) });
    return { state: 'known', approvals };
}
/** Stores a Sigstore bundle through the repository attestations API; returns the attestation id. */
async function storeAttestation(client, owner, repo, bundle) {
    const { data } = await client.request('POST /repos/{owner}/{repo}/attestations', {
        owner,
        repo,
        bundle: bundle,
    });
    return data.id ?? 0;
}
/** The repository's default branch and visibility (GET /repos/{owner}/{repo}). */
async function repositoryFacts(client, owner, repo) {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { owner, repo });
    return { defaultBranch: data.default_branch, private: data.private, visibility: data.visibility };
}
/**
 * A file's text at `ref` through the contents API. Errors are worded for the person reading the
 * denial; the API's 1 MB limit for inline content is reported, not worked around.
 */
async function fileAtRef(client, q) {
    const route = `GET /repos/${q.owner}/${q.repo}/contents/${q.path}?ref=${q.ref}`;
    let data;
    try {
        ({ data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
            owner: q.owner,
            repo: q.repo,
            path: q.path,
            ref: q.ref,
        }));
    }
    catch (error) {
        if (error.status === 404)
            throw new Error(`not found on ${q.ref} (${route}); commit it to ${q.ref} first`);
        throw new Error(describeApiError(route, error));
    }
    const file = data;
    if (Array.isArray(data) || file.type !== 'file')
        throw new Error(`${route} is not a file`);
    if (file.encoding !== 'base64' || typeof file.content !== 'string')
        throw new Error(`${route} returned no inline content (files over 1 MB are not supported)`);
    return Buffer.from(file.content, 'base64').toString('utf8');
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/record.ts
/**
 * Recording a decision: under the log's lock, read and verify the chain, sign the next record,
 * write its bundle, append the line. Every failure on the way turns the decision into a deny that
 * is still recorded when the log can be written at all.
 */





async function recordDecision(req) {
    try {
        return await audit_lock_withLogLock(req.auditLog.absolute, (lock) => underLock(req, lock), req.lock);
    }
    catch (error) {
        // Nothing was appended: the lock was never held, or the log could not be written under it.
        const why = error instanceof LockTimeout
            ? `the audit log ${req.auditLog.display} is busy: ${error.message}`
            : `cannot write the audit log ${req.auditLog.display}: ${message(error)}`;
        return { decision: withFailure(req.decision, 'audit-log', why), notes: [] };
    }
}
async function underLock(req, lock) {
    const { auditLog, context } = req;
    const notes = [];
    let decision = req.decision;
    let existing;
    try {
        existing = await readLog(auditLog.absolute);
    }
    catch (error) {
        throw new Error(`cannot read it (${message(error)})`);
    }
    const chain = verifyLog(existing);
    if (!chain.ok)
        decision = withFailure(decision, 'audit-log', `${auditLog.display}: ${chain.broken.message}; new decisions are denied until the log is restored`);
    let next = nextRecord(existing, req.fields(decision));
    let bundle;
    if (req.signing) {
        try {
            const instance = req.signing.instance();
            notes.push(`signed on the ${instance.name} Sigstore instance (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ', no transparency log'}${instance.tsaURL ? `, timestamps ${instance.tsaURL}` : ''})`);
            bundle = await attestRecord(next.record, next.line, req.signing.signer(instance));
        }
        catch (error) {
            decision = withFailure(decision, 'attestation', `signing the audit record failed (${message(error)}); grant permissions: id-token: write, or set attest: false`);
            next = nextRecord(existing, req.fields(decision));
        }
    }
    // The bundle is written before the record: a record must never say allow unless its signature
    // is on disk, and a failure here must be able to turn it into a deny.
    let bundleFile;
    if (bundle) {
        bundleFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(auditLog.absolute), 'bundles', `record-${next.record.seq}.sigstore.json`);
        try {
            await writeFileAtomic(bundleFile, `${JSON.stringify(bundle, null, 2)}\n`, lock);
        }
        catch (error) {
            decision = withFailure(decision, 'attestation', `cannot write the attestation bundle ${display(context, bundleFile)} (${message(error)}); an unsigned record cannot allow`);
            bundle = undefined;
            bundleFile = undefined;
            next = nextRecord(existing, req.fields(decision));
        }
    }
    try {
        await commitRecordLine(auditLog.absolute, existing, next.line, lock);
    }
    catch (error) {
        // A bundle whose record never made it into the log would attest a decision nobody logged.
        if (bundleFile)
            await (0,promises_.rm)(bundleFile, { force: true }).catch(() => undefined);
        throw error;
    }
    const out = { decision, line: next.line, digest: next.digest, notes };
    if (bundle && bundleFile) {
        out.bundle = bundle;
        out.bundlePath = display(context, bundleFile);
    }
    return out;
}
function display(context, absolute) {
    return (0,external_node_path_.relative)(context.workspace, absolute).split('\\').join('/');
}
function withFailure(decision, rule, detail) {
    return {
        decision: 'deny',
        reasons: [...decision.reasons, { rule, ok: false, detail }],
        decidedBy: decision.decision === 'deny' ? decision.decidedBy : `${rule}: ${detail}`,
    };
}
function message(error) {
    return error instanceof Error ? error.message || error.name : String(error);
}
/** What the record would be on an empty log (a dry run writes nothing). */
function nextRecordPreview(fields) {
    return nextRecord('', fields);
}

;// CONCATENATED MODULE: ./actions/reason-for-access/src/facts.ts






async function gatherFacts(context, loaded, request, values, deps, owner, repo, readTrusted) {
    const { policy } = loaded;
    const envName = findEnvironment(policy, request.environment);
    const rule = envName && REQUEST_KINDS.includes(request.kind)
        ? policy.environments[envName]?.[request.kind]
        : undefined;
    const token = values.githubToken;
    const client = token ? createGitHubClient({ token, baseUrl: context.github.apiUrl }) : undefined;
    // The org-members token reads team membership and nothing else; it never stores attestations.
    const rolesClient = values.rolesToken
        ? createGitHubClient({ token: values.rolesToken, baseUrl: context.github.apiUrl })
        : client;
    let actorRoles = rule ? await resolveRoles(rolesClient, policy.roles, rule.roles, request.actor) : {};
    let approvals = { state: 'known', approvals: [] };
    if (rule?.dualControl) {
        approvals =
            owner && repo
                ? await gatherApprovals(client, {
                    owner,
                    repo,
                    environment: envName,
                    ...(context.github.runId ? { runId: context.github.runId } : {}),
                    ...(request.sha ? { sha: request.sha } : {}),
                }, policy.roles, rule.dualControl.approverRoles, rolesClient)
                : { state: 'unknown', detail: 'the repository is unknown, so approvals cannot be read' };
    }
    if (rule && policy.roleSource) {
        // Who holds a role comes from the OpenFGA graph (one batch for everyone); approvals still
        // come from GitHub, and the roles above were never looked up there (they list no teams).
        ({ actorRoles, approvals } = await openFgaFacts(policy.roleSource, {
            token: values.openfgaToken,
            environment: envName,
            actor: request.actor,
            actorRoles: rule.roles,
            approvals,
            approverRoles: rule.dualControl?.approverRoles ?? [],
        }));
    }
    let assurance = { state: 'absent' };
    if (values.assuranceToken) {
        if (!policy.assurance)
            assurance = {
                state: 'invalid',
                detail: 'an assurance token was given but the policy configures no issuer to verify it against',
            };
        else {
            try {
                const source = policy.assurance.jwks;
                // A JWKS file is a trust anchor like the policy: it comes from where the policy came from.
                const text = /^https?:\/\//i.test(source)
                    ? await deps.fetchText(source)
                    : readTrusted
                        ? await readTrusted(source)
                        : await readText(context.workspace, source, 'check assurance.jwks in the access policy');
                assurance = verifyAssuranceToken(values.assuranceToken, parseJwks(text, source), policy.assurance, context.now());
            }
            catch (error) {
                assurance = { state: 'invalid', detail: `the JWKS could not be read: ${message(error)}` };
            }
        }
    }
    return { now: context.now(), actorRoles, approvals, assurance };
}
/**
 * Where the access policy comes from: the built-in one, this run's checkout (a run on the default
 * branch), or the default branch through the contents API (any other ref).
 */
async function locatePolicy(context, path, token, owner, repo) {
    if (!path)
        return policySource(path, '', '');
    const ref = context.github.ref ?? '';
    const payloadRepo = context.github.event?.['repository'];
    let defaultBranch = typeof payloadRepo?.default_branch === 'string' ? payloadRepo.default_branch : '';
    if (!defaultBranch) {
        if (!token || !owner || !repo)
            throw new Error("the repository's default branch is unknown (no event payload) and there is no github-token to ask GitHub, so the policy's provenance cannot be checked");
        const client = createGitHubClient({ token, baseUrl: context.github.apiUrl });
        try {
            defaultBranch = (await repositoryFacts(client, owner, repo)).defaultBranch;
        }
        catch (error) {
            throw new Error(describeApiError(`GET /repos/${owner}/${repo}`, error));
        }
    }
    const source = policySource(path, ref, defaultBranch);
    if (source.from === 'default-branch' && (!token || !owner || !repo))
        throw new Error(`this run is on ${ref || 'an unknown ref'}, not the default branch ${defaultBranch}: the policy is read from ${defaultBranch} through the GitHub API, which needs the github-token input`);
    return source;
}

// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(90453);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/inputs.ts
/**
 * reason-for-access's inputs: declared as text (so even a malformed one produces a recorded
 * denial), typed inside run(), and size-checked before anything else looks at them.
 */




const DEFAULT_AUDIT_LOG = '.summit-ops-audit/reason-for-access.jsonl';
/**
 * Every input is read as text and typed inside run(), so that even a malformed input produces a
 * recorded denial instead of failing before anything is written.
 */
const inputs_inputs = {
    reason: (0,inputs/* str */.gx)({
        description: 'Why access is needed; must cite a ticket or incident. Treated as data, never run.',
    }),
    environment: (0,inputs/* str */.gx)({ description: 'The environment to act on, as named in the access policy.' }),
    kind: (0,inputs/* str */.gx)({ description: 'deploy or delete.' }),
    'access-policy': (0,inputs/* str */.gx)({ description: 'Workspace-relative access-policy YAML; empty: the built-in policy.' }),
    'audit-log': (0,inputs/* str */.gx)({ description: 'Workspace-relative JSON Lines audit log to append to (or verify).' }),
    mode: (0,inputs/* str */.gx)({ description: 'decide or verify.' }),
    'expected-head': (0,inputs/* str */.gx)({ description: 'verify mode: the sha256 the last record must have.' }),
    'expected-policy-digest': (0,inputs/* str */.gx)({
        description: 'The sha256 the access policy must have; any other policy denies.',
    }),
    attest: (0,inputs/* str */.gx)({ description: 'Sign each record (keyless Sigstore) and store the attestation.' }),
    'fulcio-url': (0,inputs/* str */.gx)({ description: 'Fulcio URL; default by repository visibility.' }),
    'rekor-url': (0,inputs/* str */.gx)({ description: 'Rekor URL; default by repository visibility.' }),
    'tsa-url': (0,inputs/* str */.gx)({ description: 'Timestamp authority URL; default by repository visibility.' }),
    'assurance-token': (0,inputs/* str */.gx)({
        secret: true,
        description: 'An IdP-issued token proving how the actor authenticated.',
    }),
    policy: (0,inputs/* str */.gx)({
        description: 'Custom Rego (bundle, policy.wasm or .rego folder), evaluated after the built-in rules; deny wins.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({ description: 'Write an evidence bundle (record, summary, OPA decision log) here.' }),
    'dry-run': (0,inputs/* str */.gx)({ description: 'Decide and report only: write no record, never fail the step.' }),
    'github-token': (0,inputs/* str */.gx)({
        secret: true,
        description: 'The job token: approvals, PR reviews, the policy on the default branch, attestations.',
    }),
    'openfga-token': (0,inputs/* str */.gx)({
        secret: true,
        description: "Bearer token for the OpenFGA store of the policy's roles: { source: openfga }.",
    }),
    'roles-token': (0,inputs/* str */.gx)({
        secret: true,
        description: 'Token used only to read team membership (members:read); default: github-token.',
    }),
};
const typed = {
    reason: (0,inputs/* str */.gx)(),
    environment: (0,inputs/* str */.gx)(),
    kind: (0,inputs/* oneOf */.yL)(REQUEST_KINDS, { default: 'deploy' }),
    'access-policy': (0,inputs/* str */.gx)(),
    'audit-log': (0,inputs/* str */.gx)({ default: DEFAULT_AUDIT_LOG }),
    mode: (0,inputs/* oneOf */.yL)(['decide', 'verify'], { default: 'decide' }),
    'expected-head': (0,inputs/* str */.gx)({ pattern: /^[0-9a-f]{64}$/, patternHint: 'a lowercase hex sha256' }),
    'expected-policy-digest': (0,inputs/* str */.gx)({ pattern: /^[0-9a-f]{64}$/, patternHint: 'a lowercase hex sha256' }),
    attest: (0,inputs/* bool */.lc)({ default: true }),
    'fulcio-url': (0,inputs/* str */.gx)({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
    'rekor-url': (0,inputs/* str */.gx)({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
    'tsa-url': (0,inputs/* str */.gx)({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
    'assurance-token': (0,inputs/* str */.gx)({ secret: true }),
    policy: (0,inputs/* str */.gx)(),
    'evidence-dir': (0,inputs/* str */.gx)(),
    'dry-run': (0,inputs/* bool */.lc)({ default: false }),
    'github-token': (0,inputs/* str */.gx)({ secret: true }),
    'roles-token': (0,inputs/* str */.gx)({ secret: true }),
    'openfga-token': (0,inputs/* str */.gx)({ secret: true }),
};
function readTyped(raw, setup) {
    const byName = {};
    for (const name of Object.keys(typed))
        byName[name] = raw[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
    try {
        return (0,inputs/* readInputs */.Ko)(typed, (name) => byName[name]);
    }
    catch (error) {
        if (!(error instanceof inputs/* InputError */.dz || error instanceof inputs/* InputErrors */.G))
            throw error;
        setup.errors.push(...(error instanceof inputs/* InputErrors */.G ? error.errors : [error]).map((e) => e.message));
        // Fail closed on every other input, but keep what is readable so the denial can be recorded.
        const out = {};
        for (const [name, descriptor] of Object.entries(typed)) {
            try {
                Object.assign(out, (0,inputs/* readInputs */.Ko)({ [name]: descriptor }, (n) => byName[n]));
            }
            catch {
                // already reported
            }
        }
        return out;
    }
}
function inWorkspace(context, path, input, setup) {
    const absolute = (0,external_node_path_.resolve)(context.workspace, path);
    const rel = (0,external_node_path_.relative)(context.workspace, absolute);
    if (!(0,lib_workspace/* isInside */.FK)(context.workspace, absolute)) {
        setup.errors.push(`Input '${input}': '${path}' is outside the workspace; expected a workspace-relative path`);
        return undefined;
    }
    return { absolute, display: rel.split('\\').join('/') };
}
/**
 * Hard limits on the untrusted text inputs, checked before anything else reads them: the longest
 * reason a policy may allow (reason.maxLength is at most 5000 characters) with room for line
 * breaks and indentation, and a JWT far larger than any IdP issues. Larger inputs are refused
 * outright: nothing is decided or recorded, and the message never quotes them.
 */
const INPUT_LIMITS = { reason: 20_000, 'assurance-token': 16_384 };
/** One message per input over its limit (by its action.yml name; sizes only, never content). */
function oversizedInputs(raw) {
    const problems = [];
    for (const [name, limit] of Object.entries(INPUT_LIMITS)) {
        const value = raw[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
        if (value !== undefined && value.length > limit)
            problems.push(`Input '${name}' is ${value.length} characters; at most ${limit} are accepted${name === 'reason' ? ' (link to the ticket instead of pasting it)' : ' (pass the IdP token itself, not a file or a bundle of tokens)'}`);
    }
    return problems;
}

// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(12241);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/summary.ts
/**
 * What a person reads: the job summary of a decision, and verify mode's report on the log.
 */




async function verifyMode(auditLog, expectedHead, setup) {
    const outputs = {
        decision: '',
        'audit-record': '',
        'record-digest': '',
        'bundle-path': '',
    };
    if (!auditLog || setup.errors.length > 0) {
        return {
            outputs,
            annotations: setup.annotations,
            summary: '',
            failure: `Cannot verify: ${setup.errors.join('; ') || 'no audit log'}`,
        };
    }
    let text;
    try {
        text = await (0,promises_.readFile)(auditLog.absolute, 'utf8');
    }
    catch (error) {
        return {
            outputs,
            annotations: [],
            summary: '',
            failure: `Cannot read the audit log ${auditLog.display}: ${message(error)}`,
        };
    }
    const result = verifyLog(text, expectedHead ? { expectedHead } : {});
    outputs['record-digest'] = result.head;
    const md = (0,summary/* summary */.z)().heading('Audit log verification', 2);
    if (result.ok) {
        md.status(true, `${auditLog.display}: ${result.records} record(s), chain intact; head ${result.head}`);
        return { outputs, annotations: [], summary: md.toString() };
    }
    const b = result.broken;
    md.status(false, `${auditLog.display}: ${b.message}`);
    return {
        outputs,
        annotations: [
            {
                level: 'error',
                title: `Audit log ${b.kind}`,
                file: auditLog.display,
                line: b.line,
                message: b.message,
            },
        ],
        summary: md.toString(),
        failure: `Audit log ${auditLog.display} is broken: ${b.message}`,
    };
}
function renderSummary(s) {
    const allowed = s.decision.decision === 'allow';
    const md = (0,summary/* summary */.z)()
        .heading(`reason-for-access: ${allowed ? 'allowed' : 'denied'}${s.dryRun ? ' (dry run)' : ''}`, 2)
        .status(allowed, `${s.actor || 'unknown actor'} → ${s.kind} ${s.environment || '(no environment)'} at ${s.ref || '(unknown ref)'}`)
        .table(['', ''], [
        [
            'Who',
            s.triggeringActor && s.triggeringActor !== s.actor
                ? `${s.actor} (run triggered by ${s.triggeringActor})`
                : s.actor,
        ],
        ['Why', s.reason.reason],
        ['Decided by', s.decision.decidedBy],
        ['Policy', s.loaded ? `${s.loaded.source} (sha256 ${s.loaded.digest.slice(0, 12)}…)` : 'not loaded'],
        ['Record', s.outputs['record-digest'] ? `sha256 ${s.outputs['record-digest']}` : 'none'],
        ['Attestation', s.outputs['bundle-path'] || 'none'],
    ])
        .table(['Rule', 'Result', 'Detail'], s.decision.reasons.map((r) => [r.rule, r.ok ? 'pass' : 'FAIL', r.detail]));
    if (s.notes.length)
        md.list(s.notes);
    return md.toString();
}

// EXTERNAL MODULE: ./lib/policy/index.ts + 3 modules
var lib_policy = __webpack_require__(26727);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/custom-policy.ts
/**
 * A team's own Rego next to the built-in rules: evaluated with lib/policy on the same input
 * policy/opa/abac.rego sees (toOpaInput) with the access policy as data.policy. It can only add
 * denials: its deny set is combined with decide()'s verdict and a non-empty set denies. A policy
 * that cannot be loaded or evaluated denies too (fail closed).
 */




const CUSTOM_ENTRYPOINT = 'summit/reason_for_access/deny';
const HINT = `build it with \`opa build -t wasm -e ${CUSTOM_ENTRYPOINT} --ignore '*_test.rego' policy/opa\` and pass bundle.tar.gz, or pass the .rego folder when opa is on PATH`;
/** The built-in decision as a decision-log entry: its revision is the access policy's digest. */
function builtInDecisionLog(request, facts, loaded, decision, now) {
    return (0,lib_policy/* decisionLogEntry */.Jo)({
        path: 'reason-for-access/decide',
        input: toOpaInput(request, facts),
        result: { decision: decision.decision, failed: decision.reasons.filter((r) => !r.ok).map((r) => r.rule) },
        revision: `sha256:${loaded.digest}`,
        now,
        app: 'reason-for-access',
    });
}
async function applyCustomPolicy(context, path, request, facts, loaded, decision) {
    const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(context.workspace, path);
    try {
        const policy = await (0,lib_policy/* loadPolicyPath */.c3)(absolute, path, {
            entrypoints: [CUSTOM_ENTRYPOINT],
            hint: HINT,
            now: () => context.now(),
            app: 'reason-for-access',
        });
        const { result, decision: log } = policy.evaluate(CUSTOM_ENTRYPOINT, toOpaInput(request, facts), {
            policy: loaded.policy,
        });
        const denials = result === undefined ? [] : result;
        if (!Array.isArray(denials) || denials.some((d) => typeof d !== 'string'))
            return {
                decision: withFailure(decision, 'custom-policy', `custom policy ${path}: ${CUSTOM_ENTRYPOINT} must be a set of strings ('deny contains msg if …'); denied`),
                log,
            };
        if (denials.length === 0)
            return { decision, log };
        return {
            decision: withFailure(decision, 'custom-policy', `custom policy ${path}: ${[...denials].sort().join('; ')}`),
            log,
        };
    }
    catch (error) {
        return {
            decision: withFailure(decision, 'custom-policy', `custom policy ${path} could not be evaluated: ${message(error)}`),
        };
    }
}

// EXTERNAL MODULE: ./lib/report/evidence.ts
var evidence = __webpack_require__(68868);
;// CONCATENATED MODULE: ./actions/reason-for-access/src/main.ts
/**
 * reason-for-access as an action: reason + policy + facts from GitHub and the IdP -> decide() ->
 * one hash-chained audit record (allowed or denied) -> a signed attestation -> outputs and a
 * summary. Every failure on the way (bad input, unreadable policy, API down, signing failed)
 * becomes a deny with that failure as its reason, and the deny is still recorded.
 */



















const defaults = {
    scanner: (text) => (0,dlp/* scanText */.Ff)(text, { path: 'reason' }),
    signer: (instance) => keylessSigner({
        fulcioURL: instance.fulcioURL,
        ...(instance.rekorURL ? { rekorURL: instance.rekorURL } : {}),
        ...(instance.tsaURL ? { tsaURL: instance.tsaURL } : {}),
    }),
    fetchText: async (url) => (await (0,http/* httpRequest */.aj)(url, { timeoutMs: 10_000, retries: 2 })).text(),
};
function createReasonForAccess(overrides = {}) {
    const deps = { ...defaults, ...overrides };
    return (0,action/* defineAction */.Q)({
        name: 'reason-for-access',
        inputs: inputs_inputs,
        run: (raw, context) => run(raw, context, deps),
    });
}
/* harmony default export */ const main = (createReasonForAccess());
async function run(raw, context, deps) {
    const oversized = oversizedInputs(raw);
    if (oversized.length > 0)
        return {
            outputs: { decision: 'deny', 'audit-record': '', 'record-digest': '', 'bundle-path': '' },
            annotations: oversized.map((m) => ({ level: 'error', title: 'Input refused', message: m })),
            summary: '',
            failure: `Refused before deciding (nothing was recorded): ${oversized.join('; ')}`,
        };
    const setup = { errors: [], annotations: [] };
    const values = readTyped(raw, setup);
    const auditLog = inWorkspace(context, values.auditLog ?? DEFAULT_AUDIT_LOG, 'audit-log', setup);
    if (values.mode === 'verify')
        return verifyMode(auditLog, values.expectedHead, setup);
    const gh = context.github;
    const [owner, repo] = (gh.repository ?? '').split('/');
    // Normalised once, before either engine (decide() or a Rego policy) sees it.
    const actor = normalizeLogin(gh.actor ?? '');
    const triggeringActor = gh.triggeringActor ? normalizeLogin(gh.triggeringActor) : undefined;
    const environment = values.environment ?? '';
    const kind = values.kind ?? 'deploy';
    const dryRun = values.dryRun ?? false;
    const attest = values.attest ?? true;
    let loaded;
    let readTrusted;
    try {
        const source = await locatePolicy(context, values.accessPolicy, values.githubToken, owner, repo);
        if (source.from === 'default-branch') {
            const client = createGitHubClient({ token: values.githubToken, baseUrl: context.github.apiUrl });
            readTrusted = (path) => fileAtRef(client, { owner: owner, repo: repo, path, ref: source.branch });
        }
        loaded = await loadAccessPolicy(values.accessPolicy, {
            workspace: context.workspace,
            ...(owner ? { owner } : {}),
            ...(readTrusted && source.from === 'default-branch'
                ? { read: readTrusted, sourceName: (path) => `${gh.repository}@${source.branch}:${path}` }
                : {}),
        });
        if (values.expectedPolicyDigest && loaded.digest !== values.expectedPolicyDigest)
            setup.errors.push(`access policy ${loaded.source} has sha256 ${loaded.digest}, not the expected-policy-digest ${values.expectedPolicyDigest}; the policy was changed (or the input is stale)`);
    }
    catch (error) {
        setup.errors.push(`access policy: ${message(error)}`);
        if (error instanceof config/* ConfigError */.xL)
            setup.annotations.push({
                level: 'error',
                title: 'Invalid access policy',
                file: error.file,
                line: error.line,
                column: error.column,
                message: error.problem,
            });
    }
    let reason;
    try {
        reason = checkReason(raw.reason, loaded ? reasonRules(loaded.policy.reason) : reasonRules(), deps.scanner);
    }
    catch (error) {
        reason = {
            ok: false,
            reason: '[withheld: the reason could not be checked]',
            tickets: [],
            problems: [`the reason could not be checked: ${message(error)}`],
        };
    }
    if (!environment)
        setup.errors.push('the environment input is empty; name the environment to act on');
    if (!gh.sha || !gh.ref)
        setup.errors.push('the commit (GITHUB_SHA) or ref (GITHUB_REF) is unknown; run inside a workflow or pass them to the CLI');
    const request = { kind, environment, actor, ref: gh.ref ?? '', sha: gh.sha ?? '', reason };
    if (triggeringActor)
        request.triggeringActor = triggeringActor;
    let decision;
    const decisions = [];
    if (loaded) {
        try {
            const facts = await gatherFacts(context, loaded, request, values, deps, owner, repo, readTrusted);
            decision = decide(request, loaded.policy, facts);
            decisions.push(builtInDecisionLog(request, facts, loaded, decision, context.now()));
            if (values.policy) {
                const custom = await applyCustomPolicy(context, values.policy, request, facts, loaded, decision);
                decision = custom.decision;
                if (custom.log)
                    decisions.push(custom.log);
            }
        }
        catch (error) {
            // decide() is total; this is an adapter failing in a way it did not anticipate.
            decision = denied(`gathering facts failed: ${message(error)}`);
        }
    }
    else {
        decision = denied('the access policy could not be loaded');
    }
    if (setup.errors.length > 0) {
        decision = {
            ...decision,
            decision: 'deny',
            reasons: [
                ...setup.errors.map((detail) => ({ rule: 'setup', ok: false, detail })),
                ...decision.reasons,
            ],
            decidedBy: `setup: ${setup.errors[0]}`,
        };
    }
    const runUrl = gh.repository && gh.runId
        ? `${gh.serverUrl}/${gh.repository}/actions/runs/${gh.runId}${gh.runAttempt ? `/attempts/${gh.runAttempt}` : ''}`
        : '';
    const fields = (d) => ({
        timestamp: context.now().toISOString(),
        kind,
        actor,
        triggeringActor: triggeringActor ?? actor,
        reason: reason.reason,
        tickets: reason.tickets,
        environment,
        repository: gh.repository ?? '',
        ref: gh.ref ?? '',
        sha: gh.sha ?? '',
        runUrl,
        policy: {
            source: loaded?.source ?? values.accessPolicy ?? 'built-in',
            digest: loaded?.digest ?? 'unavailable',
        },
        ...(loaded?.policy.roleSource ? { roleSource: roleSourceRecord(loaded.policy.roleSource) } : {}),
        decision: d.decision,
        decidedBy: d.decidedBy,
        reasons: d.reasons,
        dryRun,
    });
    const outputs = {
        decision: '',
        'audit-record': '',
        'record-digest': '',
        'bundle-path': '',
    };
    const notes = [];
    const fga = loaded?.policy.roleSource;
    if (fga)
        notes.push(`roles from OpenFGA ${fga.apiUrl} (store ${fga.storeId}, model ${fga.authorizationModelId})`);
    if (!dryRun && auditLog) {
        const recorded = await recordDecision({
            context,
            auditLog,
            decision,
            fields,
            ...(attest
                ? {
                    signing: {
                        instance: () => sigstoreInstanceFor(gh.event?.['repository'], {
                            ...(values.fulcioUrl ? { fulcioURL: values.fulcioUrl } : {}),
                            ...(values.rekorUrl ? { rekorURL: values.rekorUrl } : {}),
                            ...(values.tsaUrl ? { tsaURL: values.tsaUrl } : {}),
                        }),
                        signer: deps.signer,
                    },
                }
                : {}),
            ...(deps.lock ? { lock: deps.lock } : {}),
        });
        decision = recorded.decision;
        notes.push(...recorded.notes);
        if (recorded.line && recorded.digest) {
            outputs['audit-record'] = recorded.line;
            outputs['record-digest'] = recorded.digest;
        }
        if (recorded.bundle && recorded.bundlePath) {
            outputs['bundle-path'] = recorded.bundlePath;
            notes.push(await storeInGitHub(context, recorded.bundle, owner, repo, values.githubToken));
        }
    }
    else if (dryRun) {
        const preview = nextRecordPreview(fields(decision));
        outputs['audit-record'] = preview.line;
        notes.push('dry run: no record was written and nothing was signed');
    }
    // A dry run must never read as a decision: `if: decision == 'allow'` would deploy unrecorded.
    outputs.decision = dryRun ? `dry-run-${decision.decision}` : decision.decision;
    const allowed = decision.decision === 'allow';
    const result = {
        outputs,
        annotations: [
            ...setup.annotations,
            ...(allowed ? [] : [{ level: 'error', title: 'Access denied', message: decision.decidedBy }]),
        ],
        summary: renderSummary({
            decision,
            actor,
            triggeringActor,
            reason,
            environment,
            kind,
            ref: gh.ref,
            loaded,
            outputs,
            notes,
            dryRun,
        }),
    };
    if (values.evidenceDir) {
        const where = inWorkspace(context, values.evidenceDir, 'evidence-dir', setup);
        try {
            if (!where)
                throw new Error(setup.errors.at(-1));
            await (0,evidence/* writeEvidenceBundle */.NU)(where.absolute, {
                report: {
                    decision: outputs.decision,
                    decidedBy: decision.decidedBy,
                    record: outputs['audit-record'] ? JSON.parse(outputs['audit-record']) : null,
                    recordDigest: outputs['record-digest'],
                    decisionLogEntries: decisions.length,
                },
                markdown: result.summary,
                files: [(0,lib_policy/* decisionLogFile */.J_)(decisions)],
            }, context.redactor);
        }
        catch (error) {
            // The decision is already recorded in the audit log; the bundle is a copy for auditors.
            result.annotations.push({
                level: 'warning',
                title: 'Evidence bundle not written',
                message: `evidence-dir ${values.evidenceDir}: ${message(error)}`,
            });
        }
    }
    if (!allowed && !dryRun)
        result.failure = `Access denied for ${actor || 'an unknown actor'} to ${kind} ${environment || '(no environment)'}: ${decision.decidedBy}`;
    return result;
}
async function storeInGitHub(context, bundle, owner, repo, token) {
    if (!token || !owner || !repo)
        return 'attestation not stored in GitHub (no token or repository)';
    try {
        const id = await storeAttestation(createGitHubClient({ token, baseUrl: context.github.apiUrl }), owner, repo, bundle);
        return `attestation stored in GitHub (id ${id})`;
    }
    catch (error) {
        // The bundle file and its Rekor entry already anchor the record; the API copy is a convenience.
        context.log.warning(`The attestation could not be stored through the GitHub attestations API (${message(error)}); the bundle file is still written.`);
        return 'attestation not stored in GitHub (see warning)';
    }
}
function denied(detail) {
    return {
        decision: 'deny',
        reasons: [{ rule: 'setup', ok: false, detail }],
        decidedBy: `setup: ${detail}`,
    };
}


/***/ }),

/***/ 95490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ defineAction)
/* harmony export */ });
function defineAction(definition) {
    return definition;
}


/***/ }),

/***/ 29907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   sL: () => (/* binding */ readWorkspaceFile),
/* harmony export */   tq: () => (/* binding */ outsideWorkspace)
/* harmony export */ });
/* unused harmony export MAX_WORKSPACE_FILE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Whether a path stays inside the workspace. Every file an action reads comes from the job's
 * workspace, and a path that leaves it — an input like `/etc/passwd` or `../..`, or a committed
 * symlink pointing outside — is refused before anything is read, so no byte of an outside file
 * can reach a message.
 */



/** Whether `child` is `parent` or below it, comparing the paths as written (no link is followed). */
function isInside(parent, child) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
}
let workspaceReal;
async function realWorkspace(workspace) {
    if (workspaceReal?.dir !== workspace)
        workspaceReal = { dir: workspace, real: (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(workspace).catch(() => workspace) };
    return workspaceReal.real;
}
/**
 * Why `path` (workspace-relative or absolute) resolves outside the workspace once every symlink on
 * its way is followed, or undefined when it stays inside. A missing file is checked lexically (its
 * absence is the caller's finding).
 */
async function outsideWorkspace(workspace, path) {
    const root = await realWorkspace(workspace);
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workspace, path);
    let real;
    try {
        real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(target);
    }
    catch {
        real = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(workspace, target));
    }
    if (isInside(root, real))
        return undefined;
    return real === target
        ? 'it is outside the workspace'
        : 'it is a symbolic link (or inside one) that resolves outside the workspace';
}
/** Largest file an action reads from the workspace unless the caller says otherwise. */
const MAX_WORKSPACE_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Reads a workspace file as UTF-8, or says why not: it resolves outside the workspace (a committed
 * symlink to /etc/passwd, /proc/self/environ or /dev/zero is never opened), it is not a regular
 * file (a FIFO or device is opened non-blocking and refused, never read), or it is over the size
 * limit. Synchronous on purpose: awaiting hundreds of small reads through libuv's thread pool left
 * catalog-gate idle for a third of its run.
 */
async function readWorkspaceFile(workspace, path, options = {}) {
    const maxBytes = options.maxBytes ?? MAX_WORKSPACE_FILE_BYTES;
    const outside = options.plainFileInCheckedDir ? undefined : await outsideWorkspace(workspace, path);
    if (outside)
        return {
            ok: false,
            why: `refused to read ${path}: ${outside}; only files of the repository are read`,
        };
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(workspace, path), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (info.isDirectory())
            return { ok: false, why: `${path}: is a directory, not a file` };
        if (!info.isFile())
            return { ok: false, why: `${path}: is not a regular file` };
        if (info.size > maxBytes)
            return { ok: false, why: `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit` };
        const buffer = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd);
        // It may have grown since fstat.
        if (buffer.length > maxBytes)
            return { ok: false, why: `${path} is ${buffer.length} bytes, over the ${maxBytes}-byte limit` };
        return { ok: true, text: buffer.toString('utf8') };
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT'
            ? 'not found'
            : code === 'EISDIR'
                ? 'is a directory, not a file'
                : code === 'EACCES' || code === 'EPERM'
                    ? 'cannot be read (permission denied)'
                    : `cannot be read (${code ?? error.message})`;
        return { ok: false, why: `${path}: ${why}` };
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};
