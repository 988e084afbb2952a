import { expect, test } from '@jest/globals';

import {
  bulletList,
  codeBlock,
  details,
  escapeCell,
  escapeText,
  heading,
  inlineCode,
  markdownCell,
  statusMark,
  summary,
  table,
} from './summary.ts';

/** Splits a GFM table row the way GitHub does: on pipes not preceded by a backslash. */
function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

test('a pipe inside a cell does not create an extra column', () => {
  const md = table(['rule', 'message'], [['R1', 'a | b || c']]);
  const lines = md.split('\n');
  expect(lines.length).toBe(3);
  for (const line of lines) expect(cellsOf(line).length).toBe(2);
  expect(cellsOf(lines[2]!)[1]).toBe('a \\| b \\|\\| c');
});

test('a newline inside a cell stays inside its row', () => {
  const md = table(
    ['a', 'b'],
    [
      ['first\nsecond\r\nthird', 'x'],
      ['y', 'z'],
    ],
  );
  const lines = md.split('\n');
  expect(lines.length).toBe(4);
  expect(cellsOf(lines[2]!)).toStrictEqual(['first<br>second<br>third', 'x']);
});

test('html and markdown in cells are neutralised', () => {
  const cell = escapeCell('<script>alert(1)</script> **bold** [x](http://e) `c`');
  expect(cell).not.toContain('<script>');
  expect(cell).toContain('&lt;script&gt;');
  expect(cell).toContain('\\*\\*bold\\*\\*');
  expect(cell).toContain('\\[x\\]');
  expect(cell).toContain('\\`c\\`');
});

test('escapeText only escapes block markers at the start of a line', () => {
  expect(escapeText('dlp-scan v1.2 (ok) #3')).toBe('dlp-scan v1.2 (ok) #3');
  expect(escapeText('# not a heading')).toBe('\\# not a heading');
  expect(escapeText('- not a list\n1. nor this')).toBe('\\- not a list\n1\\. nor this');
  expect(escapeText('a & b')).toBe('a &amp; b');
});

test('columns are padded to a common width and alignment rules are emitted', () => {
  const md = table(
    [
      { header: 'name' },
      { header: 'count', align: 'right' },
      { header: 'ok', align: 'center' },
      { header: 'l', align: 'left' },
    ],
    [
      ['a-much-longer-name', 7, statusMark(true), 'x'],
      ['b', 1234, statusMark(false), null],
    ],
  );
  const lines = md.split('\n');
  const widths = new Set(lines.map((l) => [...l].length));
  expect(widths.size).toBe(1);
  const rule = cellsOf(lines[1]!);
  expect(rule[0]!).toMatch(/^-+$/);
  expect(rule[1]!).toMatch(/^-+:$/);
  expect(rule[2]!).toMatch(/^:-+:$/);
  expect(rule[3]!).toMatch(/^:-+$/);
  expect(lines[2]!).toContain('|     7 |');
  expect(cellsOf(lines[3]!)[3]).toBe('');
});

test('rows longer than the header are rejected, shorter ones padded', () => {
  expect(() => table(['a'], [['1', '2']])).toThrow(/row 1 has 2 cells but the table has 1 columns/);
  expect(() => table([], [])).toThrow(/at least one column/);
  expect(cellsOf(table(['a', 'b'], [['1']]).split('\n')[2]!).length).toBe(2);
});

test('code blocks cannot be closed early by backticks in the code', () => {
  const block = codeBlock('before\n```\nafter', 'sql');
  const lines = block.split('\n');
  expect(lines[0]).toBe('````sql');
  expect(lines.at(-1)).toBe('````');
  expect(codeBlock('x')).toBe('```\nx\n```');
  expect(inlineCode('a`b')).toBe('``a`b``');
  expect(inlineCode('`x')).toBe('`` `x ``');
});

test('nested lists and details blocks', () => {
  expect(bulletList(['one', ['one.a', 'one.b'], 'two'])).toBe('- one\n  - one.a\n  - one.b\n- two');
  const d = details('Findings | 3', '- x', true);
  expect(d.startsWith('<details open><summary>Findings \\| 3</summary>\n\n- x\n\n</details>')).toBeTruthy();
  expect(details('<b>', 'x')).not.toContain('<b>');
});

test('heading flattens newlines so the heading cannot spill into the next block', () => {
  expect(heading('Line one\n# two', 3)).toBe('### Line one # two');
});

test('the builder joins blocks with blank lines', () => {
  const md = summary()
    .heading('DLP scan')
    .status(true, 'no findings')
    .table(['a'], [['1']])
    .list([])
    .details('more', summary().paragraph('inner'))
    .toString();
  expect(md).toBe(
    '## DLP scan\n\n✓ no findings\n\n| a   |\n| --- |\n| 1   |\n\n<details><summary>more</summary>\n\ninner\n\n</details>\n',
  );
  expect(summary().toString()).toBe('');
});

test('property: any cell text keeps the table shape and never injects HTML', async () => {
  const fc = await import('fast-check');
  fc.assert(
    fc.property(
      fc.array(
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), { minLength: 3, maxLength: 3 }),
        { maxLength: 6 },
      ),
      (rows) => {
        const lines = table(['a', 'b', 'c'], rows).split('\n');
        expect(lines.length).toBe(rows.length + 2);
        for (const line of lines) {
          expect(cellsOf(line).length).toBe(3);
          expect(!/<(?!br>)/.test(line)).toBeTruthy();
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('markdownCell keeps trusted markdown but still cannot break the row', () => {
  const lines = table(
    ['name', 'default'],
    [[markdownCell(inlineCode('fail-on')), markdownCell('`a|b`\n**x**')]],
  ).split('\n');
  expect(lines.length).toBe(3);
  expect(cellsOf(lines[2]!)).toStrictEqual(['`fail-on`', '`a\\|b`<br>**x**']);
});
