import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 8119;
export const ids = [8119];
export const modules = {

/***/ 10546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ kubeReader),
/* harmony export */   WE: () => (/* binding */ explain)
/* harmony export */ });
/* unused harmony exports KubeAccessError, KUBE_TIMEOUT_MS, KUBE_CLIENT_NODE */
/**
 * What surge mode reads from the cluster, through the official client (@kubernetes/client-node):
 * the target's scale subresource, the HPA KEDA created, and its events. A refusal (401/403) is a
 * KubeAccessError naming the verb, resource and namespace to grant. The client itself is in
 * kube-client.ts, imported only when a reader is opened (see there).
 */
class KubeAccessError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KubeAccessError';
    }
}
/** Default bound of one API call: client-node sets none, and a silent API server would hang the step. */
const KUBE_TIMEOUT_MS = 10_000;
function explain(error, verb, resource, namespace, timeoutMs) {
    const name = error.name;
    if (name === 'AbortError' || name === 'TimeoutError')
        throw new KubeAccessError(`Kubernetes API did not answer within ${timeoutMs} ms to ${verb} ${resource} in namespace ${namespace}: check the cluster (the kubeconfig's server) or raise query-timeout`);
    const code = error.code;
    if (code === 401 || code === 403)
        throw new KubeAccessError(`Kubernetes API answered ${code} ${code === 403 ? 'Forbidden' : 'Unauthorized'} to ${verb} ${resource} in namespace ${namespace}: grant the identity in the kubeconfig get on deployments/scale and horizontalpodautoscalers and list on events there`);
    if (code === 404)
        throw new KubeAccessError(`Kubernetes API: ${resource} not found in namespace ${namespace}; check scaleTargetRef / the HPA name`);
    throw new KubeAccessError(`Kubernetes API: ${verb} ${resource} in ${namespace} failed: ${error.message.split('\n')[0]}`);
}
/** Minimum Node of @kubernetes/client-node's HTTP stack (undici 8's engines field). */
const KUBE_CLIENT_NODE = [22, 19];
/** A reader over the cluster of `kubeconfigFile` (the default kubeconfig when absent). */
async function kubeReader(kubeconfigFile, { timeoutMs = KUBE_TIMEOUT_MS } = {}) {
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major < KUBE_CLIENT_NODE[0] || (major === KUBE_CLIENT_NODE[0] && minor < KUBE_CLIENT_NODE[1]))
        throw new KubeAccessError(`reading the cluster needs Node ≥ ${KUBE_CLIENT_NODE.join('.')} (@kubernetes/client-node); this is ${process.version}. Run on Node 24 (the actions' runtime), or use mode static`);
    const { openKubeReader } = await Promise.all(/* import() */[__webpack_require__.e(5814), __webpack_require__.e(1425), __webpack_require__.e(4824)]).then(__webpack_require__.bind(__webpack_require__, 84824));
    return openKubeReader(kubeconfigFile, timeoutMs);
}


/***/ }),

/***/ 88119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKedaVerify: () => (/* binding */ createKedaVerify),
  "default": () => (/* binding */ main),
  inputs: () => (/* binding */ main_inputs),
  seconds: () => (/* binding */ seconds)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/action.ts
var action = __webpack_require__(95490);
// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(90453);
// EXTERNAL MODULE: ./lib/report/types.ts
var types = __webpack_require__(60944);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/config.ts
var lib_config = __webpack_require__(9426);
// EXTERNAL MODULE: ./lib/workspace.ts
var lib_workspace = __webpack_require__(29907);
;// CONCATENATED MODULE: ./actions/keda-verify/src/load.ts
/**
 * Reads the manifests to verify: files or directories (every *.yaml / *.yml below them, sorted),
 * each a multi-document stream. KEDA kinds are kept with their positions; other kinds (the
 * Deployment beside a ScaledObject, a Service) are counted and skipped. Also reads Prometheus rule
 * files so a trigger's recorded series can be traced back to the windows in its rule.
 */




const KEDA_KINDS = new Set(['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication']);
async function collect(absolute, out) {
    const info = await (0,promises_.stat)(absolute);
    if (info.isFile()) {
        out.push(absolute);
        return;
    }
    const entries = await (0,promises_.readdir)(absolute, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules')
            continue;
        const child = (0,external_node_path_.join)(absolute, entry.name);
        // A symlinked directory is not entered (it may lead out of the workspace, or round in a
        // cycle); a symlinked file is listed, and reading it refuses one that leaves the workspace.
        if (entry.isDirectory())
            await collect(child, out);
        else if (/\.ya?ml$/.test(entry.name))
            out.push(child);
    }
}
/** A workspace file's text, or a ConfigError at it saying why it is not read. */
async function readText(workspace, absolute, shown, hint) {
    const read = await (0,lib_workspace/* readWorkspaceFile */.sL)(workspace, absolute);
    if (read.ok)
        return read.text;
    const why = read.why.replaceAll(absolute, shown);
    throw new lib_config/* ConfigError */.xL(shown, { line: 1, column: 1 }, why.endsWith(': not found') ? `not found; ${hint}` : why);
}
/** Workspace-relative display path with forward slashes. */
function display(workspace, absolute) {
    const rel = (0,external_node_path_.relative)(workspace, absolute);
    return (rel.startsWith('..') ? absolute : rel).split(external_node_path_.sep).join('/');
}
async function loadManifests(workspace, paths) {
    const files = [];
    for (const p of paths) {
        const absolute = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(workspace, p);
        const outside = await (0,lib_workspace/* outsideWorkspace */.tq)(workspace, absolute);
        if (outside)
            throw new lib_config/* ConfigError */.xL(p, { line: 1, column: 1 }, `refused: ${outside}; verify manifests of the repository`);
        try {
            await collect(absolute, files);
        }
        catch (error) {
            const code = error.code;
            throw new lib_config/* ConfigError */.xL(p, { line: 1, column: 1 }, code === 'ENOENT' ? 'path not found; check the path input' : `cannot read (${code ?? String(error)})`);
        }
    }
    const set = { files: [], keda: [], skipped: {}, documents: 0 };
    for (const file of files) {
        const shown = display(workspace, file);
        set.files.push(shown);
        const text = await readText(workspace, file, shown, 'check the path input');
        const docs = (0,lib_config/* parseConfigDocuments */.Su)(shown, text);
        for (const doc of docs) {
            set.documents++;
            const value = doc.value;
            const kind = value && typeof value === 'object' && !Array.isArray(value) ? value['kind'] : undefined;
            if (typeof kind === 'string' && KEDA_KINDS.has(kind))
                set.keda.push(doc);
            else {
                const name = typeof kind === 'string' ? kind : '(no kind)';
                set.skipped[name] = (set.skipped[name] ?? 0) + 1;
            }
        }
    }
    return set;
}
/** Prometheus rule files (`groups: [{ rules: [{ record, expr }] }]`): recorded series by name. */
async function loadRecordingRules(workspace, paths) {
    const rules = new Map();
    for (const p of paths) {
        const absolute = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(workspace, p);
        const shown = display(workspace, absolute);
        const text = await readText(workspace, absolute, shown, 'check the prometheus-rules input');
        const config = (0,lib_config/* parseConfig */.o4)(shown, text);
        (config.value?.groups ?? []).forEach((g, gi) => (g.rules ?? []).forEach((r, ri) => {
            if (r.record && r.expr && !rules.has(r.record))
                rules.set(r.record, {
                    expr: String(r.expr),
                    file: shown,
                    line: config.locate(['groups', gi, 'rules', ri, 'expr']).line,
                });
        }));
    }
    return rules;
}

// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(86828);
;// CONCATENATED MODULE: ./lib/dlp-ingress/promql.ts
/**
 * PromQL checks for the dashboard and recording rules: syntax via the Prometheus project's own
 * lezer grammar, plus the type rules the grammar does not enforce (rate() wants a range vector,
 * aggregations want instant vectors, a panel must yield a vector or scalar), and the label names
 * and metric names a query touches, so a test can forbid value-bearing labels.
 */

class PromQLError extends Error {
    offset;
    constructor(expr, offset, detail) {
        super(`${detail} at offset ${offset}: ${expr.slice(Math.max(0, offset - 30), offset)}⟨here⟩${expr.slice(offset, offset + 30)}`);
        this.name = 'PromQLError';
        this.offset = offset;
    }
}
/**
 * Grafana's variables made concrete so the text parses: built-in durations become `5m`,
 * `$__range_s` a number, and template variables (only allowed inside quoted matchers) `.*`.
 */
