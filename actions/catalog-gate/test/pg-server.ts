/**
 * A throwaway PostgreSQL cluster for tests (pg-cluster.ts), and postgresSkip(): whether one can be
 * started here (see test/support/components.ts for the skip-locally, fail-in-CI rule).
 */
import { missingComponent } from '../../../test/support/components.ts';
import { findBin } from './pg-cluster.ts';

export { startPgServer, type PgServer } from './pg-cluster.ts';

/** Why real-PostgreSQL tests skip here (false when a server binary exists); throws in CI. */
export function postgresSkip(): false | string {
  return missingComponent(
    findBin() !== undefined,
    'no PostgreSQL server binary (install the Debian package postgresql, or set PG_BIN); .ci/run installs it',
  );
}
