/**
 * The proof on a real server runs a pull request's SQL, so it must never run it with the rights of
 * the connection it was given (often a superuser in CI service containers). It creates a dedicated
 * login role for the run, without SUPERUSER/CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS and without
 * the pg_read_server_files/pg_write_server_files/pg_execute_server_program memberships, owning a
 * schema of its own, and runs every migration on a second connection logged in as that role.
 *
 * Logging in as the role rather than `SET ROLE` on the given connection is deliberate: a migration
 * can say `RESET ROLE` (or hide it in a DO block or in a function's SET clause) and be the
 * superuser again, because SET ROLE only changes current_user, not session_user. A session that
 * logged in as the role has nothing to go back to.
 *
 * The sandbox session gets statement_timeout, lock_timeout and idle_in_transaction_session_timeout,
 * and client_connection_check_interval so that a query whose client died stops within a second. A
 * watchdog ends the session when a statement runs past the timeout anyway (the migration may have
 * set statement_timeout = 0). The given connection only sets up and tears down: it drops everything
 * the role owns and the role itself, and at start it removes the sandboxes of earlier runs that
 * were killed before they could clean up.
 */
import { randomBytes } from 'node:crypto';
import { DatabaseUnreachableError, endpointOf, openPostgres, type Database } from './backout.ts';

export const SANDBOX_PREFIX = 'catalog_gate_run_';

export interface ProofTimeouts {
  /** statement_timeout of the sandbox session, in milliseconds. */
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: ProofTimeouts = {
  statementMs: 60_000,
  lockMs: 10_000,
  idleInTransactionMs: 60_000,
};

export class SandboxRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxRefusedError';
  }
}

