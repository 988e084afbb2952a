/**
 * A small markdown builder for GitHub job summaries (GITHUB_STEP_SUMMARY). Pure: it only builds a
 * string. Text handed to it is treated as literal text, not markdown, so a finding message that
 * contains `|`, `*`, `<script>` or a newline cannot break the table it sits in or inject markup;
 * use `raw()` for trusted markdown.
 */

export const PASS_MARK = '✓';
export const FAIL_MARK = '✗';

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  align?: Align;
}

/**
 * A cell is plain text; numbers and booleans print as themselves, null/undefined as empty.
 * `{ markdown }` is trusted markdown from our own code (inline code, links), kept as it is except
 * for the row-breaking `|` and newlines.
 */
export type Cell = string | number | boolean | null | undefined | { markdown: string };

/** Marks a cell as markdown we built ourselves (never user text: that must stay escaped). */
export function markdownCell(markdown: string): { markdown: string } {
  return { markdown };
}

/**
 * Escapes text for a markdown paragraph or list item: inline markdown punctuation is
 * backslash-escaped everywhere, block markers only at the start of a line, and HTML-significant
 * characters become entities because job summaries render HTML too.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      // Only at the start of a line do these open a heading, list, quote or setext underline.
      .replace(/^(\s*)([#+\-=])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
  );
}

/**
 * Escapes text for one table cell: everything escapeText does, plus newlines become `<br>` (a raw
 * newline ends the table row) and `|` is escaped (GFM splits cells on it even inside code spans).
 */
export function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.markdown.replace(/\r?\n/g, '<br>').replace(/(?<!\\)\|/g, '\\|');
  const text = String(value).replace(/\r\n?/g, '\n');
  return text
    .split('\n')
    .map((line) => escapeText(line))
    .join('<br>');
}

/** ✓ or ✗, with optional text after it. */
export function statusMark(ok: boolean, text?: string): string {
  const mark = ok ? PASS_MARK : FAIL_MARK;
  return text === undefined ? mark : `${mark} ${text}`;
}

/** Inline code that survives backticks inside the text (CommonMark: use a longer fence). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Fenced code block; the fence grows past any run of backticks in the code so it cannot close early. */
export function codeBlock(code: string, language = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${language.replace(/[`\s]/g, '')}\n${body}${fence}`;
}

/**
 * A GFM table whose columns are padded to equal width so the source reads as a table too.
 * Rows shorter than the header are padded with empty cells; longer rows are an error (a silent
 * drop would hide data).
 */
export function table(
  columns: ReadonlyArray<TableColumn | string>,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
): string {
  const cols: TableColumn[] = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  if (cols.length === 0) throw new Error('table(): at least one column is required');
  const body = rows.map((row, index) => {
    if (row.length > cols.length) {
      throw new Error(
        `table(): row ${index + 1} has ${row.length} cells but the table has ${cols.length} columns`,
      );
    }
    return cols.map((_, i) => escapeCell(row[i]));
  });
  const header = cols.map((c) => escapeCell(c.header));
  const widths = cols.map((c, i) =>
    Math.max(3, displayWidth(header[i] ?? ''), ...body.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 3, cols[i]?.align)).join(' | ')} |`;
  const rule = `| ${cols.map((c, i) => alignRule(widths[i] ?? 3, c.align)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** A bullet list; an item that is an array becomes a nested list under the item before it. */
export type ListItem = string | ListItem[];

export function bulletList(items: ReadonlyArray<ListItem>, depth = 0): string {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      if (item.length > 0) lines.push(bulletList(item, depth + 1));
    } else {
      lines.push(`${indent}- ${escapeCell(item)}`);
    }
  }
  return lines.join('\n');
}

export function heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): string {
  return `${'#'.repeat(level)} ${escapeText(text.replace(/\s*\r?\n\s*/g, ' '))}`;
}

export function paragraph(text: string): string {
  return escapeText(text);
}

/**
 * A collapsible block. The summary line is escaped; the body is markdown (build it with the other
 * helpers). The blank lines around the body are what makes GitHub render markdown inside HTML.
 */
export function details(summaryText: string, bodyMarkdown: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${escapeCell(summaryText)}</summary>\n\n${bodyMarkdown.replace(/\s+$/, '')}\n\n</details>`;
}

/** Collects blocks and joins them with blank lines. */
export class SummaryBuilder {
  private readonly blocks: string[] = [];

  heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): this {
    return this.push(heading(text, level));
  }
  paragraph(text: string): this {
    return this.push(paragraph(text));
  }
  table(columns: ReadonlyArray<TableColumn | string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): this {
    return this.push(table(columns, rows));
  }
  list(items: ReadonlyArray<ListItem>): this {
    return items.length === 0 ? this : this.push(bulletList(items));
  }
  details(summaryText: string, body: string | SummaryBuilder, open = false): this {
    return this.push(details(summaryText, typeof body === 'string' ? body : body.toString(), open));
  }
  code(code: string, language = ''): this {
    return this.push(codeBlock(code, language));
  }
  status(ok: boolean, text: string): this {
    return this.push(statusMark(ok, escapeText(text)));
  }
  /** Trusted markdown, inserted as is. */
  raw(markdown: string): this {
    return this.push(markdown);
  }
  toString(): string {
    return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
  }
  private push(block: string): this {
    this.blocks.push(block);
    return this;
  }
}

export function summary(): SummaryBuilder {
  return new SummaryBuilder();
}

function alignRule(width: number, align: Align | undefined): string {
  switch (align) {
    case 'center':
      return `:${'-'.repeat(width - 2)}:`;
    case 'right':
      return `${'-'.repeat(width - 1)}:`;
    case 'left':
      return `:${'-'.repeat(width - 1)}`;
    default:
      return '-'.repeat(width);
  }
}

function pad(cell: string, width: number, align: Align | undefined): string {
  const gap = width - displayWidth(cell);
  if (gap <= 0) return cell;
  if (align === 'right') return ' '.repeat(gap) + cell;
  if (align === 'center')
    return ' '.repeat(Math.floor(gap / 2)) + cell + ' '.repeat(gap - Math.floor(gap / 2));
  return cell + ' '.repeat(gap);
}

/** Code points, not UTF-16 units, so ✓ and emoji do not skew the padding. */
function displayWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
