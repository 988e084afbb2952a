import { expect, test } from '@jest/globals';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInside, outsideWorkspace } from './workspace.ts';

test.each([
  ['/ws', '/ws', true],
  ['/ws', '/ws/a/b', true],
  ['/ws', '/ws/..hidden', true], // a name that starts with two dots is still inside
  ['/ws', '/ws/a/../../etc', false],
  ['/ws', '/etc/passwd', false],
  ['/ws', '/ws-other/file', false],
])('isInside(%s, %s) is %s', (parent, child, inside) => {
  expect(isInside(parent, child)).toBe(inside);
});

test('outsideWorkspace follows symlinks: out is refused with the reason, in stays inside', async () => {
  const outside = await mkdtemp(join(tmpdir(), 'ws-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'x');
  const ws = await mkdtemp(join(tmpdir(), 'ws-'));
  await mkdir(join(ws, 'dir'));
  await writeFile(join(ws, 'dir', 'file.txt'), 'x');
  await symlink(join(outside, 'secret.txt'), join(ws, 'link-out'));
  await symlink(outside, join(ws, 'dir-out'));
  await symlink('dir/file.txt', join(ws, 'link-in'));
  expect(await outsideWorkspace(ws, 'dir/file.txt')).toBeUndefined();
  expect(await outsideWorkspace(ws, 'link-in')).toBeUndefined();
  expect(await outsideWorkspace(ws, 'missing/but/inside.txt')).toBeUndefined();
  expect(await outsideWorkspace(ws, 'link-out')).toBe(
    'it is a symbolic link (or inside one) that resolves outside the workspace',
  );
  expect(await outsideWorkspace(ws, 'dir-out/secret.txt')).toMatch(/symbolic link \(or inside one\)/);
  expect(await outsideWorkspace(ws, '../../etc/passwd')).toBe('it is outside the workspace');
  expect(await outsideWorkspace(ws, join(outside, 'secret.txt'))).toBe('it is outside the workspace');
});
