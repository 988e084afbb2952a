import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 1697;
export const ids = [1697];
export const modules = {

/***/ 11697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildLevers: () => (/* binding */ buildLevers),
  "default": () => (/* binding */ main),
  drillSettings: () => (/* binding */ drillSettings),
  recoverSavedState: () => (/* binding */ recoverSavedState),
  restoreOnly: () => (/* binding */ restoreOnly),
  statePath: () => (/* binding */ statePath)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./lib/action.ts
var action = __webpack_require__(95490);
// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(90453);
// EXTERNAL MODULE: ./lib/load/index.ts + 5 modules
var load = __webpack_require__(37268);
;// CONCATENATED MODULE: ./actions/failover-drill/src/analysis.ts
/**
 * Pure analysis of a drill: from the per-request records and the timeline of operator events,
 * each phase's time to the last non-2xx, time until the other provider carried everything, and
 * the verdict against the budget and the allowed errors.
 */

const ok = (r) => r.status >= 200 && r.status <= 299;
function analysePhase(records, plan, disabledAtMs, restoredAtMs, carried) {
    const inPhase = records.filter((r) => r.sentMs >= disabledAtMs && r.sentMs < restoredAtMs);
    let lastBad = -Infinity;
    let lastNotCarried = -Infinity;
    let non2xx = 0;
    const providers = {};
    for (const r of inPhase) {
        providers[r.provider] = (providers[r.provider] ?? 0) + 1;
        if (!ok(r)) {
            non2xx++;
            lastBad = Math.max(lastBad, r.sentMs);
        }
        if (!ok(r) || r.provider !== plan.carrier)
            lastNotCarried = Math.max(lastNotCarried, r.sentMs);
    }
    return {
        ...plan,
        disabledAtMs,
        restoredAtMs,
        requests: inPhase.length,
        non2xx,
        lastNon2xxMs: Number.isFinite(lastBad) ? lastBad - disabledAtMs : 0,
        switchMs: Number.isFinite(lastNotCarried) ? lastNotCarried - disabledAtMs : 0,
        providers,
        carried,
    };
}
/**
 * Whether `carrier` has carried every request alone for `settleMs`: the newest finished requests
 * sent after `sinceMs` span at least settleMs since the last one that was not a 2xx from it.
 */
function carriedSince(records, carrier, sinceMs, settleMs) {
    let lastBad = sinceMs;
    let lastGood = -Infinity;
    for (const r of records) {
        if (r.sentMs < sinceMs)
            continue;
        if (ok(r) && r.provider === carrier)
            lastGood = Math.max(lastGood, r.sentMs);
        else
            lastBad = Math.max(lastBad, r.sentMs);
    }
    return lastGood - lastBad >= settleMs;
}
function decide(phases, totalNon2xx, inputs, abortReason) {
    if (abortReason)
        return { verdict: 'aborted', reasons: [abortReason] };
    const reasons = [];
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    for (const p of phases) {
        const label = `with ${p.disabled} disabled`;
        if (!p.carried)
            reasons.push(`${label}, ${p.carrier} never carried all traffic`);
        if (p.switchMs > inputs.budgetMs)
            reasons.push(`${label}, ${p.carrier} carried all traffic only after ${s(p.switchMs)} (budget ${s(inputs.budgetMs)})`);
        if (p.lastNon2xxMs > inputs.budgetMs)
            reasons.push(`${label}, the last non-2xx came ${s(p.lastNon2xxMs)} after the switch (budget ${s(inputs.budgetMs)})`);
    }
    if (totalNon2xx > inputs.allowedNon2xx)
        reasons.push(`${totalNon2xx} non-2xx responses (allowed ${inputs.allowedNon2xx})`);
    return reasons.length ? { verdict: 'fail', reasons } : { verdict: 'pass', reasons: [] };
}
function timeline(records, widthMs = 100) {
    return (0,load/* buckets */.K4)(records, widthMs, load/* ONLY_2XX */.YK);
}

;// CONCATENATED MODULE: ./actions/failover-drill/src/dashboard.ts
const DASHBOARD_UID = 'summit-failover-drill';
/** Per-second slices as OpenMetrics with timestamps (seconds), for backfilling into Prometheus. */
function timelineOpenMetrics(outcome) {
    const run = outcome.run;
    const lines = [
        '# HELP failover_drill_slice_requests Requests sent in each second of the drill, by serving provider and status class.',
        '# TYPE failover_drill_slice_requests gauge',
    ];
    if (run) {
        const slices = new Map();
        for (const r of run.records) {
            const second = Math.floor(r.sentMs / 1000);
            const cls = r.status === 0 ? 'error' : `${Math.floor(r.status / 100)}xx`;
            const key = `provider="${r.provider || 'unknown'}",status_class="${cls}"`;
            const slice = slices.get(second) ?? new Map();
            slice.set(key, (slice.get(key) ?? 0) + 1);
            slices.set(second, slice);
        }
        const keys = new Set();
        for (const slice of slices.values())
            for (const k of slice.keys())
                keys.add(k);
        // Every series gets every second (0 when empty): a gap in a graph must mean no data, not no traffic.
        const seconds = [...slices.keys()].sort((a, b) => a - b);
        const last = seconds.at(-1) ?? -1;
        for (const key of [...keys].sort()) {
            for (let second = 0; second <= last; second++) {
                const at = (run.startedAtEpochMs + second * 1000) / 1000;
                lines.push(`failover_drill_slice_requests{${key}} ${slices.get(second)?.get(key) ?? 0} ${at.toFixed(3)}`);
            }
        }
    }
    lines.push('# EOF');
    return lines.join('\n') + '\n';
}
const ds = { type: 'prometheus', uid: '${datasource}' };
function failoverDashboard() {
    const target = (refId, expr, legendFormat) => ({
        refId,
        datasource: ds,
        expr,
        ...(legendFormat ? { legendFormat } : {}),
    });
    return {
        uid: DASHBOARD_UID,
        title: 'Cross-cloud edge failover drill',
        tags: ['summit-ops', 'failover'],
        schemaVersion: 39,
        time: { from: 'now-6h', to: 'now' },
        templating: {
            list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' }],
        },
        panels: [
            {
                id: 1,
                type: 'timeseries',
                title: '2xx per second by serving provider (continuity)',
                datasource: ds,
                gridPos: { x: 0, y: 0, w: 24, h: 10 },
                fieldConfig: {
                    defaults: { custom: { stacking: { mode: 'normal' }, drawStyle: 'bars' } },
                    overrides: [],
                },
                targets: [
                    target('A', 'sum by (provider) (failover_drill_slice_requests{status_class="2xx"})', '2xx via {{provider}}'),
                    target('B', 'sum(failover_drill_slice_requests{status_class!="2xx"})', 'non-2xx'),
                ],
            },
            {
                id: 2,
                type: 'stat',
                title: 'Verdict of the last drill',
                datasource: ds,
                gridPos: { x: 0, y: 10, w: 6, h: 5 },
                targets: [target('A', 'max by (verdict) (failover_drill_verdict == 1)', '{{verdict}}')],
            },
            {
                id: 3,
                type: 'bargauge',
                title: 'Seconds until the other provider carried all traffic',
                datasource: ds,
                gridPos: { x: 6, y: 10, w: 12, h: 5 },
                targets: [
                    target('A', 'max by (disabled) (failover_drill_switch_seconds)', '{{disabled}} disabled'),
                    target('B', 'max(failover_drill_budget_seconds)', 'budget'),
                ],
            },
            {
                id: 4,
                type: 'stat',
                title: 'Non-2xx responses in the last drill',
                datasource: ds,
                gridPos: { x: 18, y: 10, w: 6, h: 5 },
                targets: [target('A', 'sum(failover_drill_requests_total{status_class!="2xx"}) or vector(0)')],
            },
        ],
    };
}

// EXTERNAL MODULE: ./node_modules/cloudflare/index.mjs + 1162 modules
var cloudflare = __webpack_require__(87605);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-cjs/index.js
var dist_cjs = __webpack_require__(8621);
;// CONCATENATED MODULE: ./actions/failover-drill/src/switches.ts
/**
 * The operator's levers, through the official SDKs: a Cloudflare load-balancer pool (enabled
 * true/false, `cloudflare`) and a Route 53 health check (Inverted true/false,
 * `@aws-sdk/client-route-53`; an inverted check reads as unhealthy, so Route 53 stops answering with
 * the record it guards). Each lever reads its current setting first, so restore puts back what was
 * there, not what we assume was there. Errors become ProviderError: which call, which status, never
 * a credential.
 */


class ProviderError extends Error {
    name = 'ProviderError';
    lever;
    operation;
    status;
    kind;
    constructor(lever, operation, status, kind, detail) {
        super(`${operation} ${lever} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`);
        this.lever = lever;
        this.operation = operation;
        this.status = status;
        this.kind = kind;
    }
}
function cloudflareClient(settings) {
    const options = {
        apiToken: settings.apiToken,
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
    };
    if (settings.baseURL)
        options.baseURL = settings.baseURL;
    return new cloudflare/* default */.Ay(options);
}
function cloudflarePoolLever(client, accountId, poolId) {
    const key = `cloudflare-pool:${poolId}`;
    const call = async (operation, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw cloudflareError(key, operation, error);
        }
    };
    return {
        key,
        provider: 'cloudflare',
        stage: 'cut',
        description: `Cloudflare pool ${poolId}`,
        read: () => call('read', async () => {
            const pool = await client.loadBalancers.pools.get(poolId, { account_id: accountId });
            return pool.enabled !== false;
        }),
        disable: () => call('disable', async () => {
            await client.loadBalancers.pools.edit(poolId, { account_id: accountId, enabled: false });
        }),
        restore: (original) => call('restore', async () => {
            await client.loadBalancers.pools.edit(poolId, { account_id: accountId, enabled: original });
        }),
        inService: (enabled) => enabled,
    };
}
/** The load balancer must list the pools the drill will disable, or the drill would prove nothing. */
async function checkLoadBalancerPools(client, zoneId, loadBalancerId, poolIds) {
    let lb;
    try {
        lb = await client.loadBalancers.get(loadBalancerId, { zone_id: zoneId });
    }
    catch (error) {
        throw cloudflareError(`Cloudflare load balancer ${loadBalancerId}`, 'read', error);
    }
    const pools = new Set([...(lb.default_pools ?? []), ...(lb.fallback_pool ? [lb.fallback_pool] : [])]);
    return poolIds.filter((id) => !pools.has(id));
}
function cloudflareError(lever, operation, error) {
    if (error instanceof cloudflare/* default.APIConnectionTimeoutError */.Ay.APIConnectionTimeoutError)
        return new ProviderError(lever, operation, undefined, 'timeout', 'Cloudflare API did not answer in time');
    if (error instanceof cloudflare/* default.APIError */.Ay.APIError && error.status !== undefined) {
        const status = Number(error.status);
        const errors = (error.errors ?? []);
        const detail = errors.map((e) => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ') || error.name;
        if (status === 401 || status === 403)
            return new ProviderError(lever, operation, status, 'auth', `${detail} — check that cloudflare-api-token is valid and has Load Balancing: Edit on the account`);
        return new ProviderError(lever, operation, status, classify(status), detail);
    }
    if (error instanceof cloudflare/* default.APIConnectionError */.Ay.APIConnectionError)
        return new ProviderError(lever, operation, undefined, 'timeout', 'cannot reach the Cloudflare API (no answer in time or connection refused)');
    return new ProviderError(lever, operation, undefined, 'other', error?.message ?? String(error));
}
function route53Client(settings) {
    const credentials = {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
    };
    if (settings.sessionToken)
        credentials.sessionToken = settings.sessionToken;
    return new dist_cjs/* Route53Client */.LhC({
        region: settings.region,
        credentials,
        maxAttempts: settings.maxAttempts,
        requestHandler: {
            requestTimeout: settings.timeoutMs,
            connectionTimeout: settings.timeoutMs,
            throwOnRequestTimeout: true,
        },
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    });
}
function route53HealthCheckLever(client, provider, healthCheckId) {
    const key = `route53-health-check:${healthCheckId}`;
    const call = async (operation, fn) => {
        try {
            return await fn();
        }
        catch (error) {
            throw awsError(key, operation, error);
        }
    };
    const version = async () => {
        const out = await client.send(new dist_cjs/* GetHealthCheckCommand */.wVZ({ HealthCheckId: healthCheckId }));
        return out.HealthCheck;
    };
    const set = async (inverted) => {
        const current = await version();
        await client.send(new dist_cjs/* UpdateHealthCheckCommand */.v_t({
            HealthCheckId: healthCheckId,
            HealthCheckVersion: current?.HealthCheckVersion,
            Inverted: inverted,
        }));
    };
    return {
        key,
        provider,
        stage: 'steer',
        description: `Route 53 health check ${healthCheckId} (${provider})`,
        // The lever's value is "not inverted": true means in service, like a pool's `enabled`.
        read: () => call('read', async () => !((await version())?.HealthCheckConfig?.Inverted ?? false)),
        disable: () => call('disable', () => set(true)),
        restore: (original) => call('restore', () => set(!original)),
        inService: (notInverted) => notInverted,
    };
}
function awsError(lever, operation, error) {
    const e = error;
    const status = e.$metadata?.httpStatusCode;
    const name = e.name ?? 'Error';
    if (name === 'TimeoutError' || /timed? ?out/i.test(e.message ?? ''))
        return new ProviderError(lever, operation, status, 'timeout', 'Route 53 API did not answer in time');
    if (status === 401 ||
        status === 403 ||
        /InvalidClientTokenId|SignatureDoesNotMatch|AccessDenied/.test(name))
        return new ProviderError(lever, operation, status, 'auth', `${name} — check aws-access-key-id / aws-secret-access-key and route53:GetHealthCheck, route53:UpdateHealthCheck permissions`);
    if (name === 'Throttling' || name === 'ThrottlingException')
        return new ProviderError(lever, operation, status, 'throttled', name);
    if (name === 'NoSuchHealthCheck')
        return new ProviderError(lever, operation, status, 'not-found', name);
    return new ProviderError(lever, operation, status, status ? classify(status) : 'other', name);
}
function classify(status) {
    if (status === 429)
        return 'throttled';
    if (status === 404)
        return 'not-found';
    if (status >= 500)
        return 'server';
    return 'other';
}

;// CONCATENATED MODULE: ./actions/failover-drill/src/drill.ts


class Refusal extends Error {
    name = 'Refusal';
}
const PROVIDER_NAMES = { cloudflare: 'Cloudflare', cloudfront: 'CloudFront' };
async function preflight(settings, ports) {
    const lines = [];
    for (const plan of settings.phases) {
        if (!ports.levers.some((l) => l.provider === plan.disabled))
            throw new Refusal(plan.disabled === 'cloudflare'
                ? 'no lever for Cloudflare: set cloudflare-pool-ids (with cloudflare-api-token, cloudflare-account-id) and/or cloudflare-health-check-id'
                : 'no lever for CloudFront: set cloudfront-health-check-id (with aws-access-key-id, aws-secret-access-key)');
    }
    for (let i = 0; i < 3; i++) {
        const r = await ports.probe(ports.targets.target);
        if (r.status < 200 || r.status > 299)
            throw new Refusal(`target ${ports.targets.target} is not healthy before the drill (${r.error ?? `HTTP ${r.status}`}); nothing was changed`);
    }
    lines.push(`target answers 2xx`);
    for (const provider of ['cloudflare', 'cloudfront']) {
        const url = ports.targets[provider];
        if (!url)
            continue;
        const r = await ports.probe(url);
        if (r.status < 200 || r.status > 299)
            throw new Refusal(`${PROVIDER_NAMES[provider]} path ${url} is not healthy (${r.error ?? `HTTP ${r.status}`}); a drill would take away the only working path. Nothing was changed`);
        if (r.provider && r.provider !== provider)
            throw new Refusal(`${url} was served by ${r.provider}, not ${provider}: check ${provider}-url`);
        lines.push(`${PROVIDER_NAMES[provider]} path answers 2xx${r.provider ? ` (served by ${r.provider})` : ''}`);
    }
    const outside = (await ports.poolsOutsideLoadBalancer?.()) ?? [];
    if (outside.length)
        throw new Refusal(`pool(s) ${outside.join(', ')} are not pools of the load balancer; disabling them would prove nothing`);
    for (const lever of ports.levers) {
        const value = await lever.read();
        if (!lever.inService(value))
            throw new Refusal(`${lever.description} is already out of service before the drill; put it back (or let the post step restore a saved state) and run again`);
        lines.push(`${lever.description} in service`);
    }
    return lines;
}
async function runDrill(settings, ports) {
    const events = [];
    let preflightLines;
    try {
        preflightLines = await preflight(settings, ports);
    }
    catch (error) {
        if (error instanceof Refusal || error instanceof ProviderError)
            return {
                verdict: 'refused',
                reasons: [error.message],
                preflight: [],
                phases: [],
                events,
                restoreFailures: [],
            };
        throw error;
    }
    if (settings.dryRun)
        return {
            verdict: 'dry-run',
            reasons: ['dry-run: preflight passed, nothing was changed'],
            preflight: preflightLines,
            phases: [],
            events,
            restoreFailures: [],
        };
    const stopLoad = new AbortController();
    const records = [];
    let elapsed = () => 0;
    let loadPromise;
    const started = new Promise((resolve, reject) => {
        const load = ports.runLoad({
            rate: settings.rate,
            // The load outlives any sequence of waits; the drill stops it.
            durationMs: settings.warmUpMs + settings.phases.length * (2 * settings.timeoutMs + settings.holdMs) + 60_000,
            signal: stopLoad.signal,
            onStart: (_epoch, clock) => {
                elapsed = clock;
                resolve();
            },
            onRecord: (r) => records.push(r),
        });
        load.catch(reject);
        loadPromise = load;
    });
    await started;
    const mark = (kind, detail, provider) => {
        const event = { atMs: elapsed(), kind, detail };
        if (provider)
            event.provider = provider;
        events.push(event);
        ports.log.info(`[${(event.atMs / 1000).toFixed(1)} s] ${kind}: ${detail}`);
        return event.atMs;
    };
    const wait = async (ms) => {
        if (ports.cancel.aborted)
            throw new Cancelled();
        await ports.sleep(ms, ports.cancel).catch((error) => {
            if (ports.cancel.aborted)
                throw new Cancelled();
            throw error;
        });
    };
    const waitUntil = async (condition, limitMs) => {
        const deadline = elapsed() + limitMs;
        while (elapsed() < deadline) {
            if (condition())
                return true;
            await wait(100);
        }
        return condition();
    };
    mark('warm-up', `open-model load at ${settings.rate} requests/s`);
    const phases = [];
    let abortReason;
    let baseline;
    try {
        await wait(settings.warmUpMs);
        // Responses may still be in flight after a short warm-up; the baseline needs answers.
        await waitUntil(() => mostServed(records) !== undefined, settings.timeoutMs);
        baseline = mostServed(records);
        if (!baseline)
            throw new Refusal(`no 2xx response within ${(settings.warmUpMs + settings.timeoutMs) / 1000} s of load; the drill stops before changing anything`);
        for (const plan of settings.phases) {
            let disabledAt;
            for (const lever of ports.levers.filter((l) => l.provider === plan.disabled)) {
                await disable(lever, ports);
                const at = mark(lever.stage, `${lever.description} out of service`, plan.disabled);
                disabledAt ??= at;
            }
            const carried = await waitUntil(() => carriedSince(records, plan.carrier, disabledAt, settings.settleMs), settings.timeoutMs);
            if (carried)
                mark('carried', `${PROVIDER_NAMES[plan.carrier]} carries all traffic`, plan.carrier);
            if (carried)
                await wait(settings.holdMs);
            const restoredAt = mark('restore', `${PROVIDER_NAMES[plan.disabled]} levers put back`, plan.disabled);
            const failed = await restoreAll(ports);
            phases.push(analysePhase(records, plan, disabledAt, restoredAt, carried));
            if (failed.length)
                throw new Refusal(`could not restore ${plan.disabled} (${failed.map((f) => `${f.key}: ${f.error}`).join('; ')}); the drill stops rather than disable another provider`);
            if (!carried)
                break;
            const recovered = await waitUntil(() => carriedSince(records, baseline, restoredAt, settings.settleMs), settings.timeoutMs);
            if (!recovered) {
                abortReason = `traffic did not return to ${baseline} within ${settings.timeoutMs / 1000} s after restoring ${plan.disabled}; the next phase would disable a provider that may still carry everything`;
                break;
            }
            mark('recovered', `${baseline} carries traffic again`);
        }
    }
    catch (error) {
        if (error instanceof Cancelled)
            abortReason = 'cancelled (the job was cancelled or timed out)';
        else if (error instanceof ProviderError)
            abortReason = `provider API error: ${error.message}`;
        else if (error instanceof Refusal)
            abortReason = error.message;
        else
            abortReason = `unexpected error: ${error.message}`;
        mark('abort', abortReason);
    }
    // Restore before the load stops, so the timeline shows what users saw while levers went back.
    const restoreFailures = await restoreAll(ports);
    mark('end', restoreFailures.length ? 'restore failed for some levers' : 'all levers in service');
    await ports.sleep(Math.min(1000, settings.settleMs), new AbortController().signal);
    stopLoad.abort();
    const run = await loadPromise;
    // Phases were analysed while requests were still in flight; analyse again on the final records.
    const final = phases.map((p) => analysePhase(run.records, p, p.disabledAtMs, p.restoredAtMs, p.carried));
    const totalNon2xx = run.records.filter((r) => r.status < 200 || r.status > 299).length;
    if (restoreFailures.length)
        abortReason = `${abortReason ? `${abortReason}; ` : ''}RESTORE FAILED for ${restoreFailures.map((f) => `${f.key} (${f.error})`).join(', ')}: put these back by hand`;
    const verdict = decide(final, totalNon2xx, settings, abortReason);
    const outcome = {
        ...verdict,
        preflight: preflightLines,
        phases: final,
        events,
        run,
        restoreFailures,
    };
    if (baseline)
        outcome.baselineProvider = baseline;
    return outcome;
}
class Cancelled extends Error {
}
async function disable(lever, ports) {
    const others = [...ports.state.disabledProviders()].filter((p) => p !== lever.provider);
    if (others.length)
        throw new Error(`refusing to disable ${lever.provider} while ${others.join(', ')} is still disabled`);
    await ports.state.record({
        key: lever.key,
        provider: lever.provider,
        original: true,
        at: new Date().toISOString(),
    });
    await lever.disable();
}
/** Puts back every saved change, latest first; returns what could not be restored. */
async function restoreAll(ports) {
    const failures = [];
    for (const change of [...ports.state.changes()].reverse()) {
        const lever = ports.levers.find((l) => l.key === change.key);
        if (!lever) {
            failures.push({ key: change.key, error: 'not configured' });
            continue;
        }
        let lastError;
        // A restore is worth a second try: a throttled or flaky API must not leave a provider out.
        for (let attempt = 0; attempt < 3; attempt++) {
            try {
                await lever.restore(change.original);
                lastError = undefined;
                break;
            }
            catch (error) {
                lastError = error;
            }
        }
        if (lastError)
            failures.push({ key: change.key, error: lastError.message });
        else {
            await ports.state.forget(change.key);
            ports.log.info(`restored ${lever.description}`);
        }
    }
    return failures;
}
/** The provider that served most 2xx responses: the steady state traffic returns to. */
function mostServed(records) {
    const counts = new Map();
    for (const r of records)
        if (r.status >= 200 && r.status <= 299)
            counts.set(r.provider, (counts.get(r.provider) ?? 0) + 1);
    let best;
    for (const [provider, n] of counts)
        if (best === undefined || n > counts.get(best))
            best = provider;
    return best;
}

;// CONCATENATED MODULE: ./lib/duration.ts
/** Durations as people write them in workflow inputs: 90, 90s, 1500ms, 2m (a bare number is seconds). */

const UNITS = { ms: 1, s: 1000, m: 60_000 };
function parseDuration(input, text) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
    if (!match)
        throw new lib_inputs/* InputError */.dz(input, `'${text}' is not a duration`, 'e.g. 90, 90s, 1500ms or 2m');
    return Number(match[1]) * UNITS[match[2] ?? 's'];
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./actions/failover-drill/src/evidence.ts
/**
 * The drill's evidence, in the files the runbook asks for: DR_EVIDENCE.md (runbook structure:
 * announce/load, disable A, re-enable, disable B, reconcile), timeline.json (every 100 ms slice and
 * every operator event), timeline.svg (status per 100 ms, coloured by who served it),
 * failover-drill.prom (Prometheus text format) and load-summary.json (k6-shaped).
 */



const EVIDENCE_FILES = (/* unused pure expression or super */ null && ([
    'DR_EVIDENCE.md',
    'timeline.json',
    'timeline.svg',
    'failover-drill.prom',
    'load-summary.json',
    'failover-drill-timeline.om',
    'grafana-dashboard.json',
]));
const COLOURS = {
    cloudflare: '#f38020',
    cloudfront: '#8c4fff',
    other: '#2e7d32',
    failed: '#d32f2f',
    empty: '#eeeeee',
};
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const escapeXml = (text) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
/** One column per slice: its height is the requests sent in it, red for failures, provider colours for 2xx. */
function timelineSvg(slices, events, widthMs) {
    const columnWidth = 2;
    const height = 120;
    const width = Math.max(1, slices.length) * columnWidth;
    const peak = Math.max(1, ...slices.map((b) => b.requests));
    const parts = [];
    slices.forEach((b, i) => {
        const x = i * columnWidth;
        let y = height;
        const segments = [
            ['failed', b.failed],
            ...Object.entries(b.okByProvider).map(([p, n]) => [p || 'other', n]),
        ];
        if (b.requests === 0)
            parts.push(`<rect x="${x}" y="${height - 2}" width="${columnWidth}" height="2" fill="${COLOURS['empty']}"/>`);
        for (const [key, count] of segments) {
            if (count <= 0)
                continue;
            const h = (count / peak) * (height - 10);
            y -= h;
            parts.push(`<rect x="${x}" y="${y.toFixed(2)}" width="${columnWidth}" height="${h.toFixed(2)}" fill="${COLOURS[key] ?? COLOURS['other']}"/>`);
        }
    });
    for (const e of events) {
        const x = (e.atMs / widthMs) * columnWidth;
        parts.push(`<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${height}" stroke="#000" stroke-dasharray="2,2"><title>${escapeXml(`${s(e.atMs)} ${e.kind}: ${e.detail}`)}</title></line>`);
    }
    const legend = ['cloudflare', 'cloudfront', 'failed']
        .map((k, i) => `<rect x="${i * 110}" y="${height + 6}" width="10" height="10" fill="${COLOURS[k]}"/><text x="${i * 110 + 14}" y="${height + 15}" font-size="11">${k === 'failed' ? 'non-2xx' : `2xx via ${k}`}</text>`)
        .join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(width, 340)}" height="${height + 22}" viewBox="0 0 ${Math.max(width, 340)} ${height + 22}" role="img" aria-label="Requests per ${widthMs} ms by serving provider and status">${parts.join('')}${legend}</svg>\n`;
}
/** Prometheus text exposition of the drill (names documented in actions/failover-drill/README.md). */
function metricsText({ outcome, settings, summary }) {
    const lines = [];
    const metric = (name, type, help, samples) => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
        for (const [labels, value] of samples)
            lines.push(`${name}${labels} ${Number.isFinite(value) ? value : 'NaN'}`);
    };
    const verdicts = ['pass', 'fail', 'aborted', 'refused', 'dry-run'];
    metric('failover_drill_verdict', 'gauge', 'One for the verdict of the last drill, zero for the others.', verdicts.map((v) => [`{verdict="${v}"}`, outcome.verdict === v ? 1 : 0]));
    metric('failover_drill_budget_seconds', 'gauge', 'The failover budget the drill was judged against.', [
        ['', settings.budgetMs / 1000],
    ]);
    metric('failover_drill_switch_seconds', 'gauge', 'Seconds from disabling a provider until the other one served every request with a 2xx.', outcome.phases.map((p) => [`{disabled="${p.disabled}",carrier="${p.carrier}"}`, p.switchMs / 1000]));
    metric('failover_drill_last_non2xx_seconds', 'gauge', 'Seconds from disabling a provider to the last non-2xx response of that phase (0: none).', outcome.phases.map((p) => [`{disabled="${p.disabled}",carrier="${p.carrier}"}`, p.lastNon2xxMs / 1000]));
    const byClass = new Map();
    for (const r of outcome.run?.records ?? []) {
        const cls = r.status === 0 ? 'error' : `${Math.floor(r.status / 100)}xx`;
        const key = `{provider="${r.provider || 'unknown'}",status_class="${cls}"}`;
        byClass.set(key, (byClass.get(key) ?? 0) + 1);
    }
    metric('failover_drill_requests_total', 'counter', 'Requests the drill sent, by serving provider and status class.', [...byClass].sort(([a], [b]) => a.localeCompare(b)));
    if (summary) {
        const d = summary.http_req_duration;
        metric('failover_drill_request_duration_seconds', 'summary', 'Latency of the drill load, send to end of body.', [
            ['{quantile="0.5"}', d.p50 / 1000],
            ['{quantile="0.9"}', d.p90 / 1000],
            ['{quantile="0.95"}', d.p95 / 1000],
            ['{quantile="0.99"}', d.p99 / 1000],
        ]);
        lines.push(`failover_drill_request_duration_seconds_sum ${d.count ? (d.avg * d.count) / 1000 : 0}`, `failover_drill_request_duration_seconds_count ${d.count}`);
        metric('failover_drill_target_rate', 'gauge', 'Configured arrival rate, requests per second.', [
            ['', summary.target_rate],
        ]);
    }
    return lines.join('\n') + '\n';
}
function evidenceMarkdown(outcome, settings, summary, context) {
    const phase = (p, step) => p
        ? [
            `${step}`,
            '',
            `| measure | value |`,
            `|---|---|`,
            `| disabled at | ${s(p.disabledAtMs)} after load start |`,
            `| restored at | ${s(p.restoredAtMs)} |`,
            `| time until ${p.carrier} carried all traffic | **${s(p.switchMs)}** (budget ${s(settings.budgetMs)}) |`,
            `| time to the last non-2xx | ${p.non2xx ? s(p.lastNon2xxMs) : 'none'} |`,
            `| requests / non-2xx | ${p.requests} / ${p.non2xx} |`,
            `| served by | ${Object.entries(p.providers)
                .map(([k, v]) => `${k || 'unknown'} ${v}`)
                .join(', ')} |`,
            '',
        ].join('\n')
        : `${step}\n\nNot run.\n`;
    const [a, b] = [outcome.phases[0], outcome.phases[1]];
    return [
        '# DR_EVIDENCE — Cross-Cloud Edge Failover Drill',
        '',
        `**Verdict: ${outcome.verdict.toUpperCase()}**${outcome.reasons.length ? ` — ${outcome.reasons.join('; ')}` : ''}`,
        '',
        `Target ${context.target}, started ${context.startedAt}.`,
        '',
        '## 1. Announce window; synthetic load',
        '',
        `Open-model load at ${settings.rate} requests/s (constant arrival rate; arrivals never wait for responses), warm-up ${s(settings.warmUpMs)}, hold ${s(settings.holdMs)}.`,
        '',
        'Preflight:',
        '',
        ...(outcome.preflight.length ? outcome.preflight.map((l) => `- ${l}`) : ['- (not passed)']),
        '',
        '```',
        summary ? (0,load/* formatSummary */.kq)(summary) : 'no load was sent',
        '```',
        '',
        phase(a, `## 2. Disable ${a?.disabled ?? 'provider A'}; ${a?.carrier ?? 'provider B'} carries traffic; 2xx continuity`),
        phase(b, `## 3. Re-enable, then disable ${b?.disabled ?? 'provider B'}; ${b?.carrier ?? 'provider A'} continuity`),
        '## 4. Reconcile',
        '',
        '| at | event | detail |',
        '|---|---|---|',
        ...outcome.events.map((e) => `| ${s(e.atMs)} | ${e.kind} | ${e.detail.replace(/\|/g, '\\|')} |`),
        '',
        ...(context.bounds?.length
            ? ['Bounds implied by the Terraform:', '', ...context.bounds.map((x) => `- ${x}`), '']
            : []),
        'Files: `timeline.json` (100 ms slices and events), `timeline.svg`, `failover-drill.prom`, `load-summary.json` (k6-shaped).',
        '',
        outcome.restoreFailures.length
            ? `**Restore failed** for ${outcome.restoreFailures.map((f) => f.key).join(', ')}: put them back by hand.`
            : 'Every lever the drill changed was restored.',
        '',
    ].join('\n');
}
async function writeEvidence(dir, files) {
    await (0,external_node_fs_promises_.mkdir)(dir, { recursive: true });
    for (const [name, content] of Object.entries(files))
        await (0,external_node_fs_promises_.writeFile)((0,external_node_path_.join)(dir, name), content);
    return Object.keys(files);
}

