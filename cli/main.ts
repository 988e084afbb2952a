#!/usr/bin/env node
/**
 * summit-ops: runs any action locally through the same execute() the runner adapter uses.
 *
 *   summit-ops [--fast]                 the main job: every gate with embedded defaults, one evidence bundle
 *   summit-ops <action> [--input name=value ...] [--verbose]
 *   summit-ops evidence verify <dir> [--key-fingerprint HEX]
 *   summit-ops pre-commit <catalog-gate|dlp-scan> [--input name=value ...] [file ...]
 *   summit-ops --help | <action> --help
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { execute } from '../lib/runtime.ts';
import { registerWorkerEntry, workerRole } from '../lib/worker-entry.ts';
import { DLP_SCAN_WORKER_ROLE } from '../lib/dlp/scan-worker-role.ts';
import { PGLITE_WORKER_ROLE } from '../actions/catalog-gate/src/pglite-role.ts';
import {
  defaultFor,
  importDefinition,
  listManifests,
  localDefaultRefusal,
  resolveAction,
  type ActionManifest,
} from './actions.ts';
import { HOOK_USAGE, runHook } from './hooks.ts';
import { terminalSink, type TerminalStreams } from './terminal.ts';
import { REPO_ROOT } from './actions.ts';
import { runMainJob, verifyEvidence } from './job.ts';

export interface CliArgs {
  action?: string;
  inputs: Record<string, string>;
  help: boolean;
  verbose: boolean;
  /** Main job only: skip the labs. */
  fast: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { inputs: {}, help: false, verbose: false, fast: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--verbose' || arg === '-v') args.verbose = true;
    else if (arg === '--fast') args.fast = true;
    else if (arg === '--input' || arg === '-i' || arg.startsWith('--input=')) {
      const pair = arg.startsWith('--input=') ? arg.slice('--input='.length) : argv[++i];
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) throw new UsageError(`--input needs name=value, got '${pair ?? ''}'`);
      args.inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'; see --help`);
    else if (!args.action) args.action = arg;
    else throw new UsageError(`unexpected argument '${arg}'; inputs go as --input name=value`);
  }
  return args;
}

export { defaultFor };

// The bundle is also the file worker threads run (lib/worker-entry.ts): catalog-gate's embedded
// PGlite and dlp-scan's scanner start them with their roles, and get their modules here instead of the CLI. From source the
// worker runs its own module, so only the bundle registers itself.
if (workerRole() === PGLITE_WORKER_ROLE) await import('../actions/catalog-gate/src/pglite-worker.ts');
else if (workerRole() === DLP_SCAN_WORKER_ROLE) await import('../lib/dlp/scan-worker.ts');
else if (!fileURLToPath(import.meta.url).endsWith('.ts')) registerWorkerEntry(import.meta.url);

export function helpText(manifests: ActionManifest[], only?: ActionManifest): string {
  if (only) {
    const lines = [`${only.name}: ${only.title}`, '', wrap(only.description), '', 'Inputs:'];
    for (const [name, input] of Object.entries(only.inputs)) {
      const dflt =
        input.default !== undefined && input.default !== '' ? ` (default: ${String(input.default)})` : '';
      lines.push(
        `  --input ${name}=…${input.required ? ' (required)' : ''}${dflt}`,
        `      ${wrap(input.description ?? '', 6)}`,
      );
    }
    lines.push('', 'Outputs:');
    for (const [name, output] of Object.entries(only.outputs))
      lines.push(`  ${name}: ${output.description ?? ''}`);
    return lines.join('\n') + '\n';
  }
  const lines = [
    'Usage: summit-ops [--fast] | <action> [--input name=value ...] [--verbose] | evidence verify <dir>',
    '',
    'With no action, runs the main job: every gate on the current repository (this checkout for',
    '`npm start`) with embedded defaults (catalog-gate with the PGlite back-out proof, dlp-scan,',
    'keda-verify, reason-for-access dry run) and, in a Summit Ops checkout, the labs (scaling surge,',
    'failover drill, edge tokenization runbook; --fast skips them), and writes one signed evidence',
    'bundle under evidence/<timestamp>/. Exit 1 when a gate fails.',
    '',
    'Actions:',
  ];
  for (const m of manifests)
    lines.push(
      `  ${m.name.padEnd(20)} ${m.title}`,
      ...Object.keys(m.inputs).map((i) => `      --input ${i}=…`),
    );
  if (manifests.length === 0) lines.push('  (none yet)');
  lines.push(
    '',
    'summit-ops <action> --help describes one action and its inputs.',
    '',
    'Pre-commit hooks (.pre-commit-hooks.yaml runs these; quiet unless they fail):',
    `  ${HOOK_USAGE.replace(/^usage: /, '')}`,
  );
  return lines.join('\n') + '\n';
}

