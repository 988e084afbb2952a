/** PGlite in this thread, with the contrib extensions the migrations create. */
import type { Extension, PGlite } from '@electric-sql/pglite';
import type { Database } from './backout.ts';
import { PGLITE_CONTRIB } from './pglite-contrib.ts';

export async function openPgliteHere(extensionNames: readonly string[] = []): Promise<Database> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const extensions: Record<string, Extension> = {};
  for (const name of new Set(extensionNames)) {
    const load = PGLITE_CONTRIB[name];
    if (load) extensions[name.replace(/-/g, '_')] = await load();
  }
  const db: PGlite = new PGliteClass({ extensions });
  await db.waitReady;
  return {
    label: 'PGlite (embedded)',
    exec: async (sql) => void (await db.exec(sql)),
    rows: async <T>(sql: string) => (await db.query<T>(sql)).rows,
    close: () => db.close(),
  };
}
