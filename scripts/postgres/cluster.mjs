/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory,
 * served by pg_ctl on 127.0.0.1 and a free port, as the unprivileged `postgres` user when we
 * are root (initdb refuses root). Installs Debian's `postgresql` package when the binaries are
 * missing and apt is there (as root), as scripts/ensure-chromium.sh does for Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const DEBIAN = '/usr/lib/postgresql';

function debianBinaries() {
  if (!fs.existsSync(DEBIAN)) return undefined;
  const versions = fs
    .readdirSync(DEBIAN)
    .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(DEBIAN, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(DEBIAN, versions[0], 'bin') : undefined;
}

function onPath() {
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = found.status === 0 ? found.stdout.trim() : '';
  return dir && fs.existsSync(path.join(dir, 'initdb')) ? dir : undefined;
}

/** The directory of initdb and pg_ctl, installing PostgreSQL if we can; or a reason we cannot. */
export function findBinaries({ install = true } = {}) {
  const found = process.env.STORYLINE_POSTGRES_BIN ?? debianBinaries() ?? onPath();
  if (found) return { bin: found };
  const root = process.getuid?.() === 0;
  const apt = spawnSync('apt-get', ['--version']).status === 0;
  if (!install || !root || !apt)
    return {
      reason: 'no PostgreSQL binaries (initdb, pg_ctl) and no apt-get as root to install them',
    };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env };
  if (
    spawnSync('apt-get', ['update'], quiet).status !== 0 ||
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], quiet)
      .status !== 0
  )
    return { reason: 'apt-get install postgresql failed' };
  const installed = debianBinaries() ?? onPath();
  return installed ? { bin: installed } : { reason: 'postgresql installed, but no initdb found' };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Starts a cluster. `durable: false` (tests) turns fsync off: nothing here survives the run
 * anyway. Returns its URL and stop/start controls; `stop()` also removes its directory.
 */
export async function startCluster({ bin, durable = false } = {}) {
  const binaries = bin ? { bin } : findBinaries();
  if (!binaries.bin) throw new Error(`cannot start PostgreSQL: ${binaries.reason}`);
  const user = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-pg-'));
  fs.chmodSync(dir, 0o700);
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const run = (tool, args) =>
    execFileSync(path.join(binaries.bin, tool), args, {
      ...user,
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c max_connections=300',
    ...(durable ? [] : ['-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off']),
  ].join(' ');
  let running = false;
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** Starts the server (again) on the same port and data. */
    start() {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        settings,
        'start',
      ]);
      running = true;
    },
    /** Stops the server, keeping its data. */
    stopServer() {
      if (!running) return;
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      running = false;
    },
    /** Stops the server and removes everything. Safe to call twice. */
    stop() {
      try {
        cluster.stopServer();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    cluster.start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
