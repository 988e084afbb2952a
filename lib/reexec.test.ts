import { expect, test } from '@jest/globals';

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const reexec = pathToFileURL(join(import.meta.dirname, 'reexec.ts')).href;

test('the entry runs again with the flags, arguments kept, and the child exit code becomes ours', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'reexec-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    `import { reexecWithV8Flags } from ${JSON.stringify(reexec)};
if (!(await reexecWithV8Flags(['--liftoff-only'], import.meta.filename))) {
  console.log(JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2) }));
  process.exitCode = Number(process.argv[2]);
}
`,
  );
  const { stdout } = await run(process.execPath, [entry, '0', 'x y']);
  expect(JSON.parse(stdout)).toStrictEqual({ execArgv: ['--liftoff-only'], argv: ['0', 'x y'] });
  await expect(run(process.execPath, [entry, '3'])).rejects.toMatchObject({ code: 3 });
});
