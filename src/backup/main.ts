import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { backupStore } from './backup-store.js';

// npm run backup -- <file> [--store sqlite:<file>]: the store defaults to STORYLINE_STORE.
const args = process.argv.slice(2);
const storeAt = args.indexOf('--store');
const store = storeAt >= 0 ? args[storeAt + 1] : loadConfig().store;
const target = args.find((arg, i) => !arg.startsWith('--') && (storeAt < 0 || i !== storeAt + 1));
if (!target || !store?.startsWith('sqlite:')) {
  process.stderr.write(
    'usage: npm run backup -- <new file> [--store sqlite:<file>] (the embedded store only; KurrentDB has its own backups)\n',
  );
  process.exit(2);
}
const source = path.resolve(store.slice('sqlite:'.length));
try {
  const started = Date.now();
  await backupStore(source, path.resolve(target), ({ totalPages, remainingPages }) => {
    const done = totalPages - remainingPages;
    const percent = totalPages === 0 ? 100 : Math.floor((done / totalPages) * 100);
    process.stderr.write(`\rbackup: ${percent}% (${done} of ${totalPages} pages)`);
  });
  process.stderr.write(`\nbackup: ${target} written and checked in ${Date.now() - started} ms\n`);
} catch (error) {
  process.stderr.write(
    `\nbackup failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
