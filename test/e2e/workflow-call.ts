/**
 * What a consumer's `uses: <owner>/summit-ops/.github/workflows/<x>.yml@v1` job hands to our
 * action, computed from the two workflow files as they are (never restated in a test): the
 * caller's `with:` over the called workflow's `workflow_call` input defaults, then the action step's
 * `with:` evaluated with `inputs`, `secrets`, `vars`, `runner` and `github` contexts. The
 * expression language is the subset our workflows use (literals, context paths, `||`, `&&`, `==`,
 * `!=`, `!`, parentheses, with GitHub's truthiness); anything else throws naming the file, so a
 * change to a workflow that this cannot follow fails loudly instead of testing something else.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

export type Value = string | number | boolean | null | undefined;
export type Context = Record<string, unknown>;

interface CallInputSpec {
  type?: 'string' | 'boolean' | 'number';
  required?: boolean;
  default?: Value;
}

export interface CalledWorkflow {
  file: string;
  inputs: Record<string, CallInputSpec>;
  secrets: Record<string, { required?: boolean }>;
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      steps?: Array<{ id?: string; uses?: string; with?: Record<string, Value> }>;
    }
  >;
}

export interface CallerJob {
  file: string;
  job: string;
  uses: string;
  /** The called workflow's file name (catalog-gate.yml). */
  workflow: string;
  with: Record<string, Value>;
  secrets: 'inherit' | Record<string, Value>;
  permissions: Record<string, string>;
}

/** Jobs of a caller workflow that call one of our reusable workflows. */
export async function callerJobs(file: string, owner = 'summit-ops/summit-ops'): Promise<CallerJob[]> {
  const doc = parseYaml(await readFile(file, 'utf8')) as {
    jobs?: Record<
      string,
      { uses?: string; with?: Record<string, Value>; secrets?: unknown; permissions?: unknown }
    >;
  };
  const jobs: CallerJob[] = [];
  const pattern = new RegExp(
    `^${owner.replace('/', '\\/')}\\/\\.github\\/workflows\\/([\\w.-]+\\.ya?ml)@(\\S+)$`,
  );
  for (const [name, job] of Object.entries(doc.jobs ?? {})) {
    const match = job.uses ? pattern.exec(job.uses) : null;
    if (!match) continue;
    if (typeof job.permissions !== 'object' || job.permissions === null)
      throw new Error(`${file}: job ${name} calls ${job.uses} without a permissions: map`);
    jobs.push({
      file,
      job: name,
      uses: job.uses!,
      workflow: match[1]!,
      with: job.with ?? {},
      secrets: job.secrets === 'inherit' ? 'inherit' : ((job.secrets as Record<string, Value>) ?? {}),
      permissions: job.permissions as Record<string, string>,
    });
  }
  return jobs;
}

export async function readCalledWorkflow(file: string): Promise<CalledWorkflow> {
  const doc = parseYaml(await readFile(file, 'utf8')) as {
    on?: { workflow_call?: { inputs?: CalledWorkflow['inputs']; secrets?: CalledWorkflow['secrets'] } };
    jobs?: CalledWorkflow['jobs'];
  };
  const call = doc.on?.workflow_call;
  if (!call) throw new Error(`${file} has no on.workflow_call: it cannot be called`);
  return { file, inputs: call.inputs ?? {}, secrets: call.secrets ?? {}, jobs: doc.jobs ?? {} };
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

/**
 * What GitHub itself would reject or silently break: a `with:` key the called workflow does not
 * declare, a value of the wrong type, a required input or secret missing, an unknown secret, and a
 * permission the called job needs but the caller does not grant (the called job gets the lesser).
 */
export function callProblems(caller: CallerJob, called: CalledWorkflow): string[] {
  const where = `${caller.file}: job ${caller.job}`;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(caller.with)) {
    const spec = called.inputs[key];
    if (!spec) {
      problems.push(`${where}: with.${key} is not an input of ${caller.workflow}`);
      continue;
    }
    const isExpression = typeof value === 'string' && value.includes('${{');
    if (!isExpression && spec.type && typeof value !== spec.type)
      problems.push(`${where}: with.${key} is a ${typeof value}, ${caller.workflow} declares ${spec.type}`);
  }
  for (const [key, spec] of Object.entries(called.inputs))
    if (spec.required && !(key in caller.with)) problems.push(`${where}: required input ${key} not given`);
  if (caller.secrets !== 'inherit') {
    for (const key of Object.keys(caller.secrets))
      if (!(key in called.secrets))
        problems.push(`${where}: secret ${key} is not a secret of ${caller.workflow}`);
    for (const [key, spec] of Object.entries(called.secrets))
      if (spec.required && !(key in caller.secrets))
        problems.push(`${where}: required secret ${key} not passed`);
  }
  for (const [jobName, job] of Object.entries(called.jobs)) {
    for (const [scope, level] of Object.entries(job.permissions ?? {})) {
      const granted = caller.permissions[scope] ?? 'none';
      if ((LEVEL[granted] ?? 0) < (LEVEL[level] ?? 0))
        problems.push(
          `${where}: ${caller.workflow} job ${jobName} needs ${scope}: ${level}, the caller grants ${granted}`,
        );
    }
  }
  return problems;
}

