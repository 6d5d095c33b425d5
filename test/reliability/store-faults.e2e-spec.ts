import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { storageFault } from '../../src/health/storage-probe.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

/** A small tmpfs needs root (CI runs as root); elsewhere the suite is skipped, saying why. */
function tmpfsAvailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root, so no tmpfs can be mounted';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return undefined;
  } catch (error) {
    return `mount -t tmpfs failed (${String(error).split('\n')[0]})`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const unavailable = tmpfsAvailable();
const suite = unavailable ? describe.skip : describe;
const title = unavailable
  ? `store faults (skipped: ${unavailable})`
  : 'store faults on an 8 MB tmpfs: a full disk, a read-only filesystem';

const source = [{ name: 'Reuters', kind: 'wire' }];
const reportedAt = '2017-05-18T19:05:00Z';

suite(title, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-faults-'));
  let booted: BootedApp;
  const acknowledged: string[] = [];
  let counter = 0;
  const http = () => request(booted.url);
  const write = () =>
    http()
      .post('/incidents/disk/statements')
      .set(auth('reporter'))
      .send({ text: `update ${counter++}`, attribution: source, reportedAt });

  async function writeOk(): Promise<void> {
    const res = await write().expect(201);
    acknowledged.push((res.body as { eventId: string }).eventId);
  }

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
    booted = await bootApp({ dir, env: { STORYLINE_MIN_FREE_BYTES: '65536' } });
    await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'disk', title: 'Disk' });
    for (let i = 0; i < 5; i++) await writeOk();
  });
  afterAll(async () => {
    await booted?.stop();
    execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectDown(reason: RegExp): Promise<void> {
    const health = await http().get('/health');
    expect(health.status).toBe(503);
    expect(health.headers['content-type']).toMatch(/^application\/problem\+json/);
    const down = (health.body as { down: { part: string; reason: string }[] }).down;
    expect(down.map((d) => d.part)).toEqual(expect.arrayContaining(['store', 'read model']));
    expect(down[0].reason).toMatch(reason);
  }

  async function expectReadsAnswer(): Promise<void> {
    await http().get('/incidents/disk').expect(200);
    await http().get('/incidents/disk/timeline').expect(200);
    await http().get('/events').expect(200);
  }

  test('a full disk: writes and a rebuild 503, reads 200, /health 503 naming it; then recovery', async () => {
    const filler = path.join(dir, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // dd stops with ENOSPC: the disk is full, as intended
    }
    await expectDown(/disk full/);
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      const res = await write();
      expect([201, 503]).toContain(res.status);
      if (res.status === 201) acknowledged.push((res.body as { eventId: string }).eventId);
      else refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
    const rebuild = await http().post('/admin/projections/rebuild').set(auth('admin'));
    expect([202, 503]).toContain(rebuild.status);
    await expectReadsAnswer();

    fs.rmSync(filler);
    await http().get('/health').expect(200);
    await writeOk();
    await http().get('/health').expect(200);
  });

  test('the /health probe names a read-only filesystem, and its recovery', () => {
    // A mount holding open database files cannot be turned read-only (EBUSY), and the service
    // does not start on one, so the probe /health runs is checked on a second, idle tmpfs.
    const idle = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', idle]);
    try {
      const file = path.join(idle, 'storyline.db');
      fs.writeFileSync(file, '');
      expect(storageFault(file, 0)).toBeUndefined();
      execFileSync('mount', ['-o', 'remount,ro', idle]);
      expect(storageFault(file, 0)).toMatch(/read-only: .* is not writable \(EROFS\)/);
      execFileSync('mount', ['-o', 'remount,rw', idle]);
      expect(storageFault(file, 0)).toBeUndefined();
    } finally {
      execFileSync('umount', ['-l', idle]);
      fs.rmSync(idle, { recursive: true, force: true });
    }
  });

  test('nothing acknowledged is lost, nothing is doubled', async () => {
    const events = await http().get('/events?limit=1000').expect(200);
    const ids = (events.body.items as { eventId: string }[]).map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of acknowledged) expect(ids).toContain(id);
    const view = await http().get('/incidents/disk').expect(200);
    expect((view.body as { revision: number }).revision).toBe(acknowledged.length);
  });
});
