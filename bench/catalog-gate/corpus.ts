/**
 * A corpus shaped like a long-lived project's migration history (346 up/down pairs), for the
 * whole-process comparison with squawk and the proof timings. The shapes the real history had:
 *   - machine-converted early migrations: one big file per early release, quoted identifiers,
 *     "public"."x" names, upper-case types, IF NOT EXISTS everywhere, trailing comments;
 *   - empty down files (a comment only) and downs that drop more than the up added;
 *   - same-type ALTER … TYPE (uuid → UUID, timestamp → timestamp without time zone);
 *   - extensions (pg_trgm, citext, uuid-ossp) with trigram indexes;
 *   - backfills: UPDATE … SET state … WHERE, and some DELETE/UPDATE without WHERE on young tables;
 *   - foreign keys added NOT VALID and validated later, concurrent indexes, enum types.
 * Deterministic, applies in order on an empty database.
 */
export interface CorpusMigration {
  id: string;
  up: string;
  down: string;
  risk: 'low' | 'medium' | 'high';
  rollout: string;
}

export const CORPUS_SIZE = 346;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function corpus(n = CORPUS_SIZE): CorpusMigration[] {
  const out: CorpusMigration[] = [];
  const tables: string[] = [];
  const LT = "SET lock_timeout = '5s';\n";
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
    const id = `${day}-${pad(i, 3)}-m${i}`;
    const t = tables.length ? tables[(i * 7) % tables.length]! : '';
    let up: string;
    let down: string;
    let risk: CorpusMigration['risk'] = 'low';
    let rollout = 'online';
    if (i < 12) {
      // Machine-converted early migrations: several tables per file, quoted, upper-case types.
      const names = [0, 1, 2].map((k) => `legacy_${i}_${k}`);
      tables.push(...names);
      up = names
        .map(
          (name) => `CREATE TABLE IF NOT EXISTS "public"."${name}" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "state" VARCHAR(32) NOT NULL DEFAULT 'new',
    "payload" JSONB,
    "created_at" TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMP,
    CONSTRAINT "${name}_pkey" PRIMARY KEY ("id")
); -- converted from schema.rb
CREATE INDEX IF NOT EXISTS "${name}_state_idx" ON "public"."${name}" USING btree ("state");
COMMENT ON TABLE "public"."${name}" IS 'converted';
`,
        )
        .join('\n');
      down = names.map((name) => `DROP TABLE IF EXISTS "public"."${name}";`).join('\n') + '\n';
    } else {
      switch (i % 10) {
        case 0: {
          const name = `t${i}`;
          tables.push(name);
          up = `CREATE TABLE ${name} (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid REFERENCES ${t} (id),
  state text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ${name}_owner_idx ON ${name} (owner_id);
`;
          down = `DROP TABLE ${name};\n`;
          break;
        }
        case 1:
          // Same-type change: no rewrite, no finding.
          up = `${LT}ALTER TABLE ${t} ALTER COLUMN id TYPE UUID;\n`;
          down = `ALTER TABLE ${t} ALTER COLUMN id TYPE uuid;\n`;
          risk = 'medium';
          break;
        case 2:
          up = `${LT}ALTER TABLE ${t} ADD COLUMN note_${i} text;\nALTER TABLE ${t} ADD COLUMN flag_${i} boolean DEFAULT false;\n`;
          // Empty down file: the proof names what the up created.
          down =
            i % 3 === 0
              ? '-- irreversible\n'
              : `ALTER TABLE ${t} DROP COLUMN flag_${i};\nALTER TABLE ${t} DROP COLUMN note_${i};\n`;
          break;
        case 3:
          rollout = 'concurrent_index';
          up = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${t}_created_${i}_idx ON ${t} (created_at);\n`;
          down = `DROP INDEX CONCURRENTLY IF EXISTS ${t}_created_${i}_idx;\n`;
          break;
        case 4:
          up = `${LT}UPDATE ${t} SET state = 'archived' WHERE created_at < now() - interval '2 years';\n`;
          down = `UPDATE ${t} SET state = 'active' WHERE state = 'archived';\n`;
          break;
        case 5: {
          const ext = ['pg_trgm', 'citext', 'uuid-ossp'][Math.floor(i / 10) % 3]!;
          up =
            ext === 'pg_trgm'
              ? `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${LT}CREATE INDEX ${t}_state_trgm_${i} ON ${t} USING gin (state gin_trgm_ops);\n`
              : `CREATE EXTENSION IF NOT EXISTS "${ext}";\n`;
          down =
            ext === 'pg_trgm' ? `DROP INDEX IF EXISTS ${t}_state_trgm_${i};\n` : `-- keep the extension\n`;
          risk = 'medium';
          break;
        }
        case 6:
          up = `${LT}ALTER TABLE ${t} ADD COLUMN ref_${i} uuid;
ALTER TABLE ${t} ADD CONSTRAINT ${t}_ref_${i}_fk FOREIGN KEY (ref_${i}) REFERENCES ${tables[0]} (id) NOT VALID;
`;
          down = `ALTER TABLE ${t} DROP CONSTRAINT ${t}_ref_${i}_fk;\nALTER TABLE ${t} DROP COLUMN ref_${i};\n`;
          break;
        case 7: {
          // The foreign key the previous migration added NOT VALID, on the same table.
          const prev = tables[((i - 1) * 7) % tables.length]!;
          up = `${LT}ALTER TABLE ${prev} VALIDATE CONSTRAINT ${prev}_ref_${i - 1}_fk;\n`;
          down = `-- nothing to undo\n`;
          break;
        }
        case 8:
          up = `CREATE TYPE status_${i} AS ENUM ('open', 'closed');\n${LT}ALTER TABLE ${t} ADD COLUMN status_${i} status_${i};\n`;
          // Drops more than the up added on every fourth one: not proven, named.
          down =
            i % 4 === 0
              ? `ALTER TABLE ${t} DROP COLUMN status_${i};\nDROP TYPE status_${i};\nALTER TABLE ${t} DROP COLUMN updated_at;\n`
              : `ALTER TABLE ${t} DROP COLUMN status_${i};\nDROP TYPE status_${i};\n`;
          break;
        default:
          risk = 'high';
          up = `${LT}DELETE FROM ${t};\n`;
          down = '-- rows cannot come back\n';
      }
    }
    out.push({ id, up, down, risk, rollout });
  }
  return out;
}
