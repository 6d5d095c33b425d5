import { openSqlite } from '../sqlite/open-sqlite.js';
import fs from 'node:fs';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** Pages copied per step: between steps the source is free for the service's writes. */
const PAGES_PER_STEP = 256;

/**
 * An online, consistent copy of an SQLite store file through SQLite's backup API (better-sqlite3's
 * `db.backup`): the copy is the database as of one moment even while the service keeps writing,
 * and includes the read model and idempotency records kept in the same file. Refuses to overwrite.
 */
export async function backupStore(
  sourceFile: string,
  targetFile: string,
  onProgress: (progress: BackupProgress) => void = () => {},
): Promise<BackupProgress> {
  if (fs.existsSync(targetFile)) throw new Error(`${targetFile} exists; choose a new file`);
  if (!fs.existsSync(sourceFile)) throw new Error(`${sourceFile} does not exist`);
  const source = openSqlite(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const result = await source.backup(targetFile, {
      progress: (progress) => {
        onProgress(progress);
        return PAGES_PER_STEP;
      },
    });
    const copy = openSqlite(targetFile, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
    } finally {
      copy.close();
    }
    return result;
  } finally {
    source.close();
  }
}
