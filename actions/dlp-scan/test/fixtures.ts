/**
 * Test fixtures built at run time: synthetic secrets from lib/dlp/synth.ts (nothing secret-looking
 * is committed), real git repositories in temp directories, and a recording sink for execute().
 */
import { runOk } from '../../../test/support/run.ts';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cardNumber, githubToken, groupCard, seededRng, synth, type Rng } from '../../../lib/dlp/synth.ts';
import type { Sink } from '../../../lib/runtime.ts';
import type { Annotation } from '../../../lib/report/types.ts';

export interface Planted {
  value: string;
  /** A source line that carries it. */
  line: string;
  rule: string;
}

/** Values the default pack reports as errors, each in a line of code. */
export function plant(seed: number): { aws: Planted; github: Planted; card: Planted; all: () => string[] } {
  const rng: Rng = seededRng(seed);
  const aws = synth.awsAccessKeyId(rng);
  const gh = githubToken(rng);
  const card = cardNumber(rng, 'visa');
  return {
    aws: { value: aws, line: `AWS_ACCESS_KEY_ID=${aws}`, rule: 'aws-access-key-id' },
    github: { value: gh, line: `const client = new Octokit({ auth: '${gh}' });`, rule: 'github-token' },
    card: { value: card, line: `card: ${groupCard(card)}`, rule: 'payment-card' },
    all: () => [aws, gh, card, groupCard(card)],
  };
}

export async function tempDir(prefix = 'dlp-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Dee Veloper',
  GIT_AUTHOR_EMAIL: 'dee@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'Dee Veloper',
  GIT_COMMITTER_EMAIL: 'dee@users.noreply.github.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export async function git(repo: string, ...args: string[]): Promise<string> {
  return (await runOk('git', args, { cwd: repo, env: GIT_ENV })).trim();
}

export async function initRepo(dir?: string): Promise<string> {
  const repo = dir ?? (await tempDir('dlp-repo-'));
  await git(repo, 'init', '-q', '-b', 'main');
  return repo;
}

/** Writes files, commits them all with `message` at a fixed date, returns the commit id. */
export async function commit(
  repo: string,
  files: Record<string, string | Buffer>,
  message: string,
  date = '2026-11-01T10:00:00Z',
): Promise<string> {
  await writeFiles(repo, files);
  await git(repo, 'add', '-A');
  await runOk('git', ['commit', '-q', '-m', message], {
    cwd: repo,
    env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  return git(repo, 'rev-parse', 'HEAD');
}

export interface RecordingSink extends Sink {
  lines: string[];
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
  failures: string[];
  /** Everything that went out, as one text (for leak checks). */
  all(): string;
}

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    lines: [],
    annotations: [],
    outputs: {},
    summary: '',
    failures: [],
    info: (m) => sink.lines.push(m),
    debug: (m) => sink.lines.push(m),
    annotate: (a) => sink.annotations.push(a),
    setOutput: (name, value) => (sink.outputs[name] = value),
    writeSummary: async (markdown) => {
      sink.summary += markdown;
    },
    fail: (m) => sink.failures.push(m),
    all: () =>
      [
        ...sink.lines,
        JSON.stringify(sink.annotations),
        JSON.stringify(sink.outputs),
        sink.summary,
        ...sink.failures,
      ].join('\n'),
  };
  return sink;
}

/** Fails naming the index and length of a leaked value, never the value. */
export function assertAbsent(text: string, planted: readonly string[], where: string): void {
  for (const [index, value] of planted.entries()) {
    if (text.includes(value))
      throw new Error(`planted value #${index} (length ${value.length}) appears in ${where}`);
  }
}