function substituteGrafanaVariables(expr) {
    return expr
        .replace(/\$__range_s\b|\$\{__range_s\}/g, '3600')
        .replace(/\$__(?:rate_interval|interval|range)\b|\$\{__(?:rate_interval|interval|range)\}/g, '5m')
        .replace(/\$\{[A-Za-z_]\w*(?::\w+)?\}|\$[A-Za-z_]\w*/g, '.*');
}
// Functions whose argument types differ from "one instant vector": [argument types, result].
const RANGE_FUNCTIONS = new Set([
    'Rate',
    'Irate',
    'Increase',
    'Delta',
    'Idelta',
    'Deriv',
    'Changes',
    'Resets',
    'AvgOverTime',
    'SumOverTime',
    'MinOverTime',
    'MaxOverTime',
    'CountOverTime',
    'LastOverTime',
    'StddevOverTime',
    'StdvarOverTime',
    'PresentOverTime',
    'AbsentOverTime',
]);
const SPECIAL_FUNCTIONS = {
    Vector: { args: ['scalar'], result: 'vector' },
    Scalar: { args: ['vector'], result: 'scalar' },
    Time: { args: [], result: 'scalar' },
    HistogramQuantile: { args: ['scalar', 'vector'], result: 'vector' },
    QuantileOverTime: { args: ['scalar', 'matrix'], result: 'vector' },
    LabelReplace: { args: ['vector', 'string', 'string', 'string', 'string'], result: 'vector' },
    ClampMin: { args: ['vector', 'scalar'], result: 'vector' },
    ClampMax: { args: ['vector', 'scalar'], result: 'vector' },
    Round: { args: ['vector', 'scalar'], result: 'vector' },
};
// Children of a BinaryExpr that are not operands.
const OPERATOR_NODES = new Set([
    'Add',
    'Sub',
    'Mul',
    'Div',
    'Mod',
    'Pow',
    'Atan2',
    'Eql',
    'Neq',
    'Lss',
    'Gtr',
    'Lte',
    'Gte',
    'And',
    'Or',
    'Unless',
    'BoolModifier',
    'MatchingModifierClause',
]);
const PARAM_AGGREGATIONS = {
    Topk: 'scalar',
    Bottomk: 'scalar',
    Quantile: 'scalar',
    CountValues: 'string',
    LimitK: 'scalar',
};
function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
function analysePromQL(expr) {
    const tree = index_es/* parser */.K3D.parse(expr);
    const metrics = new Set();
    const labels = new Set();
    const text = (n) => expr.slice(n.from, n.to);
    const unquote = (n) => {
        const t = text(n);
        return t.slice(1, -1);
    };
    tree.iterate({
        enter(ref) {
            if (ref.type.isError)
                throw new PromQLError(expr, ref.from, 'syntax error');
        },
    });
    const typeOf = (node) => {
        switch (node.name) {
            case 'PromQL': {
                const [only] = children(node);
                if (!only)
                    throw new PromQLError(expr, 0, 'empty expression');
                return typeOf(only);
            }
            case 'NumberDurationLiteral':
            case 'NumberLiteral':
                return 'scalar';
            case 'StringLiteral':
                return 'string';
            case 'VectorSelector': {
                for (const c of children(node)) {
                    if (c.name === 'Identifier')
                        metrics.add(text(c));
                    if (c.name === 'LabelMatchers') {
                        for (const m of children(c)) {
                            const name = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
                            if (name)
                                labels.add(name.name === 'QuotedLabelName' ? unquote(name) : text(name));
                        }
                    }
                }
                return 'vector';
            }
            case 'MatrixSelector':
            case 'SubqueryExpr': {
                const inner = children(node)[0];
                const t = typeOf(inner);
                if (t !== 'vector')
                    throw new PromQLError(expr, node.from, `a range needs an instant vector, got ${t}`);
                return 'matrix';
            }
            case 'OffsetExpr':
            case 'ParenExpr':
                return typeOf(children(node)[0]);
            case 'UnaryExpr': {
                const t = typeOf(children(node).find((c) => c.name !== 'UnaryOp'));
                if (t !== 'vector' && t !== 'scalar')
                    throw new PromQLError(expr, node.from, `unary minus on ${t}`);
                return t;
            }
            case 'BinaryExpr': {
                const [l, r] = children(node).filter((c) => !OPERATOR_NODES.has(c.name));
                const modifier = node.getChild('MatchingModifierClause');
                if (modifier)
                    for (const ln of modifier.getChildren('GroupingLabels').flatMap((g) => g.getChildren('LabelName')))
                        labels.add(text(ln));
                const lt = typeOf(l);
                const rt = typeOf(r);
                for (const [t, n] of [
                    [lt, l],
                    [rt, r],
                ]) {
                    if (t !== 'vector' && t !== 'scalar')
                        throw new PromQLError(expr, n.from, `binary operator on ${t}`);
                }
                return lt === 'vector' || rt === 'vector' ? 'vector' : 'scalar';
            }
            case 'AggregateExpr': {
                const op = node.getChild('AggregateOp');
                const opName = children(op)[0]?.name ?? text(op);
                const modifier = node.getChild('AggregateModifier');
                if (modifier)
                    for (const ln of modifier.getChildren('GroupingLabels').flatMap((g) => g.getChildren('LabelName')))
                        labels.add(text(ln));
                const args = children(node.getChild('FunctionCallBody'));
                const param = PARAM_AGGREGATIONS[opName];
                const expected = param ? [param, 'vector'] : ['vector'];
                checkArgs(args, expected, `${text(op)}()`);
                if (opName === 'CountValues')
                    labels.add(unquote(args[0]));
                return 'vector';
            }
            case 'FunctionCall': {
                const id = node.getChild('FunctionIdentifier');
                const fn = children(id)[0]?.name ?? text(id);
                const args = children(node.getChild('FunctionCallBody'));
                if (RANGE_FUNCTIONS.has(fn)) {
                    checkArgs(args, ['matrix'], `${text(id)}()`);
                    return 'vector';
                }
                const special = SPECIAL_FUNCTIONS[fn];
                if (special) {
                    checkArgs(args, special.args, `${text(id)}()`);
                    if (fn === 'LabelReplace')
                        labels.add(unquote(args[1]));
                    return special.result;
                }
                checkArgs(args, ['vector'], `${text(id)}()`);
                return 'vector';
            }
            default:
                throw new PromQLError(expr, node.from, `unsupported expression ${node.name}`);
        }
    };
    const checkArgs = (args, expected, what) => {
        if (args.length !== expected.length)
            throw new PromQLError(expr, args[0]?.from ?? 0, `${what} takes ${expected.length} argument(s), got ${args.length}`);
        args.forEach((a, i) => {
            const t = typeOf(a);
            if (t !== expected[i])
                throw new PromQLError(expr, a.from, `${what} argument ${i + 1} must be ${expected[i]}, got ${t}`);
        });
    };
    const type = typeOf(tree.topNode);
    return { type, metrics: [...metrics].sort(), labels: [...labels].sort() };
}

;// CONCATENATED MODULE: ./actions/keda-verify/src/promql.ts
/**
 * What KEDA needs of a Prometheus trigger query, beyond syntax: that it yields one series (KEDA
 * fails, or reads the first of many, otherwise), and which range windows it uses (a rate over
 * fewer than ~4 scrapes is noise, and over fewer than 2 it is empty). Syntax and type errors come
 * from the shared PromQL analyser (Prometheus' own lezer grammar).
 */



const UNIT_SECONDS = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86400,
    w: 604800,
    y: 31536000,
};
/** `1h30m`, `90s`, `500ms` → seconds; NaN when it is not a Prometheus duration. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed);
    const re = /(\d+)(ms|s|m|h|d|w|y)/gy;
    let total = 0;
    let match;
    let consumed = 0;
    while ((match = re.exec(trimmed))) {
        total += Number(match[1]) * UNIT_SECONDS[match[2]];
        consumed = re.lastIndex;
    }
    return consumed === trimmed.length && consumed > 0 ? total : NaN;
}
function formatDuration(seconds) {
    if (seconds >= 60 && seconds % 60 === 0)
        return `${seconds / 60}m`;
    if (seconds >= 1 && Number.isInteger(seconds))
        return `${seconds}s`;
    return `${Math.round(seconds * 1000)}ms`;
}
function promql_children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
// Functions that keep one series per input series (so one in, one out).
const PER_SERIES = new Set([
    'Abs',
    'Ceil',
    'Floor',
    'Exp',
    'Ln',
    'Log2',
    'Log10',
    'Sqrt',
    'Round',
    'ClampMin',
    'ClampMax',
    'Clamp',
    'Sgn',
    'Rate',
    'Irate',
    'Increase',
    'Delta',
    'Idelta',
    'Deriv',
    'AvgOverTime',
    'MaxOverTime',
    'MinOverTime',
    'SumOverTime',
    'CountOverTime',
    'LastOverTime',
    'QuantileOverTime',
    'StddevOverTime',
    'Timestamp',
]);
/** Parses and analyses one query; throws PromQLError on syntax or type errors. */
function analyseQuery(query) {
    const info = analysePromQL(query);
    const tree = index_es/* parser */.K3D.parse(query);
    const windows = [];
    tree.iterate({
        enter(ref) {
            if (ref.name === 'MatrixSelector' || ref.name === 'SubqueryExpr') {
                const range = ref.node.getChild('DurationExpr');
                if (range) {
                    const text = query.slice(range.from, range.to);
                    windows.push({ text, seconds: parseDuration(text), offset: range.from });
                }
            }
        },
    });
    const text = (n) => query.slice(n.from, n.to);
    /** Null if at most one series, else the reason; `dropping` labels a caller collapses (le). */
    const many = (node, dropping = []) => {
        switch (node.name) {
            case 'PromQL':
            case 'ParenExpr':
            case 'OffsetExpr':
                return many(promql_children(node)[0], dropping);
            case 'NumberLiteral':
            case 'NumberDurationLiteral':
            case 'StringLiteral':
                return null;
            case 'UnaryExpr':
                return many(promql_children(node).find((c) => c.name !== 'UnaryOp'), dropping);
            case 'VectorSelector':
            case 'MatrixSelector':
            case 'SubqueryExpr':
                return `'${text(node).slice(0, 60)}' selects every matching series; wrap the query in an aggregation without grouping (e.g. max(...) or sum(...))`;
            case 'AggregateExpr': {
                const op = promql_children(node.getChild('AggregateOp'))[0]?.name ?? '';
                const modifier = node.getChild('AggregateModifier');
                if (op === 'Topk' ||
                    op === 'Bottomk' ||
                    op === 'CountValues' ||
                    op === 'LimitK' ||
                    op === 'LimitRatio')
                    return `${text(node.getChild('AggregateOp'))}() can return several series`;
                if (!modifier)
                    return null;
                const labels = modifier
                    .getChildren('GroupingLabels')
                    .flatMap((g) => g.getChildren('LabelName'))
                    .map(text);
                if (modifier.getChild('Without'))
                    return `'${text(node).slice(0, 60)}' aggregates without (${labels.join(', ')}) and keeps every other label`;
                const kept = labels.filter((l) => !dropping.includes(l));
                if (kept.length > 0)
                    return `'${text(node).slice(0, 60)}' keeps one series per ${kept.join(', ')}; aggregate them away (max or sum without by)`;
                return null;
            }
            case 'FunctionCall': {
                const fn = promql_children(node.getChild('FunctionIdentifier'))[0]?.name ?? '';
                const args = promql_children(node.getChild('FunctionCallBody'));
                if (['Time', 'Scalar', 'Vector', 'Pi', 'Absent', 'AbsentOverTime'].includes(fn))
                    return null;
                // histogram_quantile collapses the `le` label; everything else must already be single.
                if (fn === 'HistogramQuantile')
                    return many(args[1], ['le']);
                if (PER_SERIES.has(fn)) {
                    const vectorArg = args.find((a) => a.name !== 'NumberLiteral' && a.name !== 'NumberDurationLiteral');
                    return vectorArg ? many(vectorArg, dropping) : null;
                }
                const vectorArgs = args.filter((a) => a.name !== 'StringLiteral');
                for (const a of vectorArgs) {
                    const reason = many(a, dropping);
                    if (reason)
                        return reason;
                }
                return null;
            }
            case 'BinaryExpr': {
                const operands = promql_children(node).filter((c) => c.name.endsWith('Expr') ||
                    c.name.endsWith('Literal') ||
                    c.name === 'VectorSelector' ||
                    c.name === 'FunctionCall');
                for (const o of operands) {
                    const reason = many(o, dropping);
                    if (reason)
                        return reason;
                }
                return null;
            }
            default:
                return `cannot tell how many series '${text(node).slice(0, 60)}' returns`;
        }
    };
    return {
        type: info.type,
        metrics: info.metrics,
        multiSeries: many(tree.topNode),
        windows,
    };
}

// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(12241);
;// CONCATENATED MODULE: ./actions/keda-verify/src/report.ts
/** Static-mode output: annotations at the YAML lines and the per-ScaledObject summary table. */


const MAX_ANNOTATIONS = 50;
function annotations(findings) {
    return findings.map((f) => (0,types/* findingToAnnotation */.M)(f, `keda-verify: ${f.ruleId}`));
}
function staticSummary(set, rows, findings) {
    const s = (0,summary/* summary */.z)().heading('KEDA verification');
    const skipped = Object.entries(set.skipped);
    const errors = findings.filter((f) => f.level === 'error').length;
    const warnings = findings.filter((f) => f.level === 'warning').length;
    s.paragraph(`${set.files.length} file(s), ${set.documents} document(s): ${rows.filter((r) => r.kind === 'ScaledObject').length} ScaledObject(s), ${rows.filter((r) => r.kind !== 'ScaledObject').length} TriggerAuthentication(s); ${skipped.reduce((n, [, c]) => n + c, 0)} other document(s) skipped${skipped.length ? ` (${skipped.map(([k, c]) => `${c} ${k}`).join(', ')})` : ''}. ${errors} error(s), ${warnings} warning(s).`);
    if (rows.length > 0)
        s.table(['object', 'file', 'target', 'min', 'max', 'scale-down window', 'triggers', 'errors', 'warnings'], rows.map((r) => [
            `${r.kind} ${r.namespace}/${r.name}`,
            `${r.file}:${r.line}`,
            r.target,
            r.min,
            r.max,
            r.scaleDownWindow,
            r.triggers,
            r.errors,
            r.warnings,
        ]));
    if (findings.length > 0)
        s.details(`Findings (${findings.length})`, (0,summary/* summary */.z)().table(['rule', 'level', 'where', 'message'], findings.map((f) => [
            f.ruleId,
            f.level,
            f.location ? `${f.location.file}:${f.location.line}` : '',
            f.message,
        ])), true);
    return s;
}

