import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snapshot } from '../../snapshot-store';
import Database from 'better-sqlite3';
import { SqliteSnapshotStore } from './sqlite-snapshot-store';

const snapshot = (revision: number, version = 'v1', streamId = 'customer-c-1'): Snapshot => ({
  streamId,
  revision,
  eventId: `event-${revision}`,
  version,
  state: Buffer.from(`state at ${revision} under ${version}`),
  plain: Buffer.from(`columns at ${revision}`),
});

describe('SqliteSnapshotStore', () => {
  let dir: string;
  let path: string;
  let store: SqliteSnapshotStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-snapshots-'));
    path = join(dir, 'snapshots.db');
    store = SqliteSnapshotStore.open({ path });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads nothing for a stream without a snapshot', async () => {
    expect(await store.load('customer-c-1', 'v1')).toBeUndefined();
  });

  it('loads the latest snapshot saved, across a reopening', async () => {
    await store.save(snapshot(99));
    await store.save(snapshot(199));
    await store.close();
    store = SqliteSnapshotStore.open({ path });

    expect(await store.load('customer-c-1', 'v1')).toEqual(snapshot(199));
  });

  it('keeps a later snapshot of the same version when an earlier one comes in after it', async () => {
    await store.save(snapshot(199));
    await store.save(snapshot(99));

    expect(await store.load('customer-c-1', 'v1')).toEqual(snapshot(199));
  });

  it('never loads a snapshot written under another version, and replaces it with one of the new version', async () => {
    await store.save(snapshot(199, 'v1'));

    expect(await store.load('customer-c-1', 'v2')).toBeUndefined();
    await store.save(snapshot(99, 'v2'));
    expect(await store.load('customer-c-1', 'v2')).toEqual(snapshot(99, 'v2'));
    expect(await store.load('customer-c-1', 'v1')).toBeUndefined();
  });

  it('deletes one stream’s snapshot and leaves the others', async () => {
    await store.save(snapshot(99));
    await store.save(snapshot(49, 'v1', 'customer-c-2'));

    await store.delete('customer-c-1');

    expect(await store.load('customer-c-1', 'v1')).toBeUndefined();
    expect(await store.load('customer-c-2', 'v1')).toEqual(snapshot(49, 'v1', 'customer-c-2'));
  });

  it('opens a file written before snapshots had a plain part, and keeps both parts from then on', async () => {
    await store.close();
    rmSync(path);
    const old = new Database(path);
    old.exec(
      'CREATE TABLE snapshots (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, event_id TEXT NOT NULL, version TEXT NOT NULL, state BLOB NOT NULL)',
    );
    old
      .prepare('INSERT INTO snapshots VALUES (?, 99, ?, ?, ?)')
      .run('customer-c-1', 'event-99', 'v0', Buffer.from('old'));
    old.close();
    store = SqliteSnapshotStore.open({ path });

    expect(await store.load('customer-c-1', 'v1')).toBeUndefined();
    await store.save(snapshot(199));
    expect(await store.load('customer-c-1', 'v1')).toEqual(snapshot(199));
  });
});