;// CONCATENATED MODULE: ./actions/failover-drill/src/inputs.ts
/** failover-drill's inputs (action.yml mirrors them; a test keeps the two in step). */

const duration = (fallback, description) => (0,lib_inputs/* str */.gx)({ default: fallback, description });
const INPUTS = {
    mode: (0,lib_inputs/* oneOf */.yL)(['drill', 'restore'], {
        default: 'drill',
        description: 'drill, or restore: only put back what a saved state says an interrupted drill changed.',
    }),
    'target-url': (0,lib_inputs/* str */.gx)({
        required: true,
        description: 'The URL users reach (steered by Route 53 between the CDNs).',
    }),
    'cloudflare-url': (0,lib_inputs/* str */.gx)({
        description: "A URL served by Cloudflare only (the load balancer's hostname); preflight checks it.",
    }),
    'cloudfront-url': (0,lib_inputs/* str */.gx)({
        description: 'A URL served by CloudFront only (the distribution hostname); preflight checks it.',
    }),
    'cloudflare-api-token': (0,lib_inputs/* str */.gx)({
        secret: true,
        description: 'Cloudflare API token with Load Balancing: Edit.',
    }),
    'cloudflare-api-url': (0,lib_inputs/* str */.gx)({ description: 'Cloudflare API base URL; default the SDK default.' }),
    'cloudflare-account-id': (0,lib_inputs/* str */.gx)({ description: 'Account that owns the pools.' }),
    'cloudflare-zone-id': (0,lib_inputs/* str */.gx)({
        description: 'Zone of the load balancer (with cloudflare-load-balancer-id: preflight checks the pools are its pools).',
    }),
    'cloudflare-load-balancer-id': (0,lib_inputs/* str */.gx)({ description: 'The Cloudflare load balancer id.' }),
    'cloudflare-pool-ids': (0,lib_inputs/* list */.p_)({
        description: 'Pools disabled to cut Cloudflare out (comma or newline separated).',
    }),
    'cloudflare-health-check-id': (0,lib_inputs/* str */.gx)({
        description: 'Route 53 health check of the Cloudflare (primary) record; inverted to steer away from Cloudflare.',
    }),
    'cloudfront-health-check-id': (0,lib_inputs/* str */.gx)({
        description: 'Route 53 health check of the CloudFront (secondary) record; inverted to steer away from CloudFront.',
    }),
    'aws-access-key-id': (0,lib_inputs/* str */.gx)({
        secret: true,
        description: 'AWS access key id (e.g. from aws-actions/configure-aws-credentials outputs).',
    }),
    'aws-secret-access-key': (0,lib_inputs/* str */.gx)({ secret: true, description: 'AWS secret access key.' }),
    'aws-session-token': (0,lib_inputs/* str */.gx)({ secret: true, description: 'AWS session token of temporary credentials.' }),
    'aws-region': (0,lib_inputs/* str */.gx)({ default: 'us-east-1', description: 'Region for the Route 53 client.' }),
    'route53-endpoint': (0,lib_inputs/* str */.gx)({ description: 'Route 53 API endpoint; default the SDK default.' }),
    rate: (0,lib_inputs/* int */.Wh)({
        default: 200,
        min: 1,
        max: 20_000,
        description: 'Arrival rate of the load, requests per second.',
    }),
    'warm-up': duration('10s', 'Load before the first provider is disabled.'),
    hold: duration('30s', 'How long a provider stays disabled once the other carries all traffic.'),
    settle: duration('5s', 'How long the other provider must carry everything alone for the switch to count as done.'),
    timeout: duration('120s', 'Longest wait for a switch, or for traffic to return after a restore.'),
    budget: duration('60s', 'Failover budget: time until the other provider carries all traffic, and to the last non-2xx.'),
    'allowed-non-2xx': (0,lib_inputs/* int */.Wh)({
        default: 0,
        min: 0,
        description: 'Non-2xx responses the drill may see and still pass.',
    }),
    'dry-run': (0,lib_inputs/* bool */.lc)({
        default: false,
        description: 'Preflight only: check both paths and every lever, change nothing.',
    }),
    'evidence-dir': (0,lib_inputs/* str */.gx)({
        default: 'failover-drill-evidence',
        description: 'Directory for DR_EVIDENCE.md and the other evidence files.',
    }),
    'state-file': (0,lib_inputs/* str */.gx)({
        default: '.failover-drill/state.json',
        description: 'Where the drill saves what it changed before changing it; the post step and the next run restore from it.',
    }),
    'api-timeout': duration('10s', 'Timeout of each provider API call.'),
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./actions/failover-drill/src/state.ts
/**
 * Saved state: what the drill changed, written BEFORE each change (write-ahead) and removed once
 * restored, so a step that is cancelled, times out or is killed with SIGKILL leaves a file that the
 * post step, or the next run, reads to put every lever back. Writes are atomic (temp + rename).
 */



class StateFile {
    path;
    state;
    constructor(path, runId) {
        this.path = path;
        this.state = { version: 1, runId, changes: [] };
    }
    /** The state an earlier, interrupted run left, if any. */
    static async read(path) {
        if (!(0,external_node_fs_.existsSync)(path))
            return undefined;
        let parsed;
        try {
            parsed = JSON.parse(await (0,external_node_fs_promises_.readFile)(path, 'utf8'));
        }
        catch (error) {
            throw new Error(`${path}: saved drill state is not valid JSON (${error.message}); check the levers by hand, then delete the file`);
        }
        if (parsed.version !== 1 || !Array.isArray(parsed.changes))
            throw new Error(`${path}: saved drill state has an unknown shape; check the levers by hand, then delete the file`);
        return parsed;
    }
    changes() {
        return this.state.changes;
    }
    /** Providers with a change not yet restored. */
    disabledProviders() {
        return new Set(this.state.changes.map((c) => c.provider));
    }
    async record(change) {
        if (!this.state.changes.some((c) => c.key === change.key))
            this.state.changes.push(change);
        await this.flush();
    }
    async forget(key) {
        this.state.changes = this.state.changes.filter((c) => c.key !== key);
        await this.flush();
    }
    async flush() {
        if (this.state.changes.length === 0) {
            await (0,external_node_fs_promises_.rm)(this.path, { force: true });
            return;
        }
        await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(this.path), { recursive: true });
        const temp = `${this.path}.${process.pid}.tmp`;
        await (0,external_node_fs_promises_.writeFile)(temp, JSON.stringify(this.state, null, 2) + '\n');
        await (0,external_node_fs_promises_.rename)(temp, this.path);
    }
}
/**
 * Puts back every change in `saved` (latest first) with the levers configured now; a change whose
 * lever is not configured, or whose restore fails, stays in the file and is reported.
 */
