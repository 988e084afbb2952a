/**
 * An evidence bundle: a directory an auditor can keep (e.g. as a workflow artifact) holding the
 * machine-readable report, the human summary, any extra files, and manifest.json with each file's
 * SHA-256 and size. The same input always gives byte-identical files (keys and entries sorted), so
 * two runs can be compared by digest, and verifyEvidenceBundle() names every file that was changed,
 * added or removed after writing.
 */
import { sha256Hex } from '../digest.ts';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Redactor } from '../redact.ts';

export const MANIFEST = 'manifest.json';
/** A signature over manifest.json's digest, written after the manifest and so outside it. */
export const MANIFEST_SIGNATURE = 'manifest.sig.json';
export const REPORT_JSON = 'report.json';
export const REPORT_MD = 'report.md';
const RESERVED = new Set([MANIFEST, REPORT_JSON, REPORT_MD]);

export interface EvidenceFile {
  /** Path inside the bundle, forward slashes, e.g. `sarif/results.sarif`. */
  name: string;
  content: string;
}

export interface EvidenceInput {
  report: object;
  markdown: string;
  files?: EvidenceFile[];
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  version: 1;
  algorithm: 'sha256';
  files: ManifestEntry[];
}

export interface EvidenceVerification {
  ok: boolean;
  /** In the manifest and present, but with other content. */
  changed: string[];
  /** Present but not in the manifest. */
  added: string[];
  /** In the manifest but absent. */
  missing: string[];
  /** Set when the manifest itself is missing or unreadable; nothing else could be checked. */
  manifestError?: string;
}

/**
 * Writes the bundle into `dir` (created if needed; it must be empty so no stale file slips into the
 * manifest). Every text is redacted first, so digests cover exactly what is on disk.
 */
export async function writeEvidenceBundle(
  dir: string,
  input: EvidenceInput,
  redactor: Redactor,
): Promise<Manifest> {
  const entries = new Map<string, string>();
  entries.set(REPORT_JSON, `${stableStringify(redactor.redactDeep(input.report))}\n`);
  entries.set(REPORT_MD, redactor.redact(input.markdown));
  for (const file of input.files ?? []) {
    // Names are text too: they land in the manifest and the file system.
    const name = checkName(redactor.redact(file.name));
    if (RESERVED.has(name))
      throw new Error(`Evidence file '${name}' clashes with the bundle's own ${name}; choose another name`);
    if (entries.has(name)) throw new Error(`Evidence file '${name}' is given twice`);
    entries.set(name, redactor.redact(file.content));
  }

  await mkdir(dir, { recursive: true });
  const existing = await listFiles(dir);
  if (existing.length > 0) {
    throw new Error(
      `Evidence directory ${dir} is not empty (${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}); use a fresh directory per run`,
    );
  }

  const files: ManifestEntry[] = [];
  for (const [name, text] of entries) {
    const bytes = Buffer.from(text, 'utf8');
    const target = join(dir, ...name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.push({ path: name, sha256: sha256Hex(bytes), size: bytes.length });
  }
  files.sort((a, b) => compareBytes(a.path, b.path));
  const manifest: Manifest = { version: 1, algorithm: 'sha256', files };
  await writeFile(join(dir, MANIFEST), `${stableStringify(manifest)}\n`);
  return manifest;
}

/**
 * Writes manifest.json over every file already in `dir` (a tree other code filled, such as the main
 * job's bundle of per-gate bundles), so verifyEvidenceBundle() checks the whole tree. Returns the
 * manifest and the SHA-256 of its bytes as written, the digest a signature covers.
 */
export async function sealEvidenceDirectory(dir: string): Promise<{ manifest: Manifest; digest: string }> {
  const files: ManifestEntry[] = [];
  for (const path of await listFiles(dir)) {
    if (path === MANIFEST) throw new Error(`${join(dir, MANIFEST)} exists already; seal a directory once`);
    const bytes = await readFile(join(dir, ...path.split('/')));
    files.push({ path, sha256: sha256Hex(bytes), size: bytes.length });
  }
  const manifest: Manifest = { version: 1, algorithm: 'sha256', files };
  const text = `${stableStringify(manifest)}\n`;
  await writeFile(join(dir, MANIFEST), text);
  return { manifest, digest: sha256Hex(text) };
}

/** Recomputes every digest and compares the directory with its manifest. */
export async function verifyEvidenceBundle(dir: string): Promise<EvidenceVerification> {
  const result: EvidenceVerification = { ok: false, changed: [], added: [], missing: [] };
  let manifest: Manifest;
  try {
    manifest = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    result.manifestError =
      code === 'ENOENT'
        ? `${join(dir, MANIFEST)} is missing; this is not an evidence bundle or its manifest was removed`
        : `${join(dir, MANIFEST)} is unreadable: ${(error as Error).message}`;
    return result;
  }
  const present = new Set((await listFiles(dir)).filter((p) => p !== MANIFEST && p !== MANIFEST_SIGNATURE));
  for (const entry of manifest.files) {
    if (!present.has(entry.path)) {
      result.missing.push(entry.path);
      continue;
    }
    present.delete(entry.path);
    const bytes = await readFile(join(dir, ...entry.path.split('/')));
    if (bytes.length !== entry.size || sha256Hex(bytes) !== entry.sha256) result.changed.push(entry.path);
  }
  result.added = [...present].sort(compareBytes);
  result.changed.sort(compareBytes);
  result.missing.sort(compareBytes);
  result.ok = result.changed.length === 0 && result.added.length === 0 && result.missing.length === 0;
  return result;
}

/** One line for a log or an error: what is wrong with the bundle, or that it is intact. */
export function describeVerification(dir: string, v: EvidenceVerification): string {
  if (v.manifestError) return `Evidence bundle ${dir}: ${v.manifestError}`;
  if (v.ok) return `Evidence bundle ${dir}: all files match manifest.json`;
  const parts: string[] = [];
  if (v.changed.length) parts.push(`changed: ${v.changed.join(', ')}`);
  if (v.added.length) parts.push(`added: ${v.added.join(', ')}`);
  if (v.missing.length) parts.push(`missing: ${v.missing.join(', ')}`);
  return `Evidence bundle ${dir} does not match manifest.json (${parts.join('; ')})`;
}

/** JSON with object keys sorted at every depth: the same value always gives the same bytes. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && (value as object).constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareBytes))
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function parseManifest(text: string): Manifest {
  const data = JSON.parse(text) as Partial<Manifest>;
  if (data.version !== 1 || data.algorithm !== 'sha256' || !Array.isArray(data.files)) {
    throw new Error('expected {"version": 1, "algorithm": "sha256", "files": [...]}');
  }
  for (const entry of data.files) {
    if (
      typeof entry?.path !== 'string' ||
      typeof entry.sha256 !== 'string' ||
      typeof entry.size !== 'number'
    ) {
      throw new Error('every files[] entry needs path, sha256 and size');
    }
    checkName(entry.path);
  }
  return data as Manifest;
}

/** A bundle-relative path that cannot escape the bundle. */
function checkName(name: string): string {
  const normal = name.replace(/\\/g, '/');
  const segments = normal.split('/');
  if (
    !normal ||
    normal.startsWith('/') ||
    /^[A-Za-z]:/.test(normal) ||
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    normal.includes('\0')
  ) {
    throw new Error(
      `Evidence file name '${name}' must be a relative path inside the bundle (no '..', no leading '/')`,
    );
  }
  return normal;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort(compareBytes);
}

/** Code-unit order, independent of locale, so manifests sort the same on every machine. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