/** The `inputs` context inside the called workflow: defaults, then the caller's evaluated `with:`. */
export function calledInputs(caller: CallerJob, called: CalledWorkflow, callerContext: Context): Context {
  const inputs: Context = {};
  for (const [key, spec] of Object.entries(called.inputs)) {
    if (spec.default !== undefined) inputs[key] = spec.default;
    else inputs[key] = spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '';
  }
  for (const [key, raw] of Object.entries(caller.with)) {
    const value = evaluateValue(raw, callerContext, caller.file);
    const type = called.inputs[key]?.type;
    inputs[key] =
      type === 'boolean' ? value === true || value === 'true' : type === 'number' ? Number(value) : value;
  }
  return inputs;
}

/** The steps of the called workflow that run actions/<action> (self-checkout path, `owner/repo/actions/x@sha` or `$/actions/x`). */
export function actionSteps(
  called: CalledWorkflow,
  action: string,
): Array<{ job: string; with: Record<string, Value> }> {
  const pattern = new RegExp(`(^|/)actions/${action}(@\\S+)?$`);
  const found: Array<{ job: string; with: Record<string, Value> }> = [];
  for (const [job, body] of Object.entries(called.jobs))
    for (const step of body.steps ?? [])
      if (step.uses && pattern.test(step.uses.trim())) found.push({ job, with: step.with ?? {} });
  if (found.length === 0) throw new Error(`${called.file}: no step uses actions/${action}`);
  return found;
}

/** A step's `with:` as the runner hands it to the action: every value a string. */
export function evaluateWith(
  withMap: Record<string, Value>,
  context: Context,
  file: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(withMap))
    out[key] = toInputString(evaluateValue(raw, context, file));
  return out;
}

function toInputString(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** A YAML value with `${{ }}`: a whole-value expression keeps its type, embedded ones interpolate. */
export function evaluateValue(raw: Value, context: Context, file: string): Value {
  if (typeof raw !== 'string' || !raw.includes('${{')) return raw;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(raw);
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, context, file);
  return raw.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) =>
    toInputString(evaluate(expr, context, file)),
  );
}

type Token = { kind: 'str' | 'num' | 'ident' | 'op'; text: string };

function tokenize(expr: string, file: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)|(\|\||&&|==|!=|!|\(|\)))/y;
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(expr);
    if (!m)
      throw new Error(`${file}: cannot evaluate \${{${expr}}} (unsupported at '${expr.slice(at).trim()}')`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'num', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'ident', text: m[3] });
    else tokens.push({ kind: 'op', text: m[4]! });
  }
  return tokens;
}

const truthy = (v: unknown) =>
  !(v === undefined || v === null || v === false || v === 0 || v === '' || Number.isNaN(v));

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expr: string, context: Context, file: string): Value {
  const tokens = tokenize(expr, file);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (why: string): never => {
    throw new Error(`${file}: cannot evaluate \${{${expr}}}: ${why}`);
  };
  const primary = (): Value => {
    const t = tokens[i++] ?? fail('unexpected end');
    if (t.kind === 'op' && t.text === '(') {
      const v = or();
      if (tokens[i++]?.text !== ')') fail('missing )');
      return v;
    }
    if (t.kind === 'op' && t.text === '!') return !truthy(primary());
    if (t.kind === 'str') return t.text;
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'ident') {
      if (t.text === 'true') return true;
      if (t.text === 'false') return false;
      if (t.text === 'null') return null;
      if (peek()?.text === '(') fail(`function ${t.text}() is not supported`);
      const [root, ...path] = t.text.split('.');
      if (!(root! in context)) fail(`context '${root}' is not provided`);
      let v: unknown = context[root!];
      for (const key of path)
        v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      return v as Value;
    }
    return fail(`unexpected '${t.text}'`);
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = tokens[i++]!.text;
      const right = primary();
      const eq =
        typeof left === 'string' && typeof right === 'string'
          ? left.toLowerCase() === right.toLowerCase()
          : left === right;
      left = op === '==' ? eq : !eq;
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek()?.text === '&&') {
      i++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.text === '||') {
      i++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (i !== tokens.length) fail(`unexpected '${tokens[i]!.text}'`);
  return value;
}
