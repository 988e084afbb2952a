/**
 * Generates each action README's inputs/outputs lists from its action.yml, between the markers
 * `<!-- action-docs:start -->` and `<!-- action-docs:end -->`, so the docs cannot drift from what
 * the runner reads. Run by `npm run build`; a test fails when a README is stale.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { escapeText, inlineCode } from '../lib/report/summary.ts';

export const START = '<!-- action-docs:start (generated from action.yml by npm run build) -->';
export const END = '<!-- action-docs:end -->';

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

const oneLine = (text: string | undefined) => (text ?? '').trim().replace(/\s*\n\s*/g, ' ');

/**
 * Lists, not tables: descriptions run to several hundred characters, and a table cell that long is
 * unreadable in a rendered README and on a phone.
 */
export function renderActionDocs(actionYml: string): string {
  const yml = parseYaml(actionYml) as ActionYml;
  const inputs = Object.entries(yml.inputs ?? {}).map(([name, i]) => {
    const dflt =
      i.default === undefined || i.default === '' ? '' : `, default ${inlineCode(String(i.default))}`;
    const how = i.required ? '**required**' : `optional${dflt}`;
    return `- ${inlineCode(name)} (${how}): ${escapeText(oneLine(i.description))}`;
  });
  const outputs = Object.entries(yml.outputs ?? {}).map(
    ([name, o]) => `- ${inlineCode(name)}: ${escapeText(oneLine(o.description))}`,
  );
  return [
    '### Inputs',
    '',
    inputs.length ? inputs.join('\n') : '_none_',
    '',
    '### Outputs',
    '',
    outputs.length ? outputs.join('\n') : '_none_',
  ].join('\n');
}

/** Returns the README with its generated section replaced, or undefined when it has no markers. */
export function updateReadme(readme: string, actionYml: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + START.length)}\n${renderActionDocs(actionYml).trimEnd()}\n${readme.slice(end)}`;
}

/** Rewrites every action README that has the markers; returns the ones it changed. */
export async function writeActionDocs(root: string, actions: string[]): Promise<string[]> {
  const changed = [];
  for (const name of actions) {
    const readmePath = join(root, 'actions', name, 'README.md');
    if (!existsSync(readmePath)) continue;
    const readme = await readFile(readmePath, 'utf8');
    const updated = updateReadme(readme, await readFile(join(root, 'actions', name, 'action.yml'), 'utf8'));
    if (updated !== undefined && updated !== readme) {
      await writeFile(readmePath, updated);
      changed.push(name);
    }
  }
  return changed;
}
