import fs from 'node:fs';
import path from 'node:path';

/**
 * Why an SQLite file cannot take writes now, or undefined when it can: its filesystem has less
 * than `minFreeBytes` available, or the file or its directory is not writable (a read-only mount
 * or file). Cheap (two system calls), so /health runs it on every probe and sees recovery at once.
 */
export function storageFault(file: string, minFreeBytes: number): string | undefined {
  const dir = path.dirname(file);
  try {
    const stats = fs.statfsSync(dir);
    const free = Number(stats.bavail) * Number(stats.bsize);
    if (free < minFreeBytes)
      return `disk full: ${free} bytes free, at least ${minFreeBytes} needed`;
  } catch (error) {
    return `cannot inspect ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  for (const target of [dir, file]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && target === file) continue; // created on first write
      return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? `read-only: ${target} is not writable (${code})`
        : `cannot write ${target}: ${code ?? String(error)}`;
    }
  }
  return undefined;
}
