// Preloaded into a service process under test (NODE_OPTIONS=--import): on SIGUSR2 it runs full
// garbage collections and prints one JSON line { msg: 'heap probe', seq, heapUsed, rss, external }
// on stdout, beside the service's own log lines. Nothing else changes in the service.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let seq = 0;
process.on('SIGUSR2', () => {
  gc();
  gc();
  const memory = process.memoryUsage();
  seq += 1;
  process.stdout.write(
    `${JSON.stringify({ msg: 'heap probe', seq, heapUsed: memory.heapUsed, rss: memory.rss, external: memory.external })}\n`,
  );
});