// EXTERNAL MODULE: ./lib/schema.ts
var schema = __webpack_require__(96643);
;// CONCATENATED MODULE: ./actions/keda-verify/src/schema.ts
/**
 * JSON Schemas (2020-12) of KEDA's ScaledObject and (Cluster)TriggerAuthentication, written from
 * KEDA's reference (keda.sh/docs/2.18/reference/scaledobject-spec, concepts/authentication) and the
 * autoscaling/v2 HPA behavior it passes through. Closed objects (additionalProperties: false)
 * wherever KEDA defines the fields, so a misspelt key is an error at its line instead of being
 * silently ignored by the API server's pruning. Trigger metadata stays an open string map here:
 * scaler-specific keys are checked by the semantic layer (semantics.ts).
 */
const nonNegativeInt = { type: 'integer', minimum: 0 };
const positiveInt = { type: 'integer', minimum: 1 };
const objectMeta = {
    type: 'object',
    required: ['name'],
    properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
        namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
};
const hpaPolicy = {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'value', 'periodSeconds'],
    properties: {
        type: { enum: ['Pods', 'Percent'] },
        value: positiveInt,
        periodSeconds: { type: 'integer', minimum: 1, maximum: 1800 },
    },
};
const hpaRules = {
    type: 'object',
    additionalProperties: false,
    properties: {
        stabilizationWindowSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
        selectPolicy: { enum: ['Max', 'Min', 'Disabled'] },
        policies: { type: 'array', items: hpaPolicy },
        tolerance: { type: ['string', 'number'] },
    },
};
const trigger = {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'metadata'],
    properties: {
        type: { type: 'string', minLength: 1 },
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
        metricType: { enum: ['AverageValue', 'Value', 'Utilization'] },
        useCachedMetrics: { type: 'boolean' },
        authenticationRef: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
                name: { type: 'string', minLength: 1 },
                kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'] },
            },
        },
    },
};
const scaledObjectSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://summit-ops.dev/schemas/keda/scaledobject.json',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
        apiVersion: { const: 'keda.sh/v1alpha1' },
        kind: { const: 'ScaledObject' },
        metadata: objectMeta,
        status: { type: 'object' },
        spec: {
            type: 'object',
            additionalProperties: false,
            required: ['scaleTargetRef', 'triggers'],
            properties: {
                scaleTargetRef: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name'],
                    properties: {
                        apiVersion: { type: 'string' },
                        kind: { type: 'string' },
                        name: { type: 'string', minLength: 1 },
                        envSourceContainerName: { type: 'string' },
                    },
                },
                pollingInterval: positiveInt,
                cooldownPeriod: nonNegativeInt,
                initialCooldownPeriod: nonNegativeInt,
                idleReplicaCount: nonNegativeInt,
                minReplicaCount: nonNegativeInt,
                maxReplicaCount: positiveInt,
                fallback: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['failureThreshold', 'replicas'],
                    properties: {
                        failureThreshold: positiveInt,
                        replicas: nonNegativeInt,
                        behavior: {
                            enum: ['static', 'currentReplicas', 'currentReplicasIfHigher', 'currentReplicasIfLower'],
                        },
                    },
                },
                advanced: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        restoreToOriginalReplicaCount: { type: 'boolean' },
                        horizontalPodAutoscalerConfig: {
                            type: 'object',
                            additionalProperties: false,
                            properties: {
                                name: { type: 'string' },
                                behavior: {
                                    type: 'object',
                                    additionalProperties: false,
                                    properties: { scaleUp: hpaRules, scaleDown: hpaRules },
                                },
                            },
                        },
                        scalingModifiers: {
                            type: 'object',
                            additionalProperties: false,
                            properties: {
                                formula: { type: 'string' },
                                target: { type: 'string' },
                                activationTarget: { type: 'string' },
                                metricType: { enum: ['AverageValue', 'Value'] },
                            },
                        },
                    },
                },
                triggers: { type: 'array', minItems: 1, items: trigger },
            },
        },
    },
};
const parameterRef = (extra, required) => ({
    type: 'array',
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['parameter', ...required],
        properties: { parameter: { type: 'string', minLength: 1 }, ...extra },
    },
});
const authSpec = {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
        podIdentity: {
            type: 'object',
            additionalProperties: false,
            required: ['provider'],
            properties: {
                provider: { enum: ['none', 'azure-workload', 'aws', 'aws-eks', 'gcp'] },
                identityId: { type: 'string' },
                identityTenantId: { type: 'string' },
                identityAuthorityHost: { type: 'string' },
                roleArn: { type: 'string' },
                identityOwner: { enum: ['keda', 'workload'] },
            },
        },
        secretTargetRef: parameterRef({ name: { type: 'string' }, key: { type: 'string' } }, ['name', 'key']),
        configMapTargetRef: parameterRef({ name: { type: 'string' }, key: { type: 'string' } }, ['name', 'key']),
        env: parameterRef({ name: { type: 'string' }, containerName: { type: 'string' } }, ['name']),
        boundServiceAccountToken: parameterRef({ serviceAccountName: { type: 'string' } }, [
            'serviceAccountName',
        ]),
        // Provider blocks with many optional fields: type-checked only.
        hashiCorpVault: { type: 'object', required: ['address', 'authentication', 'secrets'] },
        azureKeyVault: { type: 'object', required: ['vaultUri', 'secrets'] },
        awsSecretManager: { type: 'object', required: ['secrets'] },
        gcpSecretManager: { type: 'object', required: ['secrets'] },
    },
};
const triggerAuthenticationSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://summit-ops.dev/schemas/keda/triggerauthentication.json',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
        apiVersion: { const: 'keda.sh/v1alpha1' },
        kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'] },
        metadata: objectMeta,
        spec: authSpec,
    },
};

;// CONCATENATED MODULE: ./actions/keda-verify/src/semantics.ts