async function restoreSaved(saved, path, levers) {
    const file = new StateFile(path, saved.runId);
    for (const change of saved.changes)
        await file.record(change);
    const outcome = { restored: [], failed: [] };
    for (const change of [...saved.changes].reverse()) {
        const lever = levers.find((l) => l.key === change.key);
        if (!lever) {
            outcome.failed.push({
                key: change.key,
                error: `no lever ${change.key} is configured in this run's inputs; restore it by hand`,
            });
            continue;
        }
        try {
            await lever.restore(change.original);
            await file.forget(change.key);
            outcome.restored.push(change.key);
        }
        catch (error) {
            outcome.failed.push({ key: change.key, error: error.message });
        }
    }
    return outcome;
}

;// CONCATENATED MODULE: ./actions/failover-drill/src/summary.ts
/** The job summary: verdict, the per-phase figures, and the timeline as one character per second. */

const CELL = {
    cloudflare: '🟧',
    cloudfront: '🟪',
    failed: '🟥',
    other: '🟩',
    none: '⬜',
};
/** One cell per second: red if any request failed in it, else the provider that served most. */
function secondsStrip(outcome) {
    const records = outcome.run?.records ?? [];
    if (records.length === 0)
        return '';
    const seconds = new Map();
    let last = 0;
    for (const r of records) {
        const s = Math.floor(r.sentMs / 1000);
        last = Math.max(last, s);
        const cell = seconds.get(s) ?? { failed: 0, by: new Map() };
        if (r.status < 200 || r.status > 299)
            cell.failed++;
        else
            cell.by.set(r.provider, (cell.by.get(r.provider) ?? 0) + 1);
        seconds.set(s, cell);
    }
    let strip = '';
    for (let s = 0; s <= last; s++) {
        const cell = seconds.get(s);
        if (!cell)
            strip += CELL['none'];
        else if (cell.failed)
            strip += CELL['failed'];
        else {
            const top = [...cell.by].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
            strip += CELL[top] ?? CELL['other'];
        }
    }
    return strip;
}
function summaryMarkdown(outcome, settings, summary, _svg) {
    const icon = outcome.verdict === 'pass' ? '✅' : outcome.verdict === 'dry-run' ? 'ℹ️' : '❌';
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const lines = [
        `## ${icon} Failover drill: ${outcome.verdict}`,
        '',
        ...outcome.reasons.map((r) => `- ${r}`),
        '',
    ];
    if (outcome.phases.length) {
        lines.push(`| disabled | carried by | switch (budget ${s(settings.budgetMs)}) | last non-2xx | requests | non-2xx |`, '|---|---|---|---|---|---|', ...outcome.phases.map((p) => `| ${p.disabled} | ${p.carrier} | ${p.carried ? s(p.switchMs) : 'never'} | ${p.non2xx ? s(p.lastNon2xxMs) : 'none'} | ${p.requests} | ${p.non2xx} |`), '');
    }
    const strip = secondsStrip(outcome);
    if (strip)
        lines.push('One cell per second: 🟧 Cloudflare 🟪 CloudFront 🟥 a non-2xx in that second ⬜ no request', '', strip, '');
    if (outcome.events.length)
        lines.push(...outcome.events.map((e) => `- ${s(e.atMs)} **${e.kind}** ${e.detail}`), '');
    if (summary)
        lines.push('```', (0,load/* formatSummary */.kq)(summary), '```', '');
    lines.push('The evidence directory holds DR_EVIDENCE.md, timeline.json, timeline.svg (100 ms slices), failover-drill.prom and the Grafana dashboard.');
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./actions/failover-drill/src/main.ts
/**
 * failover-drill as an action: inputs → restore anything an interrupted run left (saved state) →
 * preflight → open-model load → disable Cloudflare, watch CloudFront carry → restore → disable
 * CloudFront, watch Cloudflare carry → restore → verdict and evidence. The SDK clients, the load
 * generator and the clock are built here; the sequence is drill.ts, the figures analysis.ts.
 */














/** The levers the inputs configure; an incomplete provider configuration is an input error. */
function buildLevers(inputs) {
    const levers = [];
    const timeoutMs = parseDuration('api-timeout', inputs.apiTimeout);
    const result = { levers };
    const pools = inputs.cloudflarePoolIds ?? [];
    if (pools.length && inputs.cloudflareHealthCheckId)
        throw new lib_inputs/* InputError */.dz('cloudflare-pool-ids', 'cannot be combined with cloudflare-health-check-id: once the pools are off, the Cloudflare endpoint fails, an inverted health check of a failing endpoint reads healthy, and Route 53 would send users back to the broken provider', 'cloudflare-health-check-id (steer users away: zero errors expected) or cloudflare-pool-ids (a real outage: errors until Route 53 notices; set allowed-non-2xx)');
    if (pools.length) {
        if (!inputs.cloudflareApiToken || !inputs.cloudflareAccountId)
            throw new lib_inputs/* InputError */.dz('cloudflare-pool-ids', 'needs cloudflare-api-token and cloudflare-account-id', 'all three, or none');
        const settings = {
            apiToken: inputs.cloudflareApiToken,
            accountId: inputs.cloudflareAccountId,
            timeoutMs,
            maxRetries: 1,
        };
        if (inputs.cloudflareApiUrl)
            settings.baseURL = inputs.cloudflareApiUrl;
        const client = cloudflareClient(settings);
        for (const id of pools)
            levers.push(cloudflarePoolLever(client, inputs.cloudflareAccountId, id));
        if (inputs.cloudflareZoneId && inputs.cloudflareLoadBalancerId) {
            const zone = inputs.cloudflareZoneId;
            const lb = inputs.cloudflareLoadBalancerId;
            result.poolsOutsideLoadBalancer = () => checkLoadBalancerPools(client, zone, lb, pools);
        }
    }
    const checks = [
        ['cloudflare', inputs.cloudflareHealthCheckId, 'cloudflare-health-check-id'],
        ['cloudfront', inputs.cloudfrontHealthCheckId, 'cloudfront-health-check-id'],
    ];
    if (checks.some(([, id]) => id)) {
        if (!inputs.awsAccessKeyId || !inputs.awsSecretAccessKey)
            throw new lib_inputs/* InputError */.dz(checks.find(([, id]) => id)[2], 'needs aws-access-key-id and aws-secret-access-key', 'AWS credentials allowed route53:GetHealthCheck and route53:UpdateHealthCheck');
        const settings = {
            accessKeyId: inputs.awsAccessKeyId,
            secretAccessKey: inputs.awsSecretAccessKey,
            region: inputs.awsRegion,
            timeoutMs,
            maxAttempts: 2,
        };
        if (inputs.awsSessionToken)
            settings.sessionToken = inputs.awsSessionToken;
        if (inputs.route53Endpoint)
            settings.endpoint = inputs.route53Endpoint;
        const client = route53Client(settings);
        for (const [provider, id] of checks)
            if (id)
                levers.push(route53HealthCheckLever(client, provider, id));
    }
    return result;
}
function drillSettings(inputs) {
    return {
        rate: inputs.rate,
        warmUpMs: parseDuration('warm-up', inputs.warmUp),
        holdMs: parseDuration('hold', inputs.hold),
        settleMs: parseDuration('settle', inputs.settle),
        timeoutMs: parseDuration('timeout', inputs.timeout),
        budgetMs: parseDuration('budget', inputs.budget),
        allowedNon2xx: inputs.allowedNon2xx,
        dryRun: inputs.dryRun,
        phases: [
            { disabled: 'cloudflare', carrier: 'cloudfront' },
            { disabled: 'cloudfront', carrier: 'cloudflare' },
        ],
    };
}
function statePath(inputs, context) {
    return (0,external_node_path_.resolve)(context.workspace, inputs.stateFile);
}
/** Restores what an interrupted drill left; returns log lines, throws when something stays out. */
async function recoverSavedState(path, levers, context) {
    const saved = await StateFile.read(path);
    if (!saved || saved.changes.length === 0)
        return [];
    context.log.warning(`An earlier drill (run ${saved.runId}) left ${saved.changes.length} lever(s) changed; restoring them from ${path}`);
    const outcome = await restoreSaved(saved, path, levers);
    if (outcome.failed.length)
        throw new Error(`Could not restore what an earlier drill changed (${path}): ${outcome.failed.map((f) => `${f.key}: ${f.error}`).join('; ')}. Put these back by hand, then delete ${path}`);
    return outcome.restored.map((key) => `restored ${key} from saved state`);
}
async function probe(url, timeoutMs) {
    const target = (0,load/* httpTarget */.SA)(url, { timeoutMs });
    try {
        const outcome = await target.send(0, new AbortController().signal);
        const result = { status: outcome.status, provider: outcome.provider };
        if (outcome.error)
            result.error = outcome.error;
        return result;
    }
    finally {
        target.close();
    }
}
/** SIGTERM/SIGINT (a cancelled job, a step timeout) abort the drill, which then restores. */
function cancellation() {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGTERM', stop);
            process.off('SIGINT', stop);
        },
    };
}
/* harmony default export */ const main = ((0,action/* defineAction */.Q)({
    name: 'failover-drill',
    inputs: INPUTS,
    async run(inputs, context) {
        if (inputs.mode === 'restore')
            return restoreOnly(inputs, context);
        const settings = drillSettings(inputs);
        const { levers, poolsOutsideLoadBalancer } = buildLevers(inputs);
        const path = statePath(inputs, context);
        const recovered = await recoverSavedState(path, levers, context);
        for (const line of recovered)
            context.log.info(line);
        const startedAt = context.now().toISOString();
        const cancel = cancellation();
        const ports = {
            levers,
            state: new StateFile(path, context.github.runId ?? `local-${startedAt}`),
            targets: { target: inputs.targetUrl },
            probe: (url) => probe(url, 10_000),
            runLoad: (options) => (0,load/* runLoad */.eR)({
                url: inputs.targetUrl,
                expected: load/* ONLY_2XX */.YK,
                timeoutMs: 10_000,
                drainTimeoutMs: 10_000,
                ...options,
            }),
            sleep: (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }),
            cancel: cancel.signal,
            log: context.log,
        };
        if (inputs.cloudflareUrl)
            ports.targets.cloudflare = inputs.cloudflareUrl;
        if (inputs.cloudfrontUrl)
            ports.targets.cloudfront = inputs.cloudfrontUrl;
        if (poolsOutsideLoadBalancer)
            ports.poolsOutsideLoadBalancer = poolsOutsideLoadBalancer;
        let outcome;
        try {
            outcome = await runDrill(settings, ports);
        }
        finally {
            cancel.dispose();
        }
        outcome.preflight.unshift(...recovered);
        return report(outcome, settings, inputs, context, startedAt);
    },
}));
/** What the post step and `mode: restore` do: restore from saved state, nothing else. */
async function restoreOnly(inputs, context) {
    const path = statePath(inputs, context);
    const { levers } = buildLevers(inputs);
    const restored = await recoverSavedState(path, levers, context);
    return {
        outputs: { restored: String(restored.length) },
        annotations: [],
        summary: restored.length
            ? `## Failover drill: restored from saved state\n\n${restored.map((l) => `- ${l}`).join('\n')}\n`
            : '',
    };
}
async function report(outcome, settings, inputs, context, startedAt) {
    const dir = (0,external_node_path_.resolve)(context.workspace, inputs.evidenceDir);
    const summary = outcome.run
        ? (0,load/* summarize */.eh)(outcome.run.records, {
            targetRate: settings.rate,
            durationMs: outcome.run.summary.duration_ms,
            dropped: outcome.run.dropped,
            expected: load/* ONLY_2XX */.YK,
        })
        : undefined;
    const slices = outcome.run ? timeline(outcome.run.records) : [];
    const svg = timelineSvg(slices, outcome.events, 100);
    await writeEvidence(dir, {
        'DR_EVIDENCE.md': evidenceMarkdown(outcome, settings, summary, { target: inputs.targetUrl, startedAt }),
        'timeline.json': JSON.stringify({
            startedAtEpochMs: outcome.run?.startedAtEpochMs,
            sliceMs: 100,
            events: outcome.events,
            phases: outcome.phases,
            slices: slices.map((b) => ({
                startMs: b.startMs,
                requests: b.requests,
                ok: b.ok,
                failed: b.failed,
                statuses: b.statuses,
                providers: b.providers,
                ...(Object.keys(b.errors).length ? { errors: b.errors } : {}),
                latencyP50: Number.isNaN(b.latencyP50) ? null : b.latencyP50,
                latencyP99: Number.isNaN(b.latencyP99) ? null : b.latencyP99,
            })),
        }, null, 1) + '\n',
        'timeline.svg': svg,
        'failover-drill.prom': metricsText(summary ? { outcome, settings, summary } : { outcome, settings }),
        'load-summary.json': JSON.stringify(summary ?? null, null, 2) + '\n',
        'failover-drill-timeline.om': timelineOpenMetrics(outcome),
        'grafana-dashboard.json': JSON.stringify(failoverDashboard(), null, 2) + '\n',
    });
    const worst = Math.max(0, ...outcome.phases.map((p) => p.switchMs));
    const non2xx = outcome.run ? outcome.run.records.filter((r) => r.status < 200 || r.status > 299).length : 0;
    const result = {
        outputs: {
            verdict: outcome.verdict,
            'failover-seconds': (worst / 1000).toFixed(1),
            'non-2xx': String(non2xx),
            requests: String(outcome.run?.records.length ?? 0),
            'evidence-dir': dir,
        },
        annotations: [],
        summary: summaryMarkdown(outcome, settings, summary, svg),
    };
    if (outcome.verdict === 'fail' || outcome.verdict === 'aborted' || outcome.verdict === 'refused')
        result.failure = `Failover drill ${outcome.verdict}: ${outcome.reasons.join('; ')} (evidence in ${(0,external_node_path_.join)(inputs.evidenceDir, 'DR_EVIDENCE.md')})`;
    return result;
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

/***/ 37268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  YK: () => (/* reexport */ ONLY_2XX),
  K4: () => (/* reexport */ buckets),
  kq: () => (/* reexport */ formatSummary),
  SA: () => (/* reexport */ httpTarget),
  eR: () => (/* binding */ runLoad),
  eh: () => (/* reexport */ summarize)
});

