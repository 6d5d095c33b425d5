/** Jest globalTeardown: stops the cluster postgres-global-setup.mjs started, if it did. */
export default function teardown() {
  globalThis.storylinePostgres?.stop();
  globalThis.storylinePostgres = undefined;
}
