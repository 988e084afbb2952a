import { expect, test } from '@jest/globals';

import { changeRange } from './github.ts';

const base = 'b'.repeat(40);
const head = 'a'.repeat(40);

test('changeRange: pull requests (both events) and merge-queue groups, from the payload', () => {
  const pr = { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } };
  expect(changeRange({ eventName: 'pull_request', event: pr })).toStrictEqual({
    kind: 'pull_request',
    base,
    head,
    pullRequest: 7,
  });
  expect(changeRange({ eventName: 'pull_request_target', event: pr })?.kind).toBe('pull_request');
  expect(
    changeRange({ eventName: 'merge_group', event: { merge_group: { base_sha: base, head_sha: head } } }),
  ).toStrictEqual({ kind: 'merge_group', base, head });
});

test('changeRange: nothing for other events, or when the payload lacks a commit', () => {
  const group = { merge_group: { base_sha: base, head_sha: head } };
  // The event name decides: a push payload that happens to carry the keys is still a push.
  expect(changeRange({ eventName: 'push', event: group })).toBe(undefined);
  expect(changeRange({ eventName: 'merge_group', event: { merge_group: { head_sha: head } } })).toBe(
    undefined,
  );
  expect(
    changeRange({ eventName: 'pull_request', event: { pull_request: { number: 1, head: { sha: head } } } }),
  ).toBe(undefined);
  expect(changeRange({ eventName: 'merge_group' })).toBe(undefined);
});