// UNUSED EXPORTS: K6_EXPECTED, ScheduleError, achievedRate, arrivalTime, distribution, isExpected, percentileSorted, plannedArrivals, providerFromHeaders, runOpenModel

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./lib/load/schedule.ts
/**
 * The open-model arrival schedule: arrival i is due at i × (1000 / rate) ms after the start,
 * whatever happened to the arrivals before it (a slow response never delays the next request —
 * the difference between an open model and a closed one, where a fixed pool of users waits).
 */
class ScheduleError extends Error {
    name = 'ScheduleError';
}
/** How many arrivals the bounds allow; throws a ScheduleError naming the fix when unbounded or invalid. */
function plannedArrivals(bounds) {
    const { rate, durationMs, maxRequests } = bounds;
    if (!Number.isFinite(rate) || rate <= 0)
        throw new ScheduleError(`rate must be a number of requests per second above 0, got ${rate}`);
    if (durationMs === undefined && maxRequests === undefined)
        throw new ScheduleError('a load run needs a bound: set durationMs, maxRequests or both');
    if (durationMs !== undefined && (!Number.isFinite(durationMs) || durationMs < 0))
        throw new ScheduleError(`durationMs must be a finite number of milliseconds >= 0, got ${durationMs}`);
    if (maxRequests !== undefined && (!Number.isInteger(maxRequests) || maxRequests < 0))
        throw new ScheduleError(`maxRequests must be a whole number >= 0, got ${maxRequests}`);
    // The epsilon keeps 1000 ms at 200/s at 200 arrivals despite float error; max(0, …) avoids -0.
    const byDuration = durationMs === undefined ? Infinity : Math.max(0, Math.ceil((durationMs * rate) / 1000 - 1e-9));
    return Math.min(byDuration, maxRequests ?? Infinity);
}
/** When arrival `seq` is due, ms after the start. */
function arrivalTime(seq, rate) {
    return (seq * 1000) / rate;
}

