// docs/troubleshooting.md lists every error message a user can see. The messages are read from the
// sources (scripts/error-messages.ts); each fixed part of one (the text between its substitutions)
// must appear on the page, so a new or reworded message without an entry fails here.
import { expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NOT_USER_FACING, quotableParts, ROOT, userFacingErrors } from '../scripts/error-messages.ts';

/** The page as searchable text: code spans unwrapped, line breaks and runs of spaces as one space. */
const normalize = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ');

test('every user-facing error message is quoted in docs/troubleshooting.md', async () => {
  const page = normalize(await readFile(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8'));
  const messages = await userFacingErrors();
  // The extraction must find the messages it exists for, or an empty list would pass.
  expect(messages.length).toBeGreaterThan(100);
  expect(messages.map((m) => m.text)).toContain(
    "mode 'diff' needs a base commit: set the base input (only pull_request and merge_group events provide one), or use mode tree",
  );
  const missing = messages.flatMap((m) =>
    quotableParts(m)
      .filter((part) => !page.includes(normalize(part)))
      .map((part) => `${m.at}: "${part}"`),
  );
  expect(missing).toStrictEqual([]);
});

test('a message missing from the page is reported with its source line', async () => {
  const messages = await userFacingErrors();
  const one = messages.find((m) => m.at.startsWith('actions/failover-drill/src/state.ts'));
  expect(one?.text).toMatch(/saved drill state/);
  const page = normalize('nothing about drills here');
  expect(quotableParts(one!).filter((p) => !page.includes(normalize(p))).length).toBeGreaterThan(0);
});

test('every module excluded as not user-facing exists (a stale exclusion would hide a new module)', async () => {
  const { existsSync } = await import('node:fs');
  for (const key of Object.keys(NOT_USER_FACING))
    expect([key, existsSync(join(ROOT, key.split(':')[0]!))]).toStrictEqual([key, true]);
});
