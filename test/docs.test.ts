// The user-facing docs follow the files they describe: one page per reusable workflow naming every
// input, secret, output and permission it has; the README's permissions table equal to the jobs'
// permissions; relative links that resolve; no mention of planning material outside this
// repository; no table cell too long to read; the README's two "Start here" commands exist.
import { describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../scripts/build.ts';

interface Workflow {
  on: { workflow_call: { inputs?: object; secrets?: object; outputs?: object } };
  jobs: Record<string, { permissions?: Record<string, string> }>;
}

const workflowNames = (await readdir(join(ROOT, 'reusable-workflows')))
  .filter((n) => n.endsWith('.yml'))
  .sort();
const readWorkflow = async (name: string) =>
  parseYaml(await readFile(join(ROOT, 'reusable-workflows', name), 'utf8')) as Workflow;

/** Every markdown file a user of Summit Ops reads. */
async function userDocs(): Promise<string[]> {
  const files = [join(ROOT, 'README.md')];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'test'].includes(entry.name)) await walk(path);
      } else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  for (const dir of ['actions', 'docs', 'edge', 'infra', 'policy', 'examples']) await walk(join(ROOT, dir));
  return files;
}
const docs = await userDocs();

/** Markdown outside fenced code blocks, with its 1-based line numbers. */
function proseLines(text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let fenced = false;
  for (const [i, line] of text.split('\n').entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) out.push([i + 1, line]);
  }
  return out;
}

/** Cells of a table row (`\|` stays inside a cell), or undefined for a line that is not one. */
function tableCells(line: string): string[] | undefined {
  if (!line.trimStart().startsWith('|')) return undefined;
  return line
    .trim()
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('one page per reusable workflow', () => {
  for (const name of workflowNames) {
    test(`docs/workflows/${name.replace('.yml', '.md')} names every input, secret, output and permission of ${name}`, async () => {
      const page = join(ROOT, 'docs', 'workflows', name.replace('.yml', '.md'));
      expect(existsSync(page)).toBe(true);
      const text = await readFile(page, 'utf8');
      const workflow = await readWorkflow(name);
      const call = workflow.on.workflow_call;
      const names = [
        ...Object.keys(call.inputs ?? {}),
        ...Object.keys(call.secrets ?? {}),
        ...Object.keys(call.outputs ?? {}),
        ...Object.values(workflow.jobs).flatMap((j) =>
          Object.keys(j.permissions ?? {}).map((p) => `${p}: ${j.permissions![p]}`),
        ),
      ];
      expect(names.filter((n) => !text.includes(`\`${n}\``))).toStrictEqual([]);
    });
  }
});

test("the README's permissions table is what each workflow's jobs declare", async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const [, line] of proseLines(readme)) {
    const cells = tableCells(line);
    const link = cells && /\(docs\/workflows\/([\w-]+)\.md\)/.exec(cells[0] ?? '');
    if (cells && link) rows.set(`${link[1]}.yml`, cells[2] ?? '');
  }
  expect([...rows.keys()].sort()).toStrictEqual(workflowNames);
  for (const name of workflowNames) {
    const declared = new Set<string>();
    for (const job of Object.values((await readWorkflow(name)).jobs))
      for (const [scope, level] of Object.entries(job.permissions ?? {})) declared.add(`${scope}: ${level}`);
    const listed = [...rows.get(name)!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect([name, listed.sort()]).toStrictEqual([name, [...declared].sort()]);
  }
});

test('relative links in the user docs resolve to files of this repository', async () => {
  const broken: string[] = [];
  for (const file of docs) {
    for (const [line, text] of proseLines(await readFile(file, 'utf8'))) {
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        const path = join(dirname(file), decodeURIComponent(target));
        if (!path.startsWith(ROOT) || !existsSync(path))
          broken.push(`${relative(ROOT, file)}:${line}: ${match[1]}`);
      }
    }
  }
  expect(broken).toStrictEqual([]);
});

test('the user docs do not point at planning material or paths outside this repository', async () => {
  const found: string[] = [];
  for (const file of docs)
    for (const [line, text] of proseLines(await readFile(file, 'utf8')).concat(
      // Code blocks too: a path outside the repository is unusable anywhere.
      [[0, await readFile(file, 'utf8')]],
    ))
      if (/\bthe seed\b|\bseed's\b|\bARCHITECTURE\b|\.\.\/shared\//i.test(text))
        found.push(`${relative(ROOT, file)}${line ? `:${line}` : ''}`);
  expect(found).toStrictEqual([]);
});

test('no table cell in the user docs is longer than 200 characters (use a list)', async () => {
  const long: string[] = [];
  for (const file of docs)
    for (const [line, text] of proseLines(await readFile(file, 'utf8'))) {
      const width = Math.max(0, ...(tableCells(text) ?? []).map((c) => c.length));
      if (width > 200) long.push(`${relative(ROOT, file)}:${line}: ${width}`);
    }
  expect(long).toStrictEqual([]);
});

test('the README keeps the two "Start here" commands near the top, and package.json runs them', async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const head = readme.split('\n').slice(0, 60).join('\n');
  expect(head).toMatch(/^npm ci && npm start\b/m);
  expect(head).toMatch(/^npm test\b/m);
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts['start']).toMatch(/cli\/main\.ts/);
  expect(pkg.scripts['test']).toMatch(/jest/);
});