;// CONCATENATED MODULE: ./lib/load/stats.ts
/**
 * Pure statistics over the per-request records of a load run: percentiles, the k6-shaped summary
 * (requests, rate, failures, latency p50/p90/p95/p99) and fixed-width time buckets. No I/O and no
 * clock, so the CLI, the drill and the benchmarks compute the same figures from the same records.
 */
const K6_EXPECTED = { min: 200, max: 399 };
const ONLY_2XX = { min: 200, max: 299 };
function isExpected(status, expected = K6_EXPECTED) {
    return status >= expected.min && status <= expected.max;
}
/**
 * The p-th percentile (0–100) of values sorted ascending, by linear interpolation between the
 * closest ranks — the method k6 uses for its trend metrics. NaN for an empty list.
 */
function percentileSorted(sorted, p) {
    if (p < 0 || p > 100 || Number.isNaN(p))
        throw new RangeError(`percentile must be within 0–100, got ${p}`);
    const n = sorted.length;
    if (n === 0)
        return Number.NaN;
    if (n === 1)
        return sorted[0];
    const rank = (p / 100) * (n - 1);
    const low = Math.floor(rank);
    const high = Math.ceil(rank);
    const fraction = rank - low;
    return sorted[low] + (sorted[high] - sorted[low]) * fraction;
}
function distribution(values) {
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    let total = 0;
    for (let i = 0; i < n; i++)
        total += sorted[i];
    const p50 = percentileSorted(sorted, 50);
    return {
        count: n,
        avg: n ? total / n : Number.NaN,
        min: n ? sorted[0] : Number.NaN,
        med: p50,
        max: n ? sorted[n - 1] : Number.NaN,
        p50,
        p90: percentileSorted(sorted, 90),
        p95: percentileSorted(sorted, 95),
        p99: percentileSorted(sorted, 99),
    };
}
function summarize(records, options) {
    const expected = options.expected ?? K6_EXPECTED;
    const latencies = new Float64Array(records.length);
    const lateness = new Float64Array(records.length);
    const statuses = {};
    const providers = {};
    let failed = 0;
    let end = 0;
    records.forEach((r, i) => {
        latencies[i] = r.endMs - r.sentMs;
        lateness[i] = Math.max(0, r.sentMs - r.scheduledMs);
        if (!isExpected(r.status, expected))
            failed++;
        statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
        providers[r.provider] = (providers[r.provider] ?? 0) + 1;
        if (r.endMs > end)
            end = r.endMs;
    });
    const durationMs = options.durationMs ?? end;
    const seconds = durationMs / 1000;
    return {
        http_reqs: { count: records.length, rate: seconds > 0 ? records.length / seconds : 0 },
        http_req_failed: { count: failed, rate: records.length ? failed / records.length : 0 },
        http_req_duration: distribution(latencies),
        dropped_iterations: { count: options.dropped ?? 0 },
        schedule_lateness: distribution(lateness),
        target_rate: options.targetRate,
        duration_ms: durationMs,
        statuses,
        providers,
    };
}
/** Rate achieved while the schedule was running: sent requests over the scheduled window. */
function achievedRate(records) {
    if (records.length < 2)
        return 0;
    let first = Infinity;
    let last = -Infinity;
    for (const r of records) {
        if (r.sentMs < first)
            first = r.sentMs;
        if (r.sentMs > last)
            last = r.sentMs;
    }
    // n arrivals span n-1 intervals.
    return last > first ? ((records.length - 1) * 1000) / (last - first) : 0;
}
function ms(value) {
    if (Number.isNaN(value))
        return '-';
    if (value >= 1000)
        return `${(value / 1000).toFixed(2)}s`;
    return `${value.toFixed(2)}ms`;
}
/** The summary as the text block k6 prints at the end of a run. */
function formatSummary(summary) {
    const d = summary.http_req_duration;
    const l = summary.schedule_lateness;
    const pct = (x) => `${(x * 100).toFixed(2)}%`;
    const line = (name, value) => `     ${name.padEnd(22, '.')}: ${value}`;
    return [
        line('http_req_duration', `avg=${ms(d.avg)} min=${ms(d.min)} med=${ms(d.med)} max=${ms(d.max)} p(90)=${ms(d.p90)} p(95)=${ms(d.p95)} p(99)=${ms(d.p99)}`),
        line('http_req_failed', `${pct(summary.http_req_failed.rate)} ✓ ${summary.http_req_failed.count} ✗ ${summary.http_reqs.count - summary.http_req_failed.count}`),
        line('http_reqs', `${summary.http_reqs.count} ${summary.http_reqs.rate.toFixed(2)}/s`),
        line('dropped_iterations', String(summary.dropped_iterations.count)),
        line('schedule_lateness', `p(50)=${ms(l.p50)} p(99)=${ms(l.p99)} max=${ms(l.max)}`),
    ].join('\n');
}
/**
 * Groups records into `widthMs` slices by when they were sent (the moment a user would have made
 * the request), from 0 to the last send; slices without requests are kept so gaps are visible.
 */
