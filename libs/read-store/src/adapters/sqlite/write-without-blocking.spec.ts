import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadStore } from './sqlite-read-store';

const checkpoint = (position: number) => ({ position, updatedAt: '2026-11-23T00:00:00.000Z' });

describe('SqliteReadStore while another connection holds a lock', () => {
  let dir: string;
  let path: string;
  let other: Database.Database;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-read-store-busy-'));
    path = join(dir, 'read.db');
    SqliteReadStore.open({ path }).close();
    other = new Database(path);
  });

  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Counts timer ticks: a thread asleep in SQLite's busy handler would let none through. */
  function ticker(): { readonly ticks: () => number; readonly stop: () => void } {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    return { ticks: () => ticks, stop: () => clearInterval(timer) };
  }

  it('waits on timers, not in SQLite, and writes once the lock is released', async () => {
    const store = SqliteReadStore.open({ path, busyTimeoutMs: 2_000 });
    other.exec('BEGIN IMMEDIATE');
    const clock = ticker();
    try {
      const saving = store.saveCheckpoint('automation', checkpoint(7));
      await new Promise((resolve) => setTimeout(resolve, 60));
      const ticksWhileLocked = clock.ticks();
      other.exec('COMMIT');
      await saving;

      expect(ticksWhileLocked).toBeGreaterThan(10);
      expect(await store.getCheckpoint('automation')).toEqual(checkpoint(7));
    } finally {
      clock.stop();
      await store.close();
    }
  });

  it('retries a refused transaction whole', async () => {
    const store = SqliteReadStore.open({ path, busyTimeoutMs: 2_000 });
    await store.ensureCollection({ name: 'docs_v1', fields: [] });
    other.exec('BEGIN IMMEDIATE');
    try {
      const writing = store.bulkWrite('docs_v1', [
        { kind: 'upsert', document: { id: 'a', version: 1, body: { n: 1 } } },
        { kind: 'upsert', document: { id: 'b', version: 1, body: { n: 2 } } },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 30));
      other.exec('COMMIT');
      await writing;

      expect([...(await store.getMany('docs_v1', ['a', 'b'])).keys()].sort()).toEqual(['a', 'b']);
    } finally {
      await store.close();
    }
  });

  it('gives up with SQLITE_BUSY once the busy timeout has passed, and can write afterwards', async () => {
    const store = SqliteReadStore.open({ path, busyTimeoutMs: 50 });
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.saveCheckpoint('automation', checkpoint(1))).rejects.toMatchObject({
        code: 'SQLITE_BUSY',
      });
      other.exec('COMMIT');
      await store.saveCheckpoint('automation', checkpoint(2));
      expect(await store.getCheckpoint('automation')).toEqual(checkpoint(2));
    } finally {
      await store.close();
    }
  });

  it('truncates the WAL once the other connection ends its read, letting timers run meanwhile', async () => {
    const store = SqliteReadStore.open({ path, busyTimeoutMs: 2_000 });
    await store.saveCheckpoint('automation', checkpoint(1));
    other.exec('BEGIN');
    other.prepare('SELECT * FROM checkpoints').all();
    const clock = ticker();
    try {
      const truncating = store.truncateWal();
      await new Promise((resolve) => setTimeout(resolve, 60));
      const ticksWhileReading = clock.ticks();
      other.exec('COMMIT');

      expect(await truncating).toBe(true);
      expect(ticksWhileReading).toBeGreaterThan(10);
    } finally {
      clock.stop();
      await store.close();
    }
  });

  it('reports a WAL still in use after the busy timeout', async () => {
    const store = SqliteReadStore.open({ path, busyTimeoutMs: 50 });
    await store.saveCheckpoint('automation', checkpoint(1));
    other.exec('BEGIN');
    other.prepare('SELECT * FROM checkpoints').all();
    try {
      expect(await store.truncateWal()).toBe(false);
    } finally {
      await store.close();
    }
  });
});
