import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from './schema';

describe('prepareDatabase', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-sqlite-schema-'));
    db = new Database(join(dir, 'events.db'));
    prepareDatabase(db, 1_000);
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes every acknowledged commit durable: WAL with synchronous=FULL', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps savepoint journals in memory rather than in temp files', () => {
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('waits for other writers instead of failing at once', () => {
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1_000);
  });

  it('can run twice on the same file', () => {
    expect(() => prepareDatabase(db, 1_000)).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });
});