const K8S_DEFAULT_SCALE_DOWN_WINDOW = 300;
const KEDA_DEFAULTS = {
    pollingInterval: 30,
    cooldownPeriod: 300,
    minReplicaCount: 0,
    maxReplicaCount: 100,
};
const PROMETHEUS_KEYS = new Set([
    'serverAddress',
    'query',
    'threshold',
    'activationThreshold',
    'namespace',
    'customHeaders',
    'ignoreNullValues',
    'queryParameters',
    'unsafeSsl',
    'timeout',
    'authModes',
    'awsRegion',
    'identityOwner',
]);
/** Removed Prometheus scaler keys: [since, what to do instead]. */
const REMOVED_PROMETHEUS_KEYS = {
    metricName: [
        '2.12',
        "delete it; KEDA names the metric from the trigger (set the trigger's `name` to tell metrics apart)",
    ],
    cortexOrgID: ['2.12', 'use customHeaders: X-Scope-OrgID=<org id>'],
};
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const LATENCY_HINT = /duration|latency|quantile|seconds|p9\d/i;
const RULES = {
    schema: {
        id: 'schema',
        level: 'error',
        description: 'Does not match the KEDA ScaledObject/TriggerAuthentication schema.',
    },
    'min-above-max': {
        id: 'min-above-max',
        level: 'error',
        description: 'minReplicaCount is above maxReplicaCount.',
    },
    'idle-not-below-min': {
        id: 'idle-not-below-min',
        level: 'error',
        description: 'idleReplicaCount must be below minReplicaCount (and 0).',
    },
    'duplicate-trigger-name': {
        id: 'duplicate-trigger-name',
        level: 'error',
        description: 'Two triggers share a name.',
    },
    'scaling-modifier': {
        id: 'scaling-modifier',
        level: 'error',
        description: 'scalingModifiers needs a formula, a numeric target and named triggers.',
    },
    'prometheus-metadata': {
        id: 'prometheus-metadata',
        level: 'error',
        description: 'Missing or unknown Prometheus scaler metadata key.',
    },
    'numeric-threshold': {
        id: 'numeric-threshold',
        level: 'error',
        description: 'threshold/activationThreshold must be numeric strings (threshold > 0).',
    },
    'removed-field': {
        id: 'removed-field',
        level: 'error',
        description: 'A field KEDA removed; use its replacement.',
    },
    'ignore-null-values': {
        id: 'ignore-null-values',
        level: 'error',
        description: "ignoreNullValues is not 'false': an empty result silently reads as 0.",
    },
    'query-syntax': {
        id: 'query-syntax',
        level: 'error',
        description: 'The query does not parse or type-check as PromQL.',
    },
    'query-multi-series': {
        id: 'query-multi-series',
        level: 'error',
        description: 'The query can return more than one series.',
    },
    'range-window': {
        id: 'range-window',
        level: 'error',
        description: 'A range window is shorter than 4 scrape intervals.',
    },
    'latency-average-value': {
        id: 'latency-average-value',
        level: 'error',
        description: 'A latency query with metricType AverageValue ignores the current replica count.',
    },
    fallback: {
        id: 'fallback',
        level: 'error',
        description: 'fallback missing or unusable with these triggers.',
    },
    'scale-down-stabilisation': {
        id: 'scale-down-stabilisation',
        level: 'error',
        description: 'No explicit scale-down stabilisation window.',
    },
    'scale-down-rate-limit': {
        id: 'scale-down-rate-limit',
        level: 'warning',
        description: 'Scale-down has no rate-limiting policy.',
    },
    floor: { id: 'floor', level: 'error', description: 'minReplicaCount below the floor input.' },
    ceiling: {
        id: 'ceiling',
        level: 'error',
        description: 'maxReplicaCount missing or above the ceiling input.',
    },
    budget: {
        id: 'budget',
        level: 'error',
        description: 'maxReplicaCount x cost-per-replica exceeds the budget.',
    },
    'stabilisation-below-cooldown': {
        id: 'stabilisation-below-cooldown',
        level: 'error',
        description: 'Scale-down stabilisation is shorter than cooldownPeriod.',
    },
};
function effectiveSettings(so) {
    const spec = so.spec;
    const scaleDown = spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
    return {
        min: spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount,
        max: spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount,
        cooldown: spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod,
        scaleDownWindow: scaleDown?.stabilizationWindowSeconds ?? K8S_DEFAULT_SCALE_DOWN_WINDOW,
        scaleDownWindowExplicit: scaleDown?.stabilizationWindowSeconds !== undefined,
    };
}
function checkScaledObject(doc, guard) {
    const so = doc.value;
    const spec = so.spec;
    const out = [];
    const add = (rule, path, message, level, key = false) => {
        const at = key ? doc.locateKey(path) : doc.locate(path);
        out.push({
            ruleId: rule,
            level: level ?? RULES[rule].level,
            message,
            location: { file: doc.file, line: at.line, column: at.column },
        });
    };
    const eff = effectiveSettings(so);
    if (eff.min > eff.max)
        add('min-above-max', ['spec', 'minReplicaCount'], `minReplicaCount ${eff.min} is above maxReplicaCount ${eff.max}`);
    if (spec.idleReplicaCount !== undefined) {
        if (spec.idleReplicaCount >= eff.min)
            add('idle-not-below-min', ['spec', 'idleReplicaCount'], `idleReplicaCount ${spec.idleReplicaCount} must be below minReplicaCount ${eff.min}`);
        else if (spec.idleReplicaCount !== 0)
            add('idle-not-below-min', ['spec', 'idleReplicaCount'], `idleReplicaCount ${spec.idleReplicaCount}: KEDA only supports 0 (the HPA cannot hold any other idle count)`, 'warning');
    }
    // Guardrails from inputs.
    if (eff.min < guard.floor)
        add('floor', ['spec', 'minReplicaCount'], `minReplicaCount ${eff.min} is below the floor of ${guard.floor} replicas (input min-replicas)${spec.minReplicaCount === undefined ? '; KEDA defaults to 0' : ''}`);
    if (spec.maxReplicaCount === undefined)
        add('ceiling', ['spec'], `no maxReplicaCount: KEDA defaults to ${KEDA_DEFAULTS.maxReplicaCount}; set an explicit ceiling of at most ${guard.ceiling}`);
    else if (eff.max > guard.ceiling)
        add('ceiling', ['spec', 'maxReplicaCount'], `maxReplicaCount ${eff.max} is above the ceiling of ${guard.ceiling} replicas (input max-replicas)`);
    if (guard.costPerReplica !== undefined &&
        guard.budget !== undefined &&
        eff.max * guard.costPerReplica > guard.budget)
        add('budget', ['spec', 'maxReplicaCount'], `at maxReplicaCount ${eff.max} x ${guard.costPerReplica} per replica-hour = ${+(eff.max * guard.costPerReplica).toFixed(2)}, over the budget of ${guard.budget}; lower the ceiling to ${Math.floor(guard.budget / guard.costPerReplica)} or raise the budget`);
    // Behavior: explicit scale-down stabilisation and rate limits.
    const behaviorPath = ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior'];
    const scaleDown = spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
    if (!eff.scaleDownWindowExplicit)
        add('scale-down-stabilisation', scaleDown ? [...behaviorPath, 'scaleDown'] : ['spec'], `no advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds: state the scale-down stabilisation window explicitly (e.g. 300) so replicas do not follow every dip of the metric`);
    else if (eff.scaleDownWindow === 0)
        add('scale-down-stabilisation', [...behaviorPath, 'scaleDown', 'stabilizationWindowSeconds'], 'scale-down stabilizationWindowSeconds is 0: replicas follow every dip of the metric and oscillate');
    if (!scaleDown?.policies?.length)
        add('scale-down-rate-limit', scaleDown ? [...behaviorPath, 'scaleDown'] : ['spec'], 'scale-down has no policies: the HPA default removes up to 100 % of pods every 15 s once the window passes; add e.g. { type: Percent, value: 20, periodSeconds: 60 }');
    if (eff.scaleDownWindow < eff.cooldown)
        add('stabilisation-below-cooldown', eff.scaleDownWindowExplicit ? [...behaviorPath, 'scaleDown', 'stabilizationWindowSeconds'] : ['spec'], `scale-down stabilisation ${eff.scaleDownWindow} s is shorter than cooldownPeriod ${eff.cooldown} s`);
    // Triggers.
    const triggers = spec.triggers;
    const seen = new Map();
    triggers.forEach((t, i) => {
        if (t.name === undefined)
            return;
        if (seen.has(t.name))
            add('duplicate-trigger-name', ['spec', 'triggers', i, 'name'], `trigger name '${t.name}' is already used by trigger ${seen.get(t.name) + 1}`);
        else
            seen.set(t.name, i);
    });
    const modifiers = spec.advanced?.scalingModifiers;
    if (modifiers) {
        const mPath = ['spec', 'advanced', 'scalingModifiers'];
        if (!modifiers.formula)
            add('scaling-modifier', mPath, 'scalingModifiers needs a formula');
        if (modifiers.target === undefined)
            add('scaling-modifier', mPath, 'scalingModifiers.formula needs a target (the value the composed metric scales on)');
        else if (!NUMBER.test(modifiers.target))
            add('scaling-modifier', [...mPath, 'target'], `scalingModifiers.target '${modifiers.target}' is not a number`);
        triggers.forEach((t, i) => {
            if (!t.name)
                add('scaling-modifier', ['spec', 'triggers', i], `trigger ${i + 1} has no name; with scalingModifiers every trigger the formula uses needs one`);
        });
    }
    const valueTriggers = triggers.filter((t) => t.metricType === 'Value');
    const resourceTriggers = triggers.filter((t) => t.type === 'cpu' || t.type === 'memory');
    if (!spec.fallback)
        add('fallback', ['spec'], 'no fallback: when Prometheus is unreachable the HPA keeps the last size blindly; set fallback.failureThreshold and fallback.replicas', 'warning');
    else {
        if (resourceTriggers.length > 0)
            add('fallback', ['spec', 'fallback'], 'fallback is not supported with cpu/memory triggers; KEDA rejects the ScaledObject');
        const [major, minor] = guard.kedaVersion;
        if (valueTriggers.length > 0 && (major < 2 || (major === 2 && minor < 18)))
            add('fallback', ['spec', 'fallback'], `fallback with metricType Value needs KEDA 2.18 or later (input keda-version is ${major}.${minor}); older releases reject it`);
        if (spec.fallback.replicas > eff.max || spec.fallback.replicas < eff.min)
            add('fallback', ['spec', 'fallback', 'replicas'], `fallback.replicas ${spec.fallback.replicas} is outside min..max (${eff.min}..${eff.max}) and will be clamped`, 'warning');
    }
    triggers.forEach((t, i) => {
        if (t.type === 'prometheus')
            checkPrometheusTrigger(t, i, add, guard);
        if ((t.type === 'cpu' || t.type === 'memory') && t.metadata['type'] !== undefined)
            add('removed-field', ['spec', 'triggers', i, 'metadata', 'type'], `metadata.type is deprecated for ${t.type} triggers; use the trigger's metricType`, 'warning', true);
    });
    return out;
}
function checkPrometheusTrigger(t, i, add, guard) {
    const base = ['spec', 'triggers', i, 'metadata'];
    const label = t.name ? `trigger '${t.name}'` : `trigger ${i + 1}`;
    const md = t.metadata;
    for (const key of Object.keys(md)) {
        const removed = REMOVED_PROMETHEUS_KEYS[key];
        if (removed)
            add('removed-field', [...base, key], `${label}: metadata.${key} was removed from the Prometheus scaler in KEDA ${removed[0]}; ${removed[1]}`, 'error', true);
        else if (!PROMETHEUS_KEYS.has(key))
            add('prometheus-metadata', [...base, key], `${label}: unknown Prometheus scaler key '${key}' (known: ${[...PROMETHEUS_KEYS].join(', ')})`, 'warning', true);
    }
    for (const key of ['serverAddress', 'query', 'threshold']) {
        if (md[key] === undefined || md[key] === '')
            add('prometheus-metadata', base, `${label}: missing required metadata.${key}`);
    }
    const address = md['serverAddress'];
    if (address && !isHttpUrl(address))
        add('prometheus-metadata', [...base, 'serverAddress'], `${label}: metadata.serverAddress is not an http(s) URL; write it with its scheme, such as http://prometheus.monitoring.svc:9090`);
    for (const key of ['threshold', 'activationThreshold']) {
        const v = md[key];
        if (v === undefined)
            continue;
        if (!NUMBER.test(v.trim()))
            add('numeric-threshold', [...base, key], `${label}: metadata.${key} '${v}' is not a number; write it as a quoted decimal such as '0.4'`);
        else if (key === 'threshold' && Number(v) <= 0)
            add('numeric-threshold', [...base, key], `${label}: metadata.threshold must be above 0 (the HPA divides by it)`);
    }
    if (md['ignoreNullValues'] === undefined || md['ignoreNullValues'].trim().toLowerCase() !== 'false')
        add('ignore-null-values', md['ignoreNullValues'] === undefined ? base : [...base, 'ignoreNullValues'], `${label}: ignoreNullValues is ${md['ignoreNullValues'] === undefined ? 'unset (default true)' : `'${md['ignoreNullValues']}'`}: a query that returns no series reads as 0 and the HPA shrinks to the floor; set ignoreNullValues: 'false' so KEDA errors and the fallback applies`);
    const query = md['query'];
    if (query) {
        try {
            const a = analyseQuery(query);
            if (a.type !== 'vector' && a.type !== 'scalar')
                add('query-syntax', [...base, 'query'], `${label}: the query returns a ${a.type}; KEDA needs an instant vector or scalar`);
            if (a.multiSeries)
                add('query-multi-series', [...base, 'query'], `${label}: ${a.multiSeries}`);
            const minWindow = 4 * guard.scrapeIntervalSeconds;
            for (const w of a.windows)
                if (w.seconds < minWindow)
                    add('range-window', [...base, 'query'], `${label}: range [${w.text}] covers fewer than 4 scrapes at a ${formatDuration(guard.scrapeIntervalSeconds)} scrape interval; use at least [${formatDuration(minWindow)}]`);
            for (const metric of a.metrics) {
                const rule = guard.recordingRules.get(metric);
                if (!rule)
                    continue;
                try {
                    for (const w of analyseQuery(rule.expr).windows)
                        if (w.seconds < minWindow)
                            add('range-window', [...base, 'query'], `${label}: recorded series ${metric} (${rule.file}:${rule.line}) uses range [${w.text}], fewer than 4 scrapes at ${formatDuration(guard.scrapeIntervalSeconds)}`);
                }
                catch {
                    // A broken recording rule is promtool's to report.
                }
            }
            if (LATENCY_HINT.test(query) && (t.metricType ?? 'AverageValue') === 'AverageValue')
                add('latency-average-value', t.metricType ? ['spec', 'triggers', i, 'metricType'] : ['spec', 'triggers', i], `${label}: a latency query with metricType AverageValue gives replicas = ceil(latency / threshold) whatever the current count, so added pods lower the latency and the HPA removes them again; use metricType: Value`);
        }
        catch (error) {
            if (error instanceof PromQLError)
                add('query-syntax', [...base, 'query'], `${label}: query does not parse: ${error.message}`);
            else
                throw error;
        }
    }
}
/** KEDA's scaler (and live mode) need a scheme: `prometheus:9090` parses as scheme `prometheus:`. */
function isHttpUrl(text) {
    if (!URL.canParse(text))
        return false;
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
}

;// CONCATENATED MODULE: ./actions/keda-verify/src/static.ts