function buckets(records, widthMs, expected = K6_EXPECTED) {
    if (!(widthMs > 0))
        throw new RangeError(`bucket width must be above 0 ms, got ${widthMs}`);
    let last = 0;
    for (const r of records)
        if (r.sentMs > last)
            last = r.sentMs;
    const count = records.length ? Math.floor(last / widthMs) + 1 : 0;
    const groups = Array.from({ length: count }, () => []);
    for (const r of records)
        groups[Math.max(0, Math.floor(r.sentMs / widthMs))].push(r);
    return groups.map((group, i) => {
        const statuses = {};
        const providers = {};
        const okByProvider = {};
        const errors = {};
        let ok = 0;
        const latencies = new Float64Array(group.length);
        group.forEach((r, j) => {
            statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
            providers[r.provider] = (providers[r.provider] ?? 0) + 1;
            if (r.error)
                errors[r.error] = (errors[r.error] ?? 0) + 1;
            if (isExpected(r.status, expected)) {
                ok++;
                okByProvider[r.provider] = (okByProvider[r.provider] ?? 0) + 1;
            }
            latencies[j] = r.endMs - r.sentMs;
        });
        latencies.sort();
        return {
            startMs: i * widthMs,
            requests: group.length,
            ok,
            failed: group.length - ok,
            statuses,
            providers,
            okByProvider,
            errors,
            latencyP50: percentileSorted(latencies, 50),
            latencyP99: percentileSorted(latencies, 99),
        };
    });
}

