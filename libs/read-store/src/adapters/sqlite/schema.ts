import type Database from 'better-sqlite3';
import type { CollectionSpec } from '../../read-store';

const CREATE_BOOKKEEPING = `
  CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, fields TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS aliases (alias TEXT PRIMARY KEY, target TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS checkpoints (
    name       TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  )`;

/** Sets the pragmas every connection needs and creates the bookkeeping tables on first use. */
export function prepareDatabase(db: Database.Database, busyTimeoutMs: number): void {
  // First, so that switching to WAL waits for another process instead of failing.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // Takes effect on a new file only (before WAL): a 4 KiB page left a typical customer-360 document (about
  // 4 KiB of JSON) spilling into overflow pages, two or three pages written per document.
  db.pragma('page_size = 16384');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new Error(`SQLite refused WAL mode (got ${String(mode)}); the read store needs concurrent readers`);
  }
  // NORMAL may lose the newest commits on power loss, but in commit order: a checkpoint is never ahead of
  // the documents it covers, and the lost tail is replayed.
  db.pragma('synchronous = NORMAL');
  // Read models hold personal data until an erasure reaches them: freed bytes are zeroed, not left behind.
  db.pragma('secure_delete = ON');
  db.exec(CREATE_BOOKKEEPING);
}

/** Names and paths are validated before they get here; identifiers are quoted all the same. */
export function quoted(identifier: string): string {
  return `"${identifier}"`;
}

/**
 * Bodies are written as JSONB (SQLite ≥ 3.45) and read back as JSON text; `json()` also takes the text
 * bodies files written before kept, so both read the same.
 */
export const bodyText = (column = 'body'): string => `json(${column}) AS body`;
export const BODY_TEXT = bodyText();

/** The same JSON as its UTF-8 bytes: a BLOB reaches JavaScript as a Buffer, never as a (UTF-16) string. */
export const bodyBytes = (column = 'body'): string => `CAST(json(${column}) AS BLOB) AS body`;

/** Queries repeat this exact text so that SQLite matches them to the expression indexes. */
export function fieldExpression(path: string): string {
  return `json_extract(body, '$.${path}')`;
}

/**
 * One table per collection. A delete leaves a tombstone (`deleted = 1` with its version) so that an older
 * upsert delivered again later cannot resurrect the document.
 */
export function createCollectionSql(spec: CollectionSpec): string {
  const table = quoted(spec.name);
  const indexes = spec.fields.map(
    (field) =>
      `CREATE INDEX IF NOT EXISTS ${quoted(`${spec.name}:${field.path}`)}
         ON ${table} (${fieldExpression(field.path)}, id)`,
  );
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
       id      TEXT PRIMARY KEY,
       version INTEGER NOT NULL,
       deleted INTEGER NOT NULL,
       body    TEXT NOT NULL
     )`,
    ...indexes,
  ].join(';\n');
}