let validators;
function compiled() {
    validators ??= { so: (0,schema/* compileSchema */.Fc)(scaledObjectSchema), ta: (0,schema/* compileSchema */.Fc)(triggerAuthenticationSchema) };
    return validators;
}
function verifyStatic(set, guard) {
    const { so: validateSo, ta: validateTa } = compiled();
    const findings = [];
    const rows = [];
    const valid = [];
    for (const doc of set.keda) {
        const value = doc.value;
        const isSo = value.kind === 'ScaledObject';
        const problems = (0,schema/* validateConfig */.$r)(doc, isSo ? validateSo : validateTa);
        const own = problems.map((p) => ({
            ruleId: 'schema',
            level: 'error',
            message: `${value.kind} ${value.metadata?.name ?? '(unnamed)'}: ${p.message}`,
            location: { file: p.file, line: p.line, column: p.column },
        }));
        let object;
        if (isSo && problems.length === 0) {
            object = doc.value;
            valid.push(doc);
            own.push(...checkScaledObject(doc, guard));
        }
        findings.push(...own);
        const spec = doc.value.spec ?? {};
        const eff = object ? effectiveSettings(object) : undefined;
        const row = {
            file: doc.file,
            line: doc.locate([]).line,
            kind: value.kind,
            name: value.metadata?.name ?? '(unnamed)',
            namespace: value.metadata?.namespace ?? 'default',
            target: isSo ? (spec.scaleTargetRef?.name ?? '?') : '',
            triggers: isSo
                ? (Array.isArray(spec.triggers) ? spec.triggers : [])
                    .map((t) => `${t?.name ?? t?.type ?? '?'} (${t?.metricType ?? 'AverageValue'} ${t?.metadata?.['threshold'] ?? '-'})`)
                    .join(', ')
                : '',
            errors: own.filter((f) => f.level === 'error').length,
            warnings: own.filter((f) => f.level === 'warning').length,
        };
        if (eff) {
            row.min = eff.min;
            row.max = eff.max;
            row.scaleDownWindow = `${eff.scaleDownWindow} s${eff.scaleDownWindowExplicit ? '' : ' (default)'}`;
        }
        if (object)
            row.object = object;
        rows.push(row);
    }
    return { findings, rows, scaledObjects: valid };
}

;// CONCATENATED MODULE: ./actions/keda-verify/src/hpa.ts
const DEFAULT_TOLERANCE = 0.1;
const DEFAULT_SCALE_UP = {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
};
const DEFAULT_SCALE_DOWN = {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};
/** One metric's proposal, as replica_calculator.go computes it for external metrics. */
function proposeReplicas(r, current, tolerance = DEFAULT_TOLERANCE) {
    if (r.metricType === 'Value') {
        const usageRatio = r.value / r.target;
        const within = Math.abs(1 - usageRatio) <= tolerance;
        return {
            name: r.name,
            usageRatio,
            withinTolerance: within,
            replicas: within ? current : Math.ceil(usageRatio * current),
        };
    }
    const usageRatio = r.value / (r.target * Math.max(current, 1));
    const within = current > 0 && Math.abs(1 - usageRatio) <= tolerance;
    return {
        name: r.name,
        usageRatio,
        withinTolerance: within,
        replicas: within ? current : Math.ceil(r.value / r.target),
    };
}
function newHpaState() {
    return { recommendations: [], events: [] };
}
function rules(given, defaults) {
    return {
        stabilizationWindowSeconds: given?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
        selectPolicy: given?.selectPolicy ?? defaults.selectPolicy,
        policies: given?.policies?.length ? given.policies : defaults.policies,
    };
}
function changedInPeriod(state, now, period, up) {
    return state.events
        .filter((e) => e.at > now - period && (up ? e.delta > 0 : e.delta < 0))
        .reduce((sum, e) => sum + Math.abs(e.delta), 0);
}
function scaleUpLimit(current, state, now, r) {
    if (r.selectPolicy === 'Disabled')
        return current;
    let result = r.selectPolicy === 'Min' ? Infinity : -Infinity;
    for (const p of r.policies) {
        const start = current - changedInPeriod(state, now, p.periodSeconds, true);
        const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
        result = r.selectPolicy === 'Min' ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
}
function scaleDownLimit(current, state, now, r) {
    if (r.selectPolicy === 'Disabled')
        return current;
    let result = r.selectPolicy === 'Min' ? -Infinity : Infinity;
    for (const p of r.policies) {
        const start = current + changedInPeriod(state, now, p.periodSeconds, false);
        const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
        result = r.selectPolicy === 'Min' ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
}
/**
 * One HPA sync. `proposals` are this sync's per-metric replica counts (empty: no usable metric,
 * keep the current size). Mutates `state` (records the recommendation; the caller records the
 * applied change with recordScale).
 */
function hpaSync(spec, current, proposals, state, now) {
    if (proposals.length === 0)
        return { desired: current, recommended: current };
    const raw = Math.max(...proposals);
    const up = rules(spec.scaleUp, DEFAULT_SCALE_UP);
    const down = rules(spec.scaleDown, DEFAULT_SCALE_DOWN);
    const min = Math.max(spec.min, 1);
    let limitedBy;
    // Stabilisation: up follows the lowest recent recommendation, down the highest.
    let upRec = raw;
    let downRec = raw;
    for (const rec of state.recommendations) {
        if (rec.at > now - up.stabilizationWindowSeconds)
            upRec = Math.min(upRec, rec.replicas);
        if (rec.at > now - down.stabilizationWindowSeconds)
            downRec = Math.max(downRec, rec.replicas);
    }
    state.recommendations.push({ at: now, replicas: raw });
    const horizon = Math.max(up.stabilizationWindowSeconds, down.stabilizationWindowSeconds);
    state.recommendations = state.recommendations.filter((r) => r.at > now - horizon);
    let desired = current;
    if (desired < upRec)
        desired = upRec;
    if (desired > downRec)
        desired = downRec;
    if (raw > current && desired < raw)
        limitedBy = 'scale-up stabilisation';
    if (raw < current && desired > raw)
        limitedBy = 'scale-down stabilisation';
    if (desired > current) {
        const limit = Math.max(scaleUpLimit(current, state, now, up), current);
        const allowed = Math.min(spec.max, limit);
        if (desired > allowed) {
            limitedBy = allowed === spec.max && limit >= spec.max ? 'max' : 'scale-up policy';
            desired = allowed;
        }
    }
    else if (desired < current) {
        const limit = Math.min(scaleDownLimit(current, state, now, down), current);
        const allowed = Math.max(min, limit);
        if (desired < allowed) {
            limitedBy = allowed === min && limit <= min ? 'min' : 'scale-down policy';
            desired = allowed;
        }
    }
    if (desired > spec.max) {
        desired = spec.max;
        limitedBy = 'max';
    }
    if (desired < min) {
        desired = min;
        limitedBy = 'min';
    }
    const decision = { desired, recommended: Math.min(Math.max(raw, min), spec.max) };
    if (limitedBy)
        decision.limitedBy = limitedBy;
    return decision;
}
function recordScale(state, now, from, to) {
    if (to !== from)
        state.events.push({ at: now, delta: to - from });
    state.events = state.events.filter((e) => e.at > now - 1800);
}

// EXTERNAL MODULE: ./lib/http.ts
var http = __webpack_require__(46880);
;// CONCATENATED MODULE: ./actions/keda-verify/src/prometheus.ts
/**
 * The two Prometheus HTTP API calls keda-verify makes: an instant query read the way KEDA's
 * Prometheus scaler reads it (one series, a finite number), and the alert list. Failures say
 * which, in terms a user can act on: unreachable, slow, an error status, no series, several
 * series, NaN.
 */


class PromQueryError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.name = 'PromQueryError';
        this.reason = reason;
    }
}
async function get(base, path, options) {
    // The base may be the secret prometheus-url input: sanitizeUrl never echoes an unparsable one.
    if (!isHttpUrl(base))
        throw new PromQueryError('bad-url', `Prometheus URL ${(0,http/* sanitizeUrl */.Jf)(base)} is not an http(s) URL; set prometheus-url (or serverAddress) with its scheme, such as http://prometheus.monitoring.svc:9090`);
    const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
    try {
        const request = {
            timeoutMs: options.timeoutMs,
            retries: options.retries ?? 1,
            minBackoffMs: 200,
        };
        if (options.signal)
            request.signal = options.signal;
        const response = await (0,http/* httpRequest */.aj)(url, request);
        const body = response.json();
        if (body.status !== 'success' || body.data === undefined)
            throw new PromQueryError('bad-response', `Prometheus at ${(0,http/* sanitizeUrl */.Jf)(base)} answered ${body.errorType ?? 'error'}: ${body.error ?? 'no data'}`);
        return body.data;
    }
    catch (error) {
        if (error instanceof http/* HttpError */.j$) {
            if (error.reason === 'timeout')
                throw new PromQueryError('timeout', `Prometheus at ${(0,http/* sanitizeUrl */.Jf)(base)} did not answer within ${options.timeoutMs} ms (${error.attempts} attempt(s)); check its load or raise query-timeout`);
            if (error.reason === 'status') {
                let detail = '';
                try {
                    detail = `: ${(error.response?.json().error ?? '').slice(0, 200)}`;
                }
                catch {
                    // Not a Prometheus error body.
                }
                throw new PromQueryError('status', `Prometheus at ${(0,http/* sanitizeUrl */.Jf)(base)} answered HTTP ${error.status}${detail}`);
            }
            if (error.reason === 'invalid-json')
                throw new PromQueryError('bad-response', `${(0,http/* sanitizeUrl */.Jf)(base)} did not answer with Prometheus JSON; is it a Prometheus URL?`);
            throw new PromQueryError('unreachable', `Prometheus at ${(0,http/* sanitizeUrl */.Jf)(base)} is unreachable (${error.message.replace(/^.*failed after [^:]*: /, '')}); check prometheus-url / serverAddress`);
        }
        throw error;
    }
}
/** Evaluates `query` now; exactly one finite value, or a PromQueryError saying why not. */
async function queryValue(base, query, options) {
    const data = await get(base, `api/v1/query?query=${encodeURIComponent(query)}`, options);
    let raw;
    if (data.resultType === 'scalar')
        raw = data.result[1];
    else if (data.resultType === 'vector') {
        if (data.result.length === 0)
            throw new PromQueryError('no-series', 'the query returned no series: KEDA (ignoreNullValues: false) reports an error and, after failureThreshold polls, applies the fallback');
        if (data.result.length > 1)
            throw new PromQueryError('several-series', `the query returned ${data.result.length} series (e.g. ${JSON.stringify(data.result[0].metric)}); KEDA needs exactly one: aggregate with max() or sum()`);
        raw = data.result[0].value[1];
    }
    else
        throw new PromQueryError('bad-response', `the query returned a ${data.resultType}; KEDA needs a vector or scalar`);
    const value = Number(raw);
    if (!Number.isFinite(value))
        throw new PromQueryError('nan', `the query returned ${raw}: KEDA cannot scale on it (no traffic makes histogram_quantile NaN; guard it, e.g. with 'or vector(0)')`);
    return value;
}
async function queryAlerts(base, options) {
    const data = await get(base, 'api/v1/alerts', options);
    return data.alerts.map((a) => ({ name: a.labels['alertname'] ?? '?', state: a.state, labels: a.labels }));
}

;// CONCATENATED MODULE: ./actions/keda-verify/src/live.ts