function wrap(text: string, indent = 0): string {
  return text.trim().replace(/\s*\n\s*/g, '\n' + ' '.repeat(indent));
}

export async function runCli(
  argv: string[],
  streams: TerminalStreams,
  env: Record<string, string | undefined>,
): Promise<number> {
  if (argv[0] === 'evidence') return evidenceCommand(argv.slice(1), streams);
  if (argv[0] === 'pre-commit') return runHook(argv.slice(1), streams, env);
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    streams.err(`summit-ops: ${(error as Error).message}\n`);
    return 2;
  }
  const manifests = await listManifests();
  if (args.help && !args.action) {
    streams.out(helpText(manifests));
    return 0;
  }
  if (!args.action) {
    if (Object.keys(args.inputs).length)
      return usage(streams, '--input goes with an action: summit-ops <action> --input name=value');
    const { exitCode } = await runMainJob({ root: mainJobRoot(), fast: args.fast, env }, streams);
    return exitCode;
  }
  if (args.fast) return usage(streams, '--fast goes with the main job (summit-ops with no action)');
  let manifest: ActionManifest;
  try {
    manifest = await resolveAction(args.action);
  } catch (error) {
    streams.err(`summit-ops: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    streams.out(helpText(manifests, manifest));
    return 0;
  }
  const unknown = Object.keys(args.inputs).filter((name) => !(name in manifest.inputs));
  if (unknown.length) {
    streams.err(
      `summit-ops: ${manifest.name} has no input ${unknown.map((u) => `'${u}'`).join(', ')}; its inputs: ${Object.keys(manifest.inputs).join(', ')}\n`,
    );
    return 2;
  }
  return runOne(manifest, args.inputs, { ...streams, verbose: args.verbose }, env);
}

/**
 * `npm start` (this file run from source) checks this checkout; the installed bin
 * (cli/dist/summit-ops.js) checks the repository it is run in.
 */
function mainJobRoot(): string {
  return fileURLToPath(import.meta.url).endsWith('.ts') ? REPO_ROOT : process.cwd();
}

function usage(streams: TerminalStreams, message: string): number {
  streams.err(`summit-ops: ${message}\n`);
  return 2;
}

async function evidenceCommand(argv: string[], streams: TerminalStreams): Promise<number> {
  const [verb, dir, ...rest] = argv;
  if (verb !== 'verify' || !dir || dir.startsWith('-'))
    return usage(streams, 'usage: summit-ops evidence verify <dir> [--key-fingerprint HEX]');
  let fingerprint: string | undefined;
  if (rest.length) {
    if (rest[0] !== '--key-fingerprint' || !rest[1] || rest.length > 2)
      return usage(streams, 'usage: summit-ops evidence verify <dir> [--key-fingerprint HEX]');
    fingerprint = rest[1];
  }
  const { ok, message } = await verifyEvidence(dir, fingerprint);
  (ok ? streams.out : streams.err)(`${message}\n`);
  return ok ? 0 : 1;
}

async function runOne(
  manifest: ActionManifest,
  given: Record<string, string>,
  streams: TerminalStreams,
  env: Record<string, string | undefined>,
): Promise<number> {
  let definition;
  try {
    definition = await importDefinition(manifest);
  } catch (error) {
    streams.err(`summit-ops: ${(error as Error).message}\n`);
    return 2;
  }
  const sink = terminalSink(streams);
  // INPUT_<NAME> from the environment, as the runner passes inputs: lets wrappers hand over secrets
  // without putting them on a command line that `ps` shows.
  const explicit = (name: string) => given[name] ?? env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  const source = (name: string) => explicit(name) ?? defaultFor(manifest.inputs[name]?.default, env);
  const refusal = localDefaultRefusal(manifest, explicit, source, env);
  if (refusal) return usage(streams, refusal);
  const { exitCode } = await execute(definition, source, sink, {
    env: { ...env, GITHUB_WORKSPACE: env['GITHUB_WORKSPACE'] ?? process.cwd() },
  });
  const outputs = Object.entries(sink.outputs);
  if (outputs.length)
    streams.out(
      `\nOutputs:\n${outputs.map(([k, v]) => `  ${k}=${v.includes('\n') ? JSON.stringify(v) : v}`).join('\n')}\n`,
    );
  return exitCode;
}

/**
 * Run as a program: `node cli/main.ts`, or the bundle through a bin link (node_modules/.bin is a
 * symlink, hence realpath). Not `import.meta.main`: Node 20 lacks it. Not in a worker thread: the
 * bundle is also what catalog-gate's and dlp-scan's workers run.
 */
function isEntry(): boolean {
  if (!isMainThread || !process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  const code = await runCli(
    process.argv.slice(2),
    {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      tty: process.stdout.isTTY === true,
    },
    process.env,
  );
  process.exitCode = code;
}
