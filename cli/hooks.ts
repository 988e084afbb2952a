/**
 * `summit-ops pre-commit <hook> [--input name=value ...] [--verbose] [file ...]`: the gates as
 * hooks of the pre-commit framework (.pre-commit-hooks.yaml at the repository root runs the bundle
 * with this command). The framework has stashed what is not staged, so the files it names hold the
 * staged content. A hook prints nothing when it passes; when it fails, the findings
 * (`file:line:col: level: message [rule]`) and what failed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, type Sink } from '../lib/runtime.ts';
import { defaultFor, importDefinition, resolveAction, type ActionManifest } from './actions.ts';
import { formatAnnotation, type TerminalStreams } from './terminal.ts';

export interface Hook {
  action: string;
  /** Inputs the hook sets unless the hook's `args` give them. */
  inputs: Record<string, string>;
  /** One run per named file (as its `path` input), or one run over the working tree. */
  perFile: boolean;
  description: string;
}

export const HOOKS: Record<string, Hook> = {
  'catalog-gate': {
    action: 'catalog-gate',
    // Proving back-outs applies every migration on PGlite: seconds, not a commit's worth of wait. CI proves them.
    inputs: { 'prove-backout': 'false' },
    perFile: false,
    description: 'every migration has a catalog entry (schema, drift, PII, lock risk; no back-out proof)',
  },
  'dlp-scan': {
    action: 'dlp-scan',
    inputs: { mode: 'tree', threads: '1' },
    perFile: true,
    description: 'no secret or PII in the named (staged) files',
  },
};

export const HOOK_USAGE = `usage: summit-ops pre-commit <${Object.keys(HOOKS).join('|')}> [--input name=value ...] [--verbose] [file ...]`;

export interface HookArgs {
  hook: Hook;
  inputs: Record<string, string>;
  files: string[];
  verbose: boolean;
}

export function parseHookArgs(argv: string[]): HookArgs | string {
  const [name, ...rest] = argv;
  const hook = name === undefined ? undefined : HOOKS[name];
  if (!hook) return `${name ? `unknown hook '${name}'; ` : ''}${HOOK_USAGE}`;
  const args: HookArgs = { hook, inputs: {}, files: [], verbose: false };
  let options = true;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (options && arg === '--') options = false;
    else if (options && (arg === '--verbose' || arg === '-v')) args.verbose = true;
    else if (options && (arg === '--input' || arg === '-i' || arg.startsWith('--input='))) {
      const pair = arg.startsWith('--input=') ? arg.slice('--input='.length) : rest[++i];
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) return `--input needs name=value, got '${pair ?? ''}'`;
      args.inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (options && arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'; ${HOOK_USAGE}`;
    else args.files.push(arg);
  }
  if (!hook.perFile && args.files.length)
    return `the ${hook.action} hook checks the working tree and takes no file names (pass_filenames: false)`;
  return args;
}

export async function runHook(
  argv: string[],
  streams: TerminalStreams,
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): Promise<number> {
  const args = parseHookArgs(argv);
  if (typeof args === 'string') {
    streams.err(`summit-ops: ${args}\n`);
    return 2;
  }
  const manifest = await resolveAction(args.hook.action);
  const unknown = Object.keys(args.inputs).filter((name) => !(name in manifest.inputs));
  if (unknown.length) {
    streams.err(
      `summit-ops: ${manifest.name} has no input ${unknown.map((u) => `'${u}'`).join(', ')}; its inputs: ${Object.keys(manifest.inputs).join(', ')}\n`,
    );
    return 2;
  }
  const definition = await importDefinition(manifest);
  // Each run makes a temporary folder for its reports: one per hook call, removed at the end,
  // so commits do not leave folders in /tmp.
  const temp = await mkdtemp(join(env['RUNNER_TEMP'] || tmpdir(), 'summit-ops-hook-'));
  try {
    const runs = args.hook.perFile ? args.files.map((file) => ({ path: file })) : [{}];
    let worst = 0;
    for (const fixed of runs) {
      const inputs = { ...args.hook.inputs, ...args.inputs, ...fixed };
      const { exitCode } = await execute(
        definition,
        inputSource(manifest, inputs, env),
        hookSink(streams, args.verbose),
        {
          env: { ...env, GITHUB_WORKSPACE: cwd, RUNNER_TEMP: temp },
        },
      );
      worst = Math.max(worst, exitCode);
    }
    return worst;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function inputSource(
  manifest: ActionManifest,
  given: Record<string, string>,
  env: Record<string, string | undefined>,
): (name: string) => string | undefined {
  return (name) =>
    given[name] ??
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ??
    defaultFor(manifest.inputs[name]?.default, env);
}

function hookSink(streams: TerminalStreams, verbose: boolean): Sink {
  return {
    info: (message) => {
      if (verbose) streams.out(`${message}\n`);
    },
    debug: (message) => {
      if (verbose) streams.err(`debug: ${message}\n`);
    },
    annotate: (annotation) => streams.out(`${formatAnnotation(annotation)}\n`),
    setOutput: () => {},
    writeSummary: async (markdown) => {
      if (verbose) streams.out(`\n${markdown.trimEnd()}\n`);
    },
    fail: (message) => streams.out(`✗ ${message}\n`),
  };
}
