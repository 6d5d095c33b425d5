import { describe, test } from '@jest/globals';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { parseStoreLocation } from '../../src/event-store/store-location.js';
import { describeEventStoreConformance } from './conformance.js';

/**
 * The shared conformance suite, unchanged, against a real KurrentDB / EventStoreDB server named
 * by STORYLINE_TEST_KURRENTDB (e.g. kurrentdb://localhost:2113?tls=false, or the compose
 * cluster's `conformance` job). There is no fake server: without one the suite is skipped, and
 * says so in the test output.
 */
const server = process.env.STORYLINE_TEST_KURRENTDB;

if (server) {
  const location = parseStoreLocation(server, 'STORYLINE_TEST_KURRENTDB');
  describeEventStoreConformance('kurrentdb', { open: () => openEventStore(location) });
} else {
  const reason =
    'KurrentDB conformance skipped: STORYLINE_TEST_KURRENTDB is not set (no KurrentDB server on this machine)';
  console.warn(reason);
  describe('EventStore conformance: kurrentdb', () => {
    test.skip(reason, () => undefined);
  });
}