function triggerName(t, i) {
    return t.name ?? `s${i}-${t.type}`;
}
/** Every Prometheus trigger of `so` read once; other trigger types are left out. */
async function readTriggers(so, options) {
    return Promise.all(so.spec.triggers.map(async (trigger, index) => {
        if (trigger.type !== 'prometheus')
            return undefined;
        const base = options.prometheusUrl || trigger.metadata['serverAddress'] || '';
        const query = trigger.metadata['query'] ?? '';
        try {
            const popts = { timeoutMs: options.timeoutMs };
            if (options.signal)
                popts.signal = options.signal;
            const value = await queryValue(base, query, popts);
            const metricType = trigger.metricType === 'Value' ? 'Value' : 'AverageValue';
            return {
                trigger,
                index,
                reading: {
                    name: triggerName(trigger, index),
                    metricType,
                    value,
                    target: Number(trigger.metadata['threshold']),
                },
            };
        }
        catch (error) {
            if (error instanceof PromQueryError)
                return { trigger, index, error };
            throw error;
        }
    })).then((all) => all.filter((r) => r !== undefined));
}
async function runLive(objects, options) {
    const s = (0,summary/* summary */.z)().heading('Live evaluation', 3);
    const notes = [];
    let errors = 0;
    for (const doc of objects) {
        const so = doc.value;
        const eff = effectiveSettings(so);
        const current = (await options.currentReplicas?.(so)) ?? eff.min;
        const readings = await readTriggers(so, options);
        const rows = readings.map((r) => {
            const where = doc.locate(['spec', 'triggers', r.index, 'metadata', 'query']);
            if (r.error) {
                errors++;
                notes.push({
                    level: 'error',
                    title: 'keda-verify: live',
                    file: doc.file,
                    line: where.line,
                    message: `${so.metadata.name} trigger ${triggerName(r.trigger, r.index)}: ${r.error.message}`,
                });
                return [
                    triggerName(r.trigger, r.index),
                    r.trigger.metricType ?? 'AverageValue',
                    r.trigger.metadata['threshold'],
                    'error',
                    '',
                    '',
                    r.error.message,
                ];
            }
            const p = proposeReplicas(r.reading, current);
            return [
                r.reading.name,
                r.reading.metricType,
                r.reading.target,
                +r.reading.value.toPrecision(4),
                +p.usageRatio.toFixed(3),
                p.replicas,
                p.withinTolerance ? 'within 10 % tolerance: no change' : '',
            ];
        });
        const proposals = readings
            .filter((r) => r.reading)
            .map((r) => proposeReplicas(r.reading, current).replicas);
        const desired = proposals.length
            ? Math.min(Math.max(...proposals, Math.max(eff.min, 1)), eff.max)
            : undefined;
        s.paragraph(`${so.metadata.namespace ?? 'default'}/${so.metadata.name} → ${so.spec.scaleTargetRef.name}: at ${current} replica(s)${options.currentReplicas ? '' : ' (minReplicaCount; no cluster read)'}, the HPA would ${desired === undefined ? 'keep the current size (no trigger could be read' + (so.spec.fallback ? `; after ${so.spec.fallback.failureThreshold} failed polls KEDA applies fallback ${so.spec.fallback.replicas})` : ')') : desired === current ? `stay at ${current}` : `go to ${desired}`} (bounds ${eff.min}..${eff.max}; scale-down then waits ${eff.scaleDownWindow} s of lower recommendations).`);
        s.table(['trigger', 'metric type', 'target', 'value', 'usage ratio', 'proposal', 'note'], rows);
    }
    options.log.info(`live: ${objects.length} ScaledObject(s) evaluated, ${errors} trigger error(s)`);
    return { markdown: s.toString(), annotations: notes, errors };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./lib/report/evidence.ts
var evidence = __webpack_require__(68868);
;// CONCATENATED MODULE: ./actions/keda-verify/src/chart.ts
const W = 720;
const PANEL = 150;
const LEFT = 60;
function esc(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function chartSvg(samples, p95Target, title) {
    const tMax = Math.max(1, ...samples.map((s) => s.t));
    const x = (t) => LEFT + ((W - LEFT - 20) * t) / tMax;
    const panels = [
        { label: 'p95 latency (s)', key: 'p95', colour: '#d62728', line: p95Target },
        { label: 'error-budget burn (x)', key: 'burn', colour: '#ff7f0e' },
        { label: 'replicas', key: 'replicas', colour: '#1f77b4' },
    ];
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${panels.length * (PANEL + 30) + 40}" font-family="sans-serif" font-size="11">`,
        `<text x="${LEFT}" y="16" font-size="13">${esc(title)}</text>`,
    ];
    panels.forEach((p, i) => {
        const top = 30 + i * (PANEL + 30);
        const values = samples.map((s) => s[p.key]).filter((v) => v !== null);
        const vMax = Math.max(1e-9, ...values, p.line ?? 0) * 1.1;
        const y = (v) => top + PANEL - (PANEL * v) / vMax;
        parts.push(`<rect x="${LEFT}" y="${top}" width="${W - LEFT - 20}" height="${PANEL}" fill="none" stroke="#ccc"/>`);
        parts.push(`<text x="4" y="${top + 12}">${esc(p.label)}</text>`);
        parts.push(`<text x="${LEFT - 4}" y="${top + 10}" text-anchor="end">${+vMax.toPrecision(3)}</text>`);
        const surge = samples.filter((s) => s.phase === 'surge');
        if (surge.length)
            parts.push(`<rect x="${x(surge[0].t)}" y="${top}" width="${Math.max(1, x(surge[surge.length - 1].t) - x(surge[0].t))}" height="${PANEL}" fill="#f3e6ff" opacity="0.5"/>`);
        if (p.line !== undefined)
            parts.push(`<line x1="${LEFT}" x2="${W - 20}" y1="${y(p.line)}" y2="${y(p.line)}" stroke="#999" stroke-dasharray="4 3"/><text x="${W - 22}" y="${y(p.line) - 3}" text-anchor="end">target ${p.line}</text>`);
        const points = samples
            .filter((s) => s[p.key] !== null)
            .map((s) => `${x(s.t).toFixed(1)},${y(s[p.key]).toFixed(1)}`);
        if (points.length)
            parts.push(`<polyline fill="none" stroke="${p.colour}" stroke-width="1.5" points="${points.join(' ')}"/>`);
    });
    parts.push(`<text x="${LEFT}" y="${panels.length * (PANEL + 30) + 30}">time (s) 0 … ${tMax.toFixed(0)}; shaded: surge</text>`, '</svg>');
    return parts.join('\n') + '\n';
}

// EXTERNAL MODULE: ./actions/keda-verify/src/kube.ts
var src_kube = __webpack_require__(10546);
;// CONCATENATED MODULE: ./actions/keda-verify/src/timeline.ts
/**
 * The surge verdict from a timeline of samples (pure): the p95 breach, the first scale-out, the
 * recovery under target, flapping (too many replica changes, or a scale-out after a scale-down)
 * and the expected alerts fired and resolved. A surge that never breaches proves nothing and is
 * inconclusive, never a pass.
 */
function judge(samples, goals) {
    const reasons = [];
    const alerts = {};
    const withReplicas = samples.filter((s) => s.replicas !== null);
    let changes = 0;
    let reversal;
    let lastDirection = 0;
    for (let i = 1; i < withReplicas.length; i++) {
        const d = withReplicas[i].replicas - withReplicas[i - 1].replicas;
        if (d === 0)
            continue;
        changes++;
        if (d > 0 && lastDirection < 0 && reversal === undefined)
            reversal = withReplicas[i].t;
        lastDirection = Math.sign(d);
    }
    const peak = withReplicas.length ? Math.max(...withReplicas.map((s) => s.replicas)) : undefined;
    const base = { verdict: 'pass', reasons, replicaChanges: changes, alerts };
    if (peak !== undefined)
        base.peakReplicas = peak;
    const p95s = samples.filter((s) => s.p95 !== null);
    if (p95s.length === 0) {
        reasons.push('no p95 sample could be read from Prometheus during the whole run');
        return { ...base, verdict: 'fail' };
    }
    const breach = p95s.find((s) => s.p95 > goals.p95Target);
    if (!breach) {
        const max = Math.max(...p95s.map((s) => s.p95));
        reasons.push(`p95 never exceeded the target ${goals.p95Target} s (highest ${+max.toFixed(3)} s): the surge did not stress the service, so scaling was not exercised; raise surge-rate or surge-duration`);
        return { ...base, verdict: 'inconclusive' };
    }
    base.breachAt = breach.t;
    const start = withReplicas[0]?.replicas ?? null;
    const grew = start === null ? undefined : withReplicas.find((s) => s.replicas > start);
    if (grew) {
        base.scaleOutAt = grew.t;
        base.scaleOutSeconds = Math.max(0, +(grew.t - breach.t).toFixed(1));
    }
    if (!grew)
        reasons.push(`replicas never grew (stayed at ${start ?? '?'}) after p95 breached ${goals.p95Target} s at t=${breach.t.toFixed(0)} s`);
    else if (base.scaleOutSeconds > goals.scaleOutWithin)
        reasons.push(`replicas grew ${base.scaleOutSeconds} s after the p95 breach, later than the ${goals.scaleOutWithin} s goal`);
    const after = p95s.filter((s) => s.t > breach.t);
    const recovered = after.find((s, i) => s.p95 <= goals.p95Target && (after[i + 1] === undefined || after[i + 1].p95 <= goals.p95Target));
    if (recovered) {
        base.recoveredAt = recovered.t;
        base.recoverySeconds = +(recovered.t - breach.t).toFixed(1);
    }
    if (!recovered || base.recoverySeconds > goals.recoverWithin)
        reasons.push(recovered
            ? `p95 came back under ${goals.p95Target} s only ${base.recoverySeconds} s after the breach, later than the ${goals.recoverWithin} s goal`
            : `p95 never came back under ${goals.p95Target} s after the breach at t=${breach.t.toFixed(0)} s (last ${+p95s[p95s.length - 1].p95.toFixed(3)} s)`);
    if (changes > goals.maxReplicaChanges)
        reasons.push(`replicas changed ${changes} times (limit ${goals.maxReplicaChanges}): the autoscaler is flapping`);
    if (reversal !== undefined)
        reasons.push(`replicas scaled out again at t=${reversal.toFixed(0)} s after scaling down: the autoscaler oscillates (add scale-down stabilisation)`);
    // An unreadable alert list says nothing: "resolved" is judged on the last list actually read.
    const read = samples.filter((s) => s.firing !== null);
    const last = read[read.length - 1];
    const unreadAfter = last ? samples.length - 1 - samples.lastIndexOf(last) : samples.length;
    for (const name of goals.expectAlerts) {
        const fired = read.some((s) => s.firing.includes(name));
        const resolved = fired && !!last && !last.firing.includes(name);
        alerts[name] = { fired, resolved };
        if (!fired)
            reasons.push(`alert ${name} never fired`);
        else if (!resolved)
            reasons.push(unreadAfter > 0
                ? `alert ${name} was still firing at the last readable alert list (t=${last.t.toFixed(0)} s; ${unreadAfter} later poll(s) could not read it); lengthen settle-duration or check the recovery and Prometheus`
                : `alert ${name} was still firing at the end; lengthen settle-duration or check the recovery`);
    }
    return { ...base, verdict: reasons.length ? 'fail' : 'pass' };
}

;// CONCATENATED MODULE: ./actions/keda-verify/src/surge.ts
/**
 * Surge mode: drive (through a SurgeDriver, the shared open-model load generator) or observe a
 * surge, poll Prometheus (p95, burn rate, alerts) and the Kubernetes API (scale subresource, HPA
 * status, events) every poll interval, judge the timeline (timeline.ts) and write the evidence:
 * timeline.json, chart.svg, hpa-events.json, load.json and the report.
 */







