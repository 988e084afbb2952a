import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(lines.length, 3);
  for (const line of lines) assert.equal(cellsOf(line).length, 2, line);
  assert.equal(cellsOf(lines[2]!)[1], 'a \\| b \\|\\| c');
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
  assert.equal(lines.length, 4, 'header, rule and exactly two rows');
  assert.deepEqual(cellsOf(lines[2]!), ['first<br>second<br>third', 'x']);
});

test('html and markdown in cells are neutralised', () => {
  const cell = escapeCell('<script>alert(1)</script> **bold** [x](http://e) `c`');
  assert.ok(!cell.includes('<script>'));
  assert.ok(cell.includes('&lt;script&gt;'));
  assert.ok(cell.includes('\\*\\*bold\\*\\*'));
  assert.ok(cell.includes('\\[x\\]'));
  assert.ok(cell.includes('\\`c\\`'));
});

test('escapeText only escapes block markers at the start of a line', () => {
  assert.equal(escapeText('dlp-scan v1.2 (ok) #3'), 'dlp-scan v1.2 (ok) #3');
  assert.equal(escapeText('# not a heading'), '\\# not a heading');
  assert.equal(escapeText('- not a list\n1. nor this'), '\\- not a list\n1\\. nor this');
  assert.equal(escapeText('a & b'), 'a &amp; b');
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
  assert.equal(widths.size, 1, `all lines have the same width:\n${md}`);
  const rule = cellsOf(lines[1]!);
  assert.match(rule[0]!, /^-+$/);
  assert.match(rule[1]!, /^-+:$/);
  assert.match(rule[2]!, /^:-+:$/);
  assert.match(rule[3]!, /^:-+$/);
  assert.ok(lines[2]!.includes('|     7 |'), 'numbers right-aligned');
  assert.equal(cellsOf(lines[3]!)[3], '', 'null prints as empty');
});

test('rows longer than the header are rejected, shorter ones padded', () => {
  assert.throws(() => table(['a'], [['1', '2']]), /row 1 has 2 cells but the table has 1 columns/);
  assert.throws(() => table([], []), /at least one column/);
  assert.equal(cellsOf(table(['a', 'b'], [['1']]).split('\n')[2]!).length, 2);
});

test('code blocks cannot be closed early by backticks in the code', () => {
  const block = codeBlock('before\n```\nafter', 'sql');
  const lines = block.split('\n');
  assert.equal(lines[0], '````sql');
  assert.equal(lines.at(-1), '````');
  assert.equal(codeBlock('x'), '```\nx\n```');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x'), '`` `x ``');
});

test('nested lists and details blocks', () => {
  assert.equal(bulletList(['one', ['one.a', 'one.b'], 'two']), '- one\n  - one.a\n  - one.b\n- two');
  const d = details('Findings | 3', '- x', true);
  assert.ok(d.startsWith('<details open><summary>Findings \\| 3</summary>\n\n- x\n\n</details>'));
  assert.ok(!details('<b>', 'x').includes('<b>'));
});

test('heading flattens newlines so the heading cannot spill into the next block', () => {
  assert.equal(heading('Line one\n# two', 3), '### Line one # two');
});

test('the builder joins blocks with blank lines', () => {
  const md = summary()
    .heading('DLP scan')
    .status(true, 'no findings')
    .table(['a'], [['1']])
    .list([])
    .details('more', summary().paragraph('inner'))
    .toString();
  assert.equal(
    md,
    '## DLP scan\n\n✓ no findings\n\n| a   |\n| --- |\n| 1   |\n\n<details><summary>more</summary>\n\ninner\n\n</details>\n',
  );
  assert.equal(summary().toString(), '');
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
        assert.equal(lines.length, rows.length + 2);
        for (const line of lines) {
          assert.equal(cellsOf(line).length, 3, line);
          assert.ok(!/<(?!br>)/.test(line), line);
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
  assert.equal(lines.length, 3);
  assert.deepEqual(cellsOf(lines[2]!), ['`fail-on`', '`a\\|b`<br>**x**']);
});
