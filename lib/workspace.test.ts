import { expect, test } from '@jest/globals';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { isInside, outsideWorkspace, readWorkspaceFile } from './workspace.ts';

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

test('readWorkspaceFile reads a file of the workspace and says why it does not read anything else', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'ws-read-'));
  const outside = await mkdtemp(join(tmpdir(), 'ws-read-outside-'));
  await writeFile(join(outside, 'secret.txt'), `outside-${process.pid}`);
  await writeFile(join(ws, 'ok.txt'), 'héllo');
  await writeFile(join(ws, 'big.txt'), 'x'.repeat(100));
  await mkdir(join(ws, 'dir'));
  await symlink(join(outside, 'secret.txt'), join(ws, 'leak.txt'));
  await symlink('/dev/zero', join(ws, 'zero.txt'));
  await symlink('ok.txt', join(ws, 'alias.txt'));
  execFileSync('mkfifo', [join(ws, 'pipe.txt')]);
  const read = (path: string, maxBytes?: number) =>
    readWorkspaceFile(ws, path, maxBytes === undefined ? {} : { maxBytes });
  expect(await read('ok.txt')).toStrictEqual({ ok: true, text: 'héllo' });
  expect(await read('alias.txt')).toStrictEqual({ ok: true, text: 'héllo' });
  expect(await read(join(ws, 'ok.txt'))).toStrictEqual({ ok: true, text: 'héllo' });
  const whys = await Promise.all(
    (
      [
        ['leak.txt'],
        ['zero.txt'],
        [join(outside, 'secret.txt')],
        ['pipe.txt'],
        ['dir'],
        ['missing.txt'],
        ['big.txt', 99],
      ] as Array<[string, number?]>
    ).map(async ([path, max]) => {
      const r = await read(path, max);
      return r.ok ? `read ${r.text}` : r.why;
    }),
  );
  expect(whys).toStrictEqual([
    'refused to read leak.txt: it is a symbolic link (or inside one) that resolves outside the workspace; only files of the repository are read',
    'refused to read zero.txt: it is a symbolic link (or inside one) that resolves outside the workspace; only files of the repository are read',
    `refused to read ${join(outside, 'secret.txt')}: it is outside the workspace; only files of the repository are read`,
    'pipe.txt: is not a regular file',
    'dir: is a directory, not a file',
    'missing.txt: not found',
    'big.txt is 100 bytes, over the 99-byte limit',
  ]);
}, 15_000);