const LATENCY = /duration|latency|quantile|p9\d/i;
function pickScaledObject(objects, wanted) {
    if (wanted) {
        const [ns, name] = wanted.includes('/') ? wanted.split('/') : [undefined, wanted];
        const found = objects.find((o) => o.value.metadata.name === name && (!ns || (o.value.metadata.namespace ?? 'default') === ns));
        if (!found)
            throw new Error(`scaled-object '${wanted}' is not among the verified ScaledObjects (${objects.map((o) => `${o.value.metadata.namespace ?? 'default'}/${o.value.metadata.name}`).join(', ') || 'none'})`);
        return found.value;
    }
    if (objects.length !== 1)
        throw new Error(`surge mode needs one ScaledObject; found ${objects.length}: set the scaled-object input to namespace/name`);
    return objects[0].value;
}
/** The latency trigger (p95) and the burn trigger, if any. */
function signalTriggers(so) {
    const prom = so.spec.triggers.filter((t) => t.type === 'prometheus');
    const latency = prom.find((t) => LATENCY.test(t.metadata['query'] ?? '') || /p9\d|latency/.test(t.name ?? ''));
    if (!latency)
        throw new Error(`${so.metadata.name}: no Prometheus latency trigger (a query over a duration histogram) to judge the surge by`);
    const burn = prom.find((t) => t !== latency);
    return burn ? { latency, burn } : { latency };
}
async function runSurge(objects, o) {
    const so = pickScaledObject(objects, o.scaledObject);
    const { latency, burn } = signalTriggers(so);
    const target = Number(latency.metadata['threshold']);
    const namespace = so.metadata.namespace ?? 'default';
    const deployment = so.spec.scaleTargetRef.name;
    const hpaName = so.spec.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
    const kube = o.kube ?? (await (0,src_kube/* kubeReader */.FJ)(o.kubeconfig, { timeoutMs: o.timeoutMs }));
    const prom = o.prometheusUrl || latency.metadata['serverAddress'] || '';
    const popts = { timeoutMs: o.timeoutMs, retries: 0 };
    // Fail before any load when the cluster refuses any of the three reads (a role missing one verb
    // would otherwise surface mid-surge, or after it with the timeline lost) or Prometheus is down.
    await kube.replicas(namespace, deployment);
    await kube.hpa(namespace, hpaName);
    await kube.events(namespace, hpaName);
    await queryAlerts(prom, popts);
    const baselineSeconds = Math.max(3 * o.pollSeconds, 1);
    const phases = [
        { name: 'baseline', rate: o.baselineRate, seconds: baselineSeconds },
        { name: 'surge', rate: o.surgeRate, seconds: o.surgeSeconds },
        { name: 'settle', rate: o.baselineRate, seconds: o.settleSeconds },
    ];
    const total = phases.reduce((n, p) => n + p.seconds, 0);
    const phaseAt = (t) => t < baselineSeconds ? 'baseline' : t < baselineSeconds + o.surgeSeconds ? 'surge' : 'settle';
    const abort = new AbortController();
    const driving = o.driver && o.surgeUrl;
    o.log.info(`surge: ${driving ? `driving ${o.surgeRate}/s at ${o.surgeUrl}` : 'observing'} ${so.metadata.name} for ${total} s, polling every ${o.pollSeconds} s`);
    const load = driving
        ? o.driver.run(o.surgeUrl, phases, abort.signal).catch((error) => ({ error: String(error) }))
        : Promise.resolve({ observed: true });
    const started = o.now().getTime();
    const timeline = [];
    let promFailures = 0;
    try {
        for (;;) {
            const t = (o.now().getTime() - started) / 1000;
            if (t > total)
                break;
            const errors = [];
            const value = (q) => q
                ? queryValue(prom, q, popts).catch((e) => {
                    if (e instanceof PromQueryError) {
                        errors.push(e.message);
                        return null;
                    }
                    throw e;
                })
                : Promise.resolve(null);
            const [p95, burnValue, replicas, hpa, alerts] = await Promise.all([
                value(latency.metadata['query']),
                value(burn?.metadata['query']),
                kube.replicas(namespace, deployment),
                kube.hpa(namespace, hpaName),
                queryAlerts(prom, popts).catch((e) => {
                    if (e instanceof PromQueryError) {
                        errors.push(e.message);
                        return null;
                    }
                    throw e;
                }),
            ]);
            promFailures = p95 === null ? promFailures + 1 : 0;
            timeline.push({
                t: +t.toFixed(2),
                phase: phaseAt(t),
                p95,
                burn: burnValue,
                replicas,
                desired: hpa?.desired ?? null,
                firing: alerts
                    ? [...new Set(alerts.filter((a) => a.state === 'firing').map((a) => a.name))].sort()
                    : null,
                errors,
            });
            const next = started + timeline.length * o.pollSeconds * 1000;
            const wait = next - o.now().getTime();
            if (wait > 0)
                await (0,external_node_timers_promises_.setTimeout)(wait);
        }
    }
    finally {
        abort.abort();
    }
    const loadOutput = await load;
    const events = await kube.events(namespace, hpaName);
    const verdict = judge(timeline, {
        p95Target: target,
        scaleOutWithin: o.scaleOutWithinSeconds,
        recoverWithin: o.recoverWithinSeconds,
        maxReplicaChanges: o.maxReplicaChanges,
        expectAlerts: o.expectAlerts,
    });
    if (promFailures > 0 && promFailures === timeline.length)
        verdict.reasons.push('Prometheus answered no p95 sample at all');
    const s = (0,summary/* summary */.z)().heading(`Surge: ${namespace}/${so.metadata.name}`, 3);
    s.paragraph(`Verdict: ${verdict.verdict.toUpperCase()}${verdict.reasons.length ? ` — ${verdict.reasons.join('; ')}` : ''}`);
    s.table(['measure', 'value', 'goal'], [
        [
            'p95 breach (t)',
            verdict.breachAt !== undefined ? `${verdict.breachAt} s` : 'none',
            `p95 > ${target} s`,
        ],
        [
            'scale-out after breach',
            verdict.scaleOutSeconds !== undefined ? `${verdict.scaleOutSeconds} s` : '-',
            `≤ ${o.scaleOutWithinSeconds} s`,
        ],
        [
            'p95 back under target after breach',
            verdict.recoverySeconds !== undefined ? `${verdict.recoverySeconds} s` : '-',
            `≤ ${o.recoverWithinSeconds} s`,
        ],
        [
            'replica changes',
            verdict.replicaChanges,
            `≤ ${o.maxReplicaChanges}, no scale-out after a scale-down`,
        ],
        ['peak replicas', verdict.peakReplicas ?? '-', `max ${so.spec.maxReplicaCount ?? 100}`],
        ...Object.entries(verdict.alerts).map(([name, a]) => [
            `alert ${name}`,
            `${a.fired ? 'fired' : 'never fired'}${a.fired ? (a.resolved ? ', resolved' : ', still firing') : ''}`,
            'fired and resolved',
        ]),
    ]);
    if (events.length)
        s.details(`HPA events (${events.length})`, (0,summary/* summary */.z)().table(['time', 'reason', 'message'], events.map((e) => [e.at, e.reason, e.message])));
    const markdown = s.toString();
    if (o.evidenceDir) {
        await (0,evidence/* writeEvidenceBundle */.NU)(o.evidenceDir, {
            report: { scaledObject: `${namespace}/${so.metadata.name}`, target, ...verdict },
            markdown,
            files: [
                { name: 'timeline.json', content: JSON.stringify(timeline, null, 2) + '\n' },
                {
                    name: 'chart.svg',
                    content: chartSvg(timeline, target, `${namespace}/${so.metadata.name}: ${verdict.verdict}`),
                },
                { name: 'hpa-events.json', content: JSON.stringify(events, null, 2) + '\n' },
                { name: 'load.json', content: JSON.stringify(loadOutput ?? null, null, 2) + '\n' },
            ],
        }, o.redactor);
    }
    return { ...verdict, markdown, timeline, events };
}


// EXTERNAL MODULE: ./lib/load/index.ts + 5 modules
var load = __webpack_require__(37268);
;// CONCATENATED MODULE: ./actions/keda-verify/src/load-driver.ts
/**
 * The surge driver on the shared open-model load generator (lib/load): one constant-rate run per
 * phase (baseline, surge, settle), arrivals never waiting for responses, so a saturated service
 * cannot slow the surge down. Keeps each phase's k6-shaped summary as the load evidence.
 */

