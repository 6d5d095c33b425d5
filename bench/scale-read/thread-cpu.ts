import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux builds). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) of a process's main thread, from /proc; null where there is none.
 * Under load from other work a catch-up's main-thread CPU moves far less than its wall rate, and
 * the main thread is where it runs (the WAL checkpoint has a thread of its own).
 */
export function mainThreadCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    // the fields after the command name, which may hold spaces: state is the first
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
