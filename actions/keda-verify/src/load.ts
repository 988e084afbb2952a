/**
 * Reads the manifests to verify: files or directories (every *.yaml / *.yml below them, sorted),
 * each a multi-document stream. KEDA kinds are kept with their positions; other kinds (the
 * Deployment beside a ScaledObject, a Service) are counted and skipped. Also reads Prometheus rule
 * files so a trigger's recorded series can be traced back to the windows in its rule.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ConfigError, parseConfig, parseConfigDocuments, type LoadedConfig } from '../../../lib/config.ts';
import type { RecordingRule } from './semantics.ts';
import { outsideWorkspace, readWorkspaceFile } from '../../../lib/workspace.ts';

export const KEDA_KINDS = new Set(['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication']);

export interface ManifestSet {
  files: string[];
  keda: LoadedConfig<Record<string, unknown>>[];
  /** kind -> count of documents not verified here. */
  skipped: Record<string, number>;
  documents: number;
}

async function collect(absolute: string, out: string[]): Promise<void> {
  const info = await stat(absolute);
  if (info.isFile()) {
    out.push(absolute);
    return;
  }
  const entries = await readdir(absolute, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(absolute, entry.name);
    // A symlinked directory is not entered (it may lead out of the workspace, or round in a
    // cycle); a symlinked file is listed, and reading it refuses one that leaves the workspace.
    if (entry.isDirectory()) await collect(child, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(child);
  }
}

/** A workspace file's text, or a ConfigError at it saying why it is not read. */
async function readText(workspace: string, absolute: string, shown: string, hint: string): Promise<string> {
  const read = await readWorkspaceFile(workspace, absolute);
  if (read.ok) return read.text;
  const why = read.why.replaceAll(absolute, shown);
  throw new ConfigError(
    shown,
    { line: 1, column: 1 },
    why.endsWith(': not found') ? `not found; ${hint}` : why,
  );
}

/** Workspace-relative display path with forward slashes. */
export function display(workspace: string, absolute: string): string {
  const rel = relative(workspace, absolute);
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/');
}

export async function loadManifests(workspace: string, paths: string[]): Promise<ManifestSet> {
  const files: string[] = [];
  for (const p of paths) {
    const absolute = isAbsolute(p) ? p : join(workspace, p);
    const outside = await outsideWorkspace(workspace, absolute);
    if (outside)
      throw new ConfigError(
        p,
        { line: 1, column: 1 },
        `refused: ${outside}; verify manifests of the repository`,
      );
    try {
      await collect(absolute, files);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(
        p,
        { line: 1, column: 1 },
        code === 'ENOENT' ? 'path not found; check the path input' : `cannot read (${code ?? String(error)})`,
      );
    }
  }
  const set: ManifestSet = { files: [], keda: [], skipped: {}, documents: 0 };
  for (const file of files) {
    const shown = display(workspace, file);
    set.files.push(shown);
    const text = await readText(workspace, file, shown, 'check the path input');
    const docs = parseConfigDocuments<Record<string, unknown>>(shown, text);
    for (const doc of docs) {
      set.documents++;
      const value = doc.value;
      const kind = value && typeof value === 'object' && !Array.isArray(value) ? value['kind'] : undefined;
      if (typeof kind === 'string' && KEDA_KINDS.has(kind)) set.keda.push(doc);
      else {
        const name = typeof kind === 'string' ? kind : '(no kind)';
        set.skipped[name] = (set.skipped[name] ?? 0) + 1;
      }
    }
  }
  return set;
}

/** Prometheus rule files (`groups: [{ rules: [{ record, expr }] }]`): recorded series by name. */
export async function loadRecordingRules(
  workspace: string,
  paths: string[],
): Promise<Map<string, RecordingRule>> {
  const rules = new Map<string, RecordingRule>();
  for (const p of paths) {
    const absolute = isAbsolute(p) ? p : join(workspace, p);
    const shown = display(workspace, absolute);
    const text = await readText(workspace, absolute, shown, 'check the prometheus-rules input');
    const config = parseConfig<{ groups?: Array<{ rules?: Array<{ record?: string; expr?: string }> }> }>(
      shown,
      text,
    );
    (config.value?.groups ?? []).forEach((g, gi) =>
      (g.rules ?? []).forEach((r, ri) => {
        if (r.record && r.expr && !rules.has(r.record))
          rules.set(r.record, {
            expr: String(r.expr),
            file: shown,
            line: config.locate(['groups', gi, 'rules', ri, 'expr']).line,
          });
      }),
    );
  }
  return rules;
}
