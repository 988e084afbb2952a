/**
 * Saved state: what the drill changed, written BEFORE each change (write-ahead) and removed once
 * restored, so a step that is cancelled, times out or is killed with SIGKILL leaves a file that the
 * post step, or the next run, reads to put every lever back. Writes are atomic (temp + rename).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Lever, Provider } from './switches.ts';

export interface SavedChange {
  key: string;
  provider: Provider;
  /** The lever's value before the drill touched it. */
  original: boolean;
  at: string;
}

export interface SavedState {
  version: 1;
  runId: string;
  changes: SavedChange[];
}

export class StateFile {
  readonly path: string;
  private state: SavedState;
  constructor(path: string, runId: string) {
    this.path = path;
    this.state = { version: 1, runId, changes: [] };
  }

  /** The state an earlier, interrupted run left, if any. */
  static async read(path: string): Promise<SavedState | undefined> {
    if (!existsSync(path)) return undefined;
    let parsed: SavedState;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8')) as SavedState;
    } catch (error) {
      throw new Error(
        `${path}: saved drill state is not valid JSON (${(error as Error).message}); check the levers by hand, then delete the file`,
      );
    }
    if (parsed.version !== 1 || !Array.isArray(parsed.changes))
      throw new Error(
        `${path}: saved drill state has an unknown shape; check the levers by hand, then delete the file`,
      );
    return parsed;
  }

  changes(): readonly SavedChange[] {
    return this.state.changes;
  }

  /** Providers with a change not yet restored. */
  disabledProviders(): Set<Provider> {
    return new Set(this.state.changes.map((c) => c.provider));
  }

  async record(change: SavedChange): Promise<void> {
    if (!this.state.changes.some((c) => c.key === change.key)) this.state.changes.push(change);
    await this.flush();
  }

  async forget(key: string): Promise<void> {
    this.state.changes = this.state.changes.filter((c) => c.key !== key);
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.state.changes.length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(this.state, null, 2) + '\n');
    await rename(temp, this.path);
  }
}

export interface RestoreOutcome {
  restored: string[];
  failed: Array<{ key: string; error: string }>;
}

/**
 * Puts back every change in `saved` (latest first) with the levers configured now; a change whose
 * lever is not configured, or whose restore fails, stays in the file and is reported.
 */
export async function restoreSaved(
  saved: SavedState,
  path: string,
  levers: readonly Lever[],
): Promise<RestoreOutcome> {
  const file = new StateFile(path, saved.runId);
  for (const change of saved.changes) await file.record(change);
  const outcome: RestoreOutcome = { restored: [], failed: [] };
  for (const change of [...saved.changes].reverse()) {
    const lever = levers.find((l) => l.key === change.key);
    if (!lever) {
      outcome.failed.push({
        key: change.key,
        error: `no lever ${change.key} is configured in this run's inputs; restore it by hand`,
      });
      continue;
    }
    try {
      await lever.restore(change.original);
      await file.forget(change.key);
      outcome.restored.push(change.key);
    } catch (error) {
      outcome.failed.push({ key: change.key, error: (error as Error).message });
    }
  }
  return outcome;
}
