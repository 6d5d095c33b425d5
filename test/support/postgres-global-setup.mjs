/**
 * Jest globalSetup: gives the PostgreSQL tests a server. When STORYLINE_TEST_POSTGRES is unset,
 * starts a throwaway cluster (scripts/postgres/cluster.mjs) and exports its URL there; the
 * teardown, or the process's exit whatever happened, stops it. When no PostgreSQL can be had,
 * STORYLINE_TEST_POSTGRES_SKIPPED says why and those tests skip with that reason (as they do when
 * STORYLINE_TEST_POSTGRES=none).
 */
import { findBinaries, startCluster } from '../../scripts/postgres/cluster.mjs';

export default async function setup() {
  if (process.env.STORYLINE_TEST_POSTGRES === 'none') {
    delete process.env.STORYLINE_TEST_POSTGRES;
    process.env.STORYLINE_TEST_POSTGRES_SKIPPED = 'STORYLINE_TEST_POSTGRES=none';
    return;
  }
  if (process.env.STORYLINE_TEST_POSTGRES) return;
  const { bin, reason } = findBinaries();
  if (!bin) {
    process.env.STORYLINE_TEST_POSTGRES_SKIPPED = reason;
    return;
  }
  const cluster = await startCluster({ bin });
  globalThis.storylinePostgres = cluster;
  process.on('exit', () => cluster.stop());
  process.env.STORYLINE_TEST_POSTGRES = cluster.url;
  process.env.STORYLINE_TEST_POSTGRES_BIN = bin;
}