export interface SandboxDatabase extends Database {
  /** The run's own schema (owned by the sandbox role, first on its search_path). */
  readonly home: string;
  readonly role: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

interface Rights {
  user: string;
  database: string;
  superuser: boolean;
  createRole: boolean;
  createDb: boolean;
  serverRoles: string[];
}

async function rightsOf(admin: Database): Promise<Rights> {
  const [row] = await admin.rows<{
    user: string;
    database: string;
    superuser: boolean;
    create_role: boolean;
    create_db: boolean;
    server_roles: string[] | null;
  }>(
    `SELECT current_user AS user, current_database() AS database, r.rolsuper AS superuser,
            r.rolcreaterole AS create_role, r.rolcreatedb AS create_db,
            ARRAY(SELECT s FROM unnest(ARRAY['pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program']) s
                  WHERE pg_has_role(current_user, s, 'MEMBER')) AS server_roles
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return {
    user: row!.user,
    database: row!.database,
    superuser: row!.superuser,
    createRole: row!.create_role,
    createDb: row!.create_db,
    serverRoles: row!.server_roles ?? [],
  };
}

/**
 * Removes sandboxes left by runs that were killed: roles named catalog_gate_run_* whose sessions
 * are gone, or have run for longer than twice the statement timeout (their own timeout should
 * have ended them; a live run never holds a statement that long).
 */
async function removeStaleSandboxes(admin: Database, timeouts: ProofTimeouts): Promise<void> {
  const limit = `${Math.max(1, Math.ceil((2 * timeouts.statementMs) / 1000))} seconds`;
  await admin
    .rows(
      `SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.usename LIKE '${SANDBOX_PREFIX}%' AND a.pid <> pg_backend_pid()
          AND now() - coalesce(a.query_start, a.backend_start) > interval ${literal(limit)}`,
    )
    .catch(() => []);
  const stale = await admin.rows<{ rolname: string }>(
    `SELECT r.rolname FROM pg_roles r
      WHERE r.rolname LIKE '${SANDBOX_PREFIX}%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.usename = r.rolname)`,
  );
  for (const { rolname } of stale) await dropSandbox(admin, rolname).catch(() => {});
}

/** Drops everything the role owns in this database, then the role. */
async function dropSandbox(admin: Database, role: string): Promise<void> {
  await admin.exec(`DROP OWNED BY ${quote(role)} CASCADE`);
  // The role may still own objects or hold privileges in other databases; then it stays and the
  // next run on that database removes it.
  await admin.exec(`DROP ROLE IF EXISTS ${quote(role)}`);
}

/**
 * Opens the proof's sandbox on the server at `url`. Refuses (SandboxRefusedError) when the given
 * role cannot create the sandbox role and is itself too powerful to run untrusted SQL.
 */
export async function openSandbox(
  url: string,
  timeouts: ProofTimeouts = DEFAULT_TIMEOUTS,
  options: { connectTimeoutMs?: number } = {},
): Promise<SandboxDatabase> {
  const admin = await openPostgres(url, options);
  try {
    const rights = await rightsOf(admin);
    const dangerous = [
      ...(rights.superuser ? ['SUPERUSER'] : []),
      ...(rights.createDb ? ['CREATEDB'] : []),
      ...(rights.createRole ? ['CREATEROLE'] : []),
      ...rights.serverRoles,
    ];
    if (!rights.superuser && !rights.createRole) {
      if (dangerous.length)
        throw new SandboxRefusedError(
          `the back-out proof refuses to run migrations as ${rights.user} (${dangerous.join(', ')}) and that role cannot create a restricted role for them; connect database-url as a role with CREATEROLE (the proof then runs as a role of its own) or as a plain role without these rights`,
        );
      return await ownSchema(admin, url, rights, timeouts, options);
    }
    await removeStaleSandboxes(admin, timeouts);
    const suffix = randomBytes(4).toString('hex');
    const role = `${SANDBOX_PREFIX}${suffix}`;
    const home = role;
    const password = randomBytes(24).toString('base64url');
    await admin.exec(
      `CREATE ROLE ${quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT CONNECTION LIMIT 4 PASSWORD ${literal(password)}`,
    );
    try {
      await admin.exec(
        `GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${quote(rights.database)} TO ${quote(role)}`,
      );
      // A CREATEROLE role that is not a superuser needs membership to DROP OWNED BY it later
      // (PostgreSQL 16 grants that to the creator by itself).
      if (!rights.superuser)
        await admin.exec(`GRANT ${quote(role)} TO ${quote(rights.user)}`).catch(() => {});
      await admin.exec(`CREATE SCHEMA ${quote(home)} AUTHORIZATION ${quote(role)}`);
      // Migrations that name public explicitly must be able to create there too (PostgreSQL 15
      // revoked CREATE on public from PUBLIC); whatever they create is owned by the role.
      await admin.exec(`GRANT USAGE, CREATE ON SCHEMA public TO ${quote(role)}`).catch(() => {});
      const login = new URL(url);
      login.username = role;
      login.password = password;
      let session: Database;
      try {
        session = await connectSession(login.toString(), home, timeouts, options);
      } catch (error) {
        const reason = error instanceof DatabaseUnreachableError ? error.message : String(error);
        throw new SandboxRefusedError(
          `the back-out proof could not log in as its restricted role ${role} (${reason.replace(password, '***')}); allow password logins for roles named ${SANDBOX_PREFIX}* from this host in pg_hba.conf. It will not run migrations with the rights of ${rights.user}`,
        );
      }
      return {
        ...session,
        label: admin.label,
        home,
        role,
        async close() {
          await session.close().catch(() => {});
          await admin
            .rows(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ${literal(role)}`)
            .catch(() => []);
          try {
            await dropSandbox(admin, role);
          } finally {
            await admin.close();
          }
        },
      };
    } catch (error) {
      await dropSandbox(admin, role).catch(() => {});
      throw error;
    }
  } catch (error) {
    await admin.close().catch(() => {});
    throw error;
  }
}

/** A plain role without dangerous rights: it runs the proof itself, in a schema of its own. */
async function ownSchema(
  admin: Database,
  url: string,
  rights: Rights,
  timeouts: ProofTimeouts,
  options: { connectTimeoutMs?: number },
): Promise<SandboxDatabase> {
  const home = `${SANDBOX_PREFIX}${randomBytes(4).toString('hex')}`;
  await admin.exec(`CREATE SCHEMA ${quote(home)}`);
  await admin.close();
  const session = await connectSession(url, home, timeouts, options);
  return {
    ...session,
    home,
    role: rights.user,
    async close() {
      await session.exec(`DROP SCHEMA IF EXISTS ${quote(home)} CASCADE`).catch(() => {});
      await session.close();
    },
  };
}

async function connectSession(
  url: string,
  home: string,
  timeouts: ProofTimeouts,
  options: { connectTimeoutMs?: number },
): Promise<Database> {
  const settings = [
    `search_path=${home},public`,
    `statement_timeout=${timeouts.statementMs}`,
    `lock_timeout=${timeouts.lockMs}`,
    `idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
    'client_connection_check_interval=1000',
    'application_name=catalog-gate-proof',
  ];
  const session = await openPostgres(url, {
    ...options,
    options: settings.map((s) => `-c ${s}`).join(' '),
    watchdogMs: 2 * timeouts.statementMs + 1_000,
  });
  return { ...session, label: endpointOf(url) };
}