;// CONCATENATED MODULE: ./lib/load/generator.ts
/**
 * The open-model driver: sends arrival i at its scheduled time (lib/load/schedule.ts) through a
 * Sender without waiting for earlier responses, and records when each request was due, when it
 * left, when it ended, its status and who served it. Bounded by count and duration; an in-flight
 * cap turns arrivals that cannot be sent into counted drops instead of unbounded memory.
 */




async function runOpenModel(options, send) {
    const total = plannedArrivals(options);
    const rate = options.rate;
    const maxInFlight = options.maxInFlight ?? Math.max(1000, Math.ceil(rate * 30));
    if (!(maxInFlight >= 1))
        throw new ScheduleError(`maxInFlight must be at least 1, got ${maxInFlight}`);
    const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
    const inFlightAbort = new AbortController();
    const records = [];
    const pending = new Set();
    let dropped = 0;
    const start = external_node_perf_hooks_.performance.now();
    const startedAtEpochMs = external_node_perf_hooks_.performance.timeOrigin + start;
    const elapsed = () => external_node_perf_hooks_.performance.now() - start;
    options.onStart?.(startedAtEpochMs, elapsed);
    const fire = (seq) => {
        if (pending.size >= maxInFlight) {
            dropped++;
            return;
        }
        const scheduledMs = arrivalTime(seq, rate);
        const sentMs = elapsed();
        const done = send(seq, inFlightAbort.signal)
            .catch((error) => ({ status: 0, provider: '', error: describe(error) }))
            .then((outcome) => {
            const record = {
                seq,
                scheduledMs,
                sentMs,
                endMs: elapsed(),
                status: outcome.status,
                provider: outcome.provider,
            };
            if (outcome.error)
                record.error = outcome.error;
            records.push(record);
            options.onRecord?.(record);
        })
            .finally(() => pending.delete(done));
        pending.add(done);
    };
    let next = 0;
    let stoppedBy = 'schedule';
    while (next < total) {
        if (options.signal?.aborted) {
            stoppedBy = 'signal';
            break;
        }
        const now = elapsed();
        // Catch up on every arrival that is due: a late timer must not lower the rate.
        while (next < total && arrivalTime(next, rate) <= now)
            fire(next++);
        if (next >= total)
            break;
        const wait = arrivalTime(next, rate) - elapsed();
        // Sleep on a timer, never spin: a busy loop would take the CPU the transport (and, on a shared
        // machine, the target) needs. A timer fires up to ~1 ms late; the catch-up above absorbs it.
        if (wait >= 1)
            await (0,promises_.setTimeout)(Math.floor(wait));
        else
            await (0,promises_.setImmediate)();
    }
    if (pending.size > 0) {
        let timer;
        const drained = Promise.all(pending).then(() => 'drained');
        const timedOut = new Promise((resolve) => {
            timer = setTimeout(() => resolve('timeout'), drainTimeoutMs);
        });
        const outcome = await Promise.race([drained, timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
            inFlightAbort.abort(new Error(`still unanswered ${drainTimeoutMs} ms after the schedule ended`));
            await Promise.all(pending);
        }
    }
    records.sort((a, b) => a.seq - b.seq);
    // The rate is over the scheduled window (n slots of 1/rate), as k6 reports it for a constant arrival rate.
    let window = arrivalTime(next, rate);
    for (const r of records)
        if (r.sentMs > window)
            window = r.sentMs;
    const summaryOptions = { targetRate: rate, durationMs: window, dropped };
    if (options.expected)
        summaryOptions.expected = options.expected;
    return { startedAtEpochMs, records, dropped, stoppedBy, summary: summarize(records, summaryOptions) };
}
function describe(error) {
    if (error instanceof Error)
        return error.code ?? error.message ?? error.name;
    return String(error);
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./lib/load/providers.ts
function providerFromHeaders(get) {
    const first = (name) => {
        const value = get(name);
        if (Array.isArray(value))
            return value[0];
        return value ?? undefined;
    };
    const ray = first('cf-ray');
    if (ray) {
        const dash = ray.lastIndexOf('-');
        return dash > 0 ? { provider: 'cloudflare', pop: ray.slice(dash + 1) } : { provider: 'cloudflare' };
    }
    const pop = first('x-amz-cf-pop');
    if (pop)
        return { provider: 'cloudfront', pop };
    if (first('x-amz-cf-id'))
        return { provider: 'cloudfront' };
    return { provider: '' };
}

;// CONCATENATED MODULE: ./lib/load/http-target.ts
/**
 * The HTTP adapter of the load generator, on undici: one keep-alive connection pool per target
 * (a CDN edge keeps connections open too, so a fresh TCP handshake per request would measure the
 * wrong thing), no pipelining (a slow response must not hold the next request back: head-of-line
 * blocking would turn the open model into a closed one), a per-request timeout, the body read to
 * its end (latency includes it, as k6's http_req_duration does), and the serving provider read
 * from the response headers. undici rather than node:http: per request it costs a fraction of the
 * CPU, which is what keeps arrivals on schedule at thousands per second (bench/drill).
 */


const DEFAULT_CONNECTIONS = 256;
/** Errors of a kept-alive connection the server closed while it sat idle: resent once, as browsers do. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);
function httpTarget(url, options = {}) {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new Error(`load target must be an http(s) URL, got ${target.protocol}//…`);
    const pool = new undici/* Pool */.bC(target.origin, {
        connections: options.maxSockets ?? DEFAULT_CONNECTIONS,
        pipelining: 1,
        ...(options.ca ? { connect: { ca: options.ca } } : {}),
    });
    const timeoutMs = options.timeoutMs ?? 10_000;
    const request = {
        path: target.pathname + target.search,
        method: (options.method ?? 'GET'),
        headers: options.headers ?? {},
    };
    // One abort listener per signal, not per request: thousands of requests in flight would otherwise
    // make every removeEventListener a linear scan.
    const inFlight = new WeakMap();
    const aborters = (signal) => {
        let set = inFlight.get(signal);
        if (!set) {
            const created = new Set();
            signal.addEventListener('abort', () => {
                for (const abort of [...created])
                    abort();
            }, { once: true });
            inFlight.set(signal, created);
            set = created;
        }
        return set;
    };
    const send = async (_seq, signal) => {
        if (signal.aborted)
            return { status: 0, provider: '', error: 'aborted' };
        const controller = new AbortController();
        let stoppedBy;
        const stop = (why) => {
            stoppedBy ??= why;
            controller.abort();
        };
        const timer = setTimeout(() => stop(`timeout after ${timeoutMs} ms`), timeoutMs);
        const onAbort = () => stop('aborted');
        const pending = aborters(signal);
        pending.add(onAbort);
        try {
            for (let attempt = 0;; attempt++) {
                try {
                    const res = await pool.request({ ...request, signal: controller.signal });
                    const provider = providerFromHeaders((name) => headerValue(res.headers[name])).provider;
                    await res.body.dump({ limit: Infinity, signal: controller.signal });
                    if (stoppedBy)
                        return { status: 0, provider, error: stoppedBy };
                    return { status: res.statusCode, provider };
                }
                catch (error) {
                    if (stoppedBy)
                        return { status: 0, provider: '', error: stoppedBy };
                    const code = errorName(error);
                    if (attempt === 0 && STALE_CONNECTION.has(code))
                        continue;
                    return { status: 0, provider: '', error: code };
                }
            }
        }
        finally {
            clearTimeout(timer);
            pending.delete(onAbort);
        }
    };
    return {
        send,
        close: () => {
            void pool.destroy().catch(() => undefined);
        },
    };
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** The error code (ECONNREFUSED, ECONNRESET), never a message that could echo a URL with credentials. */
function errorName(error) {
    // Duck-typed: errors from Node's internals may come from another realm than this module's Error.
    const { code, cause, name } = (error ?? {});
    // undici wraps the socket's own error (ECONNREFUSED…) as the cause of a connect failure.
    if (typeof cause?.code === 'string')
        return cause.code;
    if (typeof code === 'string')
        return code;
    return typeof name === 'string' ? name : 'error';
}

;// CONCATENATED MODULE: ./lib/load/index.ts
/**
 * The open-model load generator (k6 is AGPL and is not used here): a constant arrival rate whose
 * arrivals never wait for responses, a timestamp/status/provider/latency record per request, and a
 * summary in k6's shape. `runLoad` is the HTTP entry point; `runOpenModel` takes any Sender.
 */







/** Drives `url` at `rate` requests per second until the count or duration bound. */
async function runLoad(options) {
    const target = httpTarget(options.url, options);
    try {
        return await runOpenModel(options, target.send);
    }
    finally {
        target.close();
    }
}


/***/ })

};