const openModelDriver = {
    async run(url, phases, signal) {
        const out = [];
        for (const p of phases) {
            if (signal.aborted)
                break;
            const run = await (0,load/* runLoad */.eR)({
                url,
                rate: p.rate,
                durationMs: p.seconds * 1000,
                signal,
                timeoutMs: 10_000,
                drainTimeoutMs: 2_000,
            });
            out.push({ phase: p.name, rate: p.rate, seconds: p.seconds, summary: run.summary });
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./actions/keda-verify/src/main.ts
/**
 * keda-verify as an action. static (the pull-request check): schema + semantics of every
 * ScaledObject and TriggerAuthentication under `path`. live: also evaluates each Prometheus
 * trigger now and shows what KEDA and the HPA would do. surge: drives (or observes) a surge and
 * proves scale-out, recovery, no flapping and the expected alerts against Prometheus and the
 * Kubernetes API. Data flows inputs -> load -> verify (pure) -> report.
 */












const DURATION = /^\d+(\.\d+)?$|^(\d+(ms|s|m|h|d))+$/;
const main_NUMBER = /^\d+(\.\d+)?$/;
const main_inputs = {
    mode: (0,inputs/* oneOf */.yL)(['static', 'live', 'surge'], {
        default: 'static',
        description: 'static (schema and semantics; the pull-request check), live (also evaluate the triggers against prometheus-url now), surge (drive or observe a surge and assert the scaling).',
    }),
    path: (0,inputs/* list */.p_)({
        default: ['infra/k8s'],
        description: 'Manifest files or directories (every *.yaml/*.yml below), comma or newline separated.',
    }),
    'prometheus-rules': (0,inputs/* list */.p_)({
        description: 'Prometheus rule files; windows inside the recording rules a trigger reads are checked too.',
    }),
    'scrape-interval': (0,inputs/* str */.gx)({
        default: '15s',
        pattern: DURATION,
        patternHint: 'a duration such as 15s or 1m',
        description: 'Prometheus scrape interval; every range window must cover at least 4 of them.',
    }),
    'min-replicas': (0,inputs/* int */.Wh)({ default: 2, min: 0, description: 'Floor: the lowest minReplicaCount allowed.' }),
    'max-replicas': (0,inputs/* int */.Wh)({ default: 50, min: 1, description: 'Ceiling: the highest maxReplicaCount allowed.' }),
    'cost-per-replica': (0,inputs/* str */.gx)({
        pattern: main_NUMBER,
        patternHint: 'a number such as 0.12',
        description: 'Cost of one replica-hour; with budget, maxReplicaCount x cost must fit the budget.',
    }),
    budget: (0,inputs/* str */.gx)({
        pattern: main_NUMBER,
        patternHint: 'a number such as 3',
        description: 'Hourly budget per ScaledObject at its ceiling (same unit as cost-per-replica).',
    }),
    'keda-version': (0,inputs/* str */.gx)({
        default: '2.18',
        pattern: /^\d+\.\d+$/,
        patternHint: 'major.minor such as 2.18',
        description: 'The KEDA release the cluster runs (fallback with metricType Value needs 2.18).',
    }),
    'fail-on': (0,inputs/* oneOf */.yL)(['error', 'warning'], {
        default: 'error',
        description: 'The lowest finding level that fails the step.',
    }),
    'prometheus-url': (0,inputs/* str */.gx)({
        secret: true,
        description: 'live/surge: Prometheus base URL (may hold credentials; masked). Default: each trigger’s serverAddress.',
    }),
    'query-timeout': (0,inputs/* str */.gx)({
        default: '10s',
        pattern: DURATION,
        patternHint: 'a duration such as 10s',
        description: 'live/surge: timeout of one Prometheus query or Kubernetes API call.',
    }),
    kubeconfig: (0,inputs/* str */.gx)({
        description: 'live/surge: kubeconfig file for the cluster; default: the standard lookup (KUBECONFIG, ~/.kube/config, in-cluster).',
    }),
    'scaled-object': (0,inputs/* str */.gx)({
        description: 'surge: namespace/name of the ScaledObject under test; default: the only one found.',
    }),
    'surge-url': (0,inputs/* str */.gx)({
        description: 'surge: URL to drive with the open-model load generator; without it the surge is observed (someone else drives it).',
    }),
    'surge-rate': (0,inputs/* str */.gx)({
        default: '200',
        pattern: main_NUMBER,
        patternHint: 'requests per second',
        description: 'surge: arrival rate of the surge (requests/s).',
    }),
    'baseline-rate': (0,inputs/* str */.gx)({
        default: '20',
        pattern: main_NUMBER,
        patternHint: 'requests per second',
        description: 'surge: arrival rate before and after the surge (requests/s).',
    }),
    'surge-duration': (0,inputs/* str */.gx)({
        default: '6m',
        pattern: DURATION,
        patternHint: 'a duration such as 6m',
        description: 'surge: how long the surge lasts (or how long to observe).',
    }),
    'settle-duration': (0,inputs/* str */.gx)({
        default: '4m',
        pattern: DURATION,
        patternHint: 'a duration such as 4m',
        description: 'surge: observation after the surge, to see scale-down and alerts resolve.',
    }),
    'poll-interval': (0,inputs/* str */.gx)({
        default: '5s',
        pattern: DURATION,
        patternHint: 'a duration such as 5s',
        description: 'surge: how often Prometheus and the Kubernetes API are polled.',
    }),
    'scale-out-within': (0,inputs/* str */.gx)({
        default: '2m',
        pattern: DURATION,
        patternHint: 'a duration',
        description: 'surge: replicas must grow within this long of the p95 breach.',
    }),
    'recover-within': (0,inputs/* str */.gx)({
        default: '5m',
        pattern: DURATION,
        patternHint: 'a duration',
        description: 'surge: p95 must be back under target within this long of the breach.',
    }),
    'max-replica-changes': (0,inputs/* int */.Wh)({
        default: 8,
        min: 1,
        description: 'surge: more replica changes than this (or a second scale-out after scaling down) is flapping.',
    }),
    'expect-alerts': (0,inputs/* list */.p_)({
        description: 'surge: alert names that must fire during the surge and be resolved by the end.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({
        description: 'surge: write the evidence bundle (timeline.json, chart.svg, hpa-events.json, load.json, report) to this empty directory.',
    }),
    'fail-on-inconclusive': (0,inputs/* bool */.lc)({
        default: true,
        description: 'surge: fail when the surge never breached the target (nothing was proven).',
    }),
};
function seconds(name, text) {
    const value = parseDuration(text);
    if (!Number.isFinite(value) || value <= 0)
        throw new inputs/* InputError */.dz(name, `'${text}' is not a positive duration`, 'a duration such as 15s or 2m');
    return value;
}
function numberInput(name, text) {
    if (text === undefined)
        return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0)
        throw new inputs/* InputError */.dz(name, `'${text}' is not a number`, 'a number such as 0.12');
    return value;
}
function createKedaVerify(ports = {}) {
    return (0,action/* defineAction */.Q)({
        name: 'keda-verify',
        inputs: main_inputs,
        async run(values, context) {
            const costPerReplica = numberInput('cost-per-replica', values.costPerReplica);
            const budget = numberInput('budget', values.budget);
            if ((costPerReplica === undefined) !== (budget === undefined))
                throw new inputs/* InputError */.dz(costPerReplica === undefined ? 'cost-per-replica' : 'budget', 'is needed with the other', 'both cost-per-replica and budget, or neither');
            if (values.minReplicas > values.maxReplicas)
                throw new inputs/* InputError */.dz('min-replicas', `${values.minReplicas} is above max-replicas ${values.maxReplicas}`, 'a floor at or below the ceiling');
            const [major, minor] = values.kedaVersion.split('.').map(Number);
            const guard = {
                floor: values.minReplicas,
                ceiling: values.maxReplicas,
                scrapeIntervalSeconds: seconds('scrape-interval', values.scrapeInterval),
                kedaVersion: [major, minor],
                recordingRules: await loadRecordingRules(context.workspace, values.prometheusRules ?? []),
            };
            if (costPerReplica !== undefined)
                guard.costPerReplica = costPerReplica;
            if (budget !== undefined)
                guard.budget = budget;
            const set = await loadManifests(context.workspace, values.path);
            const result = verifyStatic(set, guard);
            const failOn = values.failOn;
            const failing = result.findings.filter((f) => (0,types/* atLeast */.j)(f.level, failOn));
            const s = staticSummary(set, result.rows, result.findings);
            const outputs = {
                'scaled-objects': String(result.rows.filter((r) => r.kind === 'ScaledObject').length),
                errors: String(result.findings.filter((f) => f.level === 'error').length),
                warnings: String(result.findings.filter((f) => f.level === 'warning').length),
                skipped: String(Object.values(set.skipped).reduce((a, b) => a + b, 0)),
            };
            const notes = annotations(result.findings).slice(0, MAX_ANNOTATIONS);
            let failure = failing.length > 0
                ? `${failing.length} finding(s) at ${failOn} or above in the KEDA manifests; see the annotations and the job summary`
                : undefined;
            if (set.keda.length === 0 && !failure)
                failure = `no ScaledObject or TriggerAuthentication under ${values.path.join(', ')} (${set.documents} other document(s)); check the path input`;
            if (values.mode !== 'static' && !failure) {
                const timeoutMs = seconds('query-timeout', values.queryTimeout) * 1000;
                if (values.mode === 'live') {
                    const liveOptions = {
                        prometheusUrl: values.prometheusUrl,
                        timeoutMs,
                        log: context.log,
                    };
                    // With a kubeconfig the HPA arithmetic starts from the replicas running now.
                    if (values.kubeconfig) {
                        const kube = await (0,src_kube/* kubeReader */.FJ)((0,external_node_path_.isAbsolute)(values.kubeconfig)
                            ? values.kubeconfig
                            : (0,external_node_path_.resolve)(context.workspace, values.kubeconfig), { timeoutMs });
                        liveOptions.currentReplicas = (so) => kube.replicas(so.metadata.namespace ?? 'default', so.spec.scaleTargetRef.name);
                    }
                    const live = await runLive(result.scaledObjects, liveOptions);
                    s.raw(live.markdown);
                    notes.push(...live.annotations);
                    outputs['live-errors'] = String(live.errors);
                    if (live.errors > 0)
                        failure = `${live.errors} trigger(s) could not be evaluated against Prometheus; see the job summary`;
                }
                else {
                    const surge = await runSurge(result.scaledObjects, {
                        prometheusUrl: values.prometheusUrl,
                        timeoutMs,
                        kubeconfig: values.kubeconfig
                            ? (0,external_node_path_.isAbsolute)(values.kubeconfig)
                                ? values.kubeconfig
                                : (0,external_node_path_.resolve)(context.workspace, values.kubeconfig)
                            : undefined,
                        scaledObject: values.scaledObject,
                        surgeUrl: values.surgeUrl,
                        surgeRate: numberInput('surge-rate', values.surgeRate),
                        baselineRate: numberInput('baseline-rate', values.baselineRate),
                        surgeSeconds: seconds('surge-duration', values.surgeDuration),
                        settleSeconds: seconds('settle-duration', values.settleDuration),
                        pollSeconds: seconds('poll-interval', values.pollInterval),
                        scaleOutWithinSeconds: seconds('scale-out-within', values.scaleOutWithin),
                        recoverWithinSeconds: seconds('recover-within', values.recoverWithin),
                        maxReplicaChanges: values.maxReplicaChanges,
                        expectAlerts: values.expectAlerts ?? [],
                        evidenceDir: values.evidenceDir
                            ? (0,external_node_path_.isAbsolute)(values.evidenceDir)
                                ? values.evidenceDir
                                : (0,external_node_path_.resolve)(context.workspace, values.evidenceDir)
                            : undefined,
                        driver: ports.driver,
                        redactor: context.redactor,
                        log: context.log,
                        now: () => context.now(),
                    });
                    s.raw(surge.markdown);
                    outputs['verdict'] = surge.verdict;
                    if (surge.scaleOutSeconds !== undefined)
                        outputs['scale-out-seconds'] = String(surge.scaleOutSeconds);
                    if (surge.recoverySeconds !== undefined)
                        outputs['recovery-seconds'] = String(surge.recoverySeconds);
                    if (surge.verdict === 'fail')
                        failure = `surge failed: ${surge.reasons.join('; ')}`;
                    else if (surge.verdict === 'inconclusive' && values.failOnInconclusive)
                        failure = `surge inconclusive: ${surge.reasons.join('; ')}`;
                }
            }
            const out = { outputs, annotations: notes, summary: s.toString() };
            if (failure)
                out.failure = failure;
            return out;
        },
    });
}
/* harmony default export */ const main = (createKedaVerify({ driver: openModelDriver }));


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

/***/ 46880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jf: () => (/* binding */ sanitizeUrl),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports isSecretParam, isRetryableStatus, backoffMs, parseRetryAfter */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
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
    return (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, signal ? { signal } : undefined);
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


/***/ }),

/***/ 60944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ findingToAnnotation),
/* harmony export */   j: () => (/* binding */ atLeast)
/* harmony export */ });
/**
 * The vocabulary every action reports in. An action's run() returns these as plain data; the
 * runner adapter (lib/runtime.ts) turns them into workflow commands, a job summary, a check run,
 * SARIF and an evidence bundle, passing every string through the redactor on the way out.
 */
function findingToAnnotation(finding, title) {
    const annotation = {
        level: finding.level,
        message: finding.message,
        title: title ?? finding.ruleId,
    };
    if (finding.location) {
        annotation.file = finding.location.file;
        annotation.line = finding.location.line;
        if (finding.location.column !== undefined)
            annotation.column = finding.location.column;
        if (finding.location.endLine !== undefined)
            annotation.endLine = finding.location.endLine;
        if (finding.location.endColumn !== undefined)
            annotation.endColumn = finding.location.endColumn;
    }
    return annotation;
}
const LEVEL_RANK = { notice: 0, warning: 1, error: 2 };
/** True when `level` is at least as severe as `threshold` (fail-on semantics). */
function atLeast(level, threshold) {
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
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
