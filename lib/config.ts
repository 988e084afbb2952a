/**
 * YAML and JSON loading that keeps positions: every value can be traced back to file:line:column,
 * so schema errors and policy findings become annotations on the exact line. JSON is parsed by the
 * same YAML 1.2 parser (JSON is a subset), which gives JSON the same positions for free.
 */
import { readFile } from 'node:fs/promises';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

export type PathSegment = string | number;

export interface Position {
  line: number;
  column: number;
}

export class ConfigError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
  constructor(file: string, position: Position, problem: string) {
    super(`${file}:${position.line}:${position.column}: ${problem}`);
    this.name = 'ConfigError';
    this.file = file;
    this.line = position.line;
    this.column = position.column;
    this.problem = problem;
  }
}

export interface LoadedConfig<T = unknown> {
  file: string;
  value: T;
  /** The position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[]): Position;
  /** The position of the key at `path` (for "unknown key" errors), falling back to the value. */
  locateKey(path: readonly PathSegment[]): Position;
}

/** Parses YAML (or JSON) text; a syntax error is a ConfigError at the parser's position. */
export function parseConfig<T = unknown>(file: string, text: string): LoadedConfig<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const [line, column] = positionOfError(firstError, lineCounter);
    throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    value: doc.toJS({ maxAliasCount: 100 }) as T,
    locate: (path) => toPosition(findNode(doc, path, false)),
    locateKey: (path) => toPosition(findNode(doc, path, true)),
  };
}

/**
 * Parses a multi-document YAML stream (Kubernetes manifests, `---` separated); each document keeps
 * positions in the whole file. Empty documents are dropped. A syntax error in any document is a
 * ConfigError at its position.
 */
export function parseConfigDocuments<T = unknown>(file: string, text: string): LoadedConfig<T>[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const out: LoadedConfig<T>[] = [];
  for (const doc of docs) {
    const firstError = doc.errors[0];
    if (firstError) {
      const [line, column] = positionOfError(firstError, lineCounter);
      throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
    }
    // `---` followed directly by `---` gives a document whose only content is an implicit null.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    out.push({
      file,
      value: doc.toJS({ maxAliasCount: 100 }) as T,
      locate: (path) => toPosition(findNode(doc, path, false)),
      locateKey: (path) => toPosition(findNode(doc, path, true)),
    });
  }
  return out;
}

export async function loadConfigFile<T = unknown>(
  file: string,
  displayName = file,
): Promise<LoadedConfig<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found; check the path input'
        : `cannot read file (${code ?? String(error)})`;
    throw new ConfigError(displayName, { line: 1, column: 1 }, problem);
  }
  return parseConfig<T>(displayName, text);
}

function positionOfError(
  error: { linePos?: [{ line: number; col: number }, ...unknown[]]; pos: [number, number] },
  lc: LineCounter,
): [number, number] {
  if (error.linePos?.[0]) return [error.linePos[0].line, error.linePos[0].col];
  const { line, col } = lc.linePos(error.pos[0]);
  return [line, col];
}

/** Walks the document along `path` and returns a start offset. */
function findNode(doc: Document, path: readonly PathSegment[], wantKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment));
      if (!pair) return offset;
      if (isLast && wantKey) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
      if (node === undefined) return offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}

/** Converts an ajv instancePath (`/items/0/risk`) into path segments. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
