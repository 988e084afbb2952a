/** Whether workerd (the npm package miniflare runs) can run here; see test/support/components.ts. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { missingComponent } from '../../test/support/components.ts';

function workerdPresent(): boolean {
  try {
    const require = createRequire(import.meta.url);
    require.resolve('miniflare');
    // The workerd package exports the path of this platform's binary.
    const bin = require('workerd') as string | { default?: string };
    const path = typeof bin === 'string' ? bin : bin.default;
    return path !== undefined && existsSync(path);
  } catch {
    return false;
  }
}

export const NO_WORKERD = missingComponent(
  workerdPresent(),
  'workerd (npm miniflare) is not installed: npm ci',
);
