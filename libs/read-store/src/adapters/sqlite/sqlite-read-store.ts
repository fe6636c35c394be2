import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UnknownCollectionError } from '../../errors';
import { assertCheckpointName, assertCollectionName, assertDocumentId } from '../../names';
import { pageOf } from '../../page-cursor';
import { checkConditions, checkOperations, checkQuery, checkSpec } from '../../query-validation';
import type {
  Checkpoint,
  CollectionSpec,
  Condition,
  JsonObject,
  Page,
  Query,
  ReadStore,
  StoredDocument,
  StoredJson,
  WriteOperation,
} from '../../read-store';
import { BODY_TEXT, bodyBytes, bodyText, createCollectionSql, prepareDatabase, quoted } from './schema';
import { JsonDocumentCache } from './json-document-cache';
import { noteCommitInThisThread, OtherCommitsCheck } from './other-commits-check';
import { findSql, type SqlValue, whereSql } from './sqlite-query';
import { writeWithoutBlocking } from './write-without-blocking';

export interface SqliteReadStoreOptions {
  /** The database file; created with its directory when missing. */
  readonly path: string;
  readonly busyTimeoutMs?: number;
  /** Bytes of `getJson` answers kept between commits (ADR 0020); 0 turns the cache off. Default 32 MiB. */
  readonly jsonCacheBytes?: number;
}

interface DocumentRow<TBody = string> {
  readonly id: string;
  readonly version: number;
  readonly body: TBody;
}

/** A `documentRow` answer: the document's columns are null when it is absent. */
interface VersionedRow<TBody> {
  readonly dataVersion: number;
  readonly id: string | null;
  readonly version: number;
  readonly body: TBody;
}

/** How `documentRow` reads a body: as text for `get`, as UTF-8 bytes (a BLOB) for `getJson`. */
type BodyForm = 'text' | 'bytes';
type BodyOf<TForm extends BodyForm> = TForm extends 'text' ? string : Buffer;

const MIB = 1024 * 1024;

// Bounds the cache of prepared statements; query shapes are few, but they come from callers.
const MAX_CACHED_STATEMENTS = 500;

/** The embedded read store (DESIGN §2): one SQLite file in WAL mode, one table of JSON documents per collection. */
export class SqliteReadStore implements ReadStore {
  private readonly statements = new Map<string, Database.Statement>();
  /** `documentRow`'s statements by body form and table: built once, not as SQL text per call. */
  private readonly documentStatements: Record<BodyForm, Map<string, Database.Statement<[string]>>> = {
    text: new Map(),
    bytes: new Map(),
  };
  private readonly resolveStatement: Database.Statement<[string, string], { name: string; fields: string }>;
  private readonly dataVersion: Database.Statement<[], number>;
  /** What `resolve` found, while no other connection has committed (`PRAGMA data_version`) and this one has not changed a collection or alias. */
  private readonly resolved = new Map<string, CollectionSpec>();
  private resolvedAt: number | undefined;
  private readonly otherCommitsCheck = new OtherCommitsCheck();

  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    if (options.path === ':memory:' || options.path === '') {
      throw new RangeError('SqliteReadStore needs a file path: readers in other processes share it');
    }
    mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    try {
      const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
      prepareDatabase(db, busyTimeoutMs);
      return new SqliteReadStore(
        db,
        busyTimeoutMs,
        new JsonDocumentCache(options.jsonCacheBytes ?? 32 * MIB),
      );
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly busyTimeoutMs: number,
    /** `getJson` answers by the collection name asked for, valid exactly as long as `resolved` (ADR 0020). */
    private readonly jsonCache: JsonDocumentCache,
  ) {
    this.resolveStatement = db.prepare(
      `SELECT name, fields FROM collections
        WHERE name = coalesce((SELECT target FROM aliases WHERE alias = ?), ?)`,
    );
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertCollectionName(spec.name);
    checkSpec(spec);
    await this.writing(() =>
      this.db.transaction(() => {
        this.db.exec(createCollectionSql(spec));
        this.db
          .prepare(
            `INSERT INTO collections (name, fields) VALUES (?, ?)
           ON CONFLICT (name) DO UPDATE SET fields = excluded.fields`,
          )
          .run(spec.name, JSON.stringify(spec.fields.map(({ path, type }) => ({ path, type }))));
      })(),
    );
    this.forgetResolved();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    await this.writing(() =>
      this.db.transaction(() => {
        this.db.exec(`DROP TABLE IF EXISTS ${quoted(name)}`);
        this.db.prepare('DELETE FROM collections WHERE name = ?').run(name);
      })(),
    );
    this.statements.clear();
    this.documentStatements.text.clear();
    this.documentStatements.bytes.clear();
    this.forgetResolved();
  }

  async get(collection: string, id: string): Promise<StoredDocument | undefined> {
    const row = this.documentRow(collection, id, 'text');
    return row === undefined ? undefined : toDocument(row);
  }

  /**
   * Served from the cache while no other connection has committed (`PRAGMA data_version`, looked at once per
   * event-loop turn and after any commit from this thread) and this one has written nothing since the answer
   * was read; otherwise read, and cached for the next call (ADR 0020).
   */
  async getJson(collection: string, id: string): Promise<StoredJson | undefined> {
    assertDocumentId(id);
    assertCollectionName(collection);
    if (this.otherCommitsCheck.due()) this.noticeOtherCommits(this.dataVersion.get());
    const cached = this.jsonCache.get(collection, id);
    if (cached !== undefined) return cached;
    const row = this.documentRow(collection, id, 'bytes');
    if (row === undefined) return undefined;
    const stored = { id: row.id, version: row.version, json: row.body };
    this.jsonCache.set(collection, stored);
    return stored;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    ids.forEach((id) => assertDocumentId(id));
    const table = this.resolve(collection).name;
    const rows = this.statement(
      `SELECT id, version, ${BODY_TEXT} FROM ${quoted(table)}
        WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`,
    ).all(JSON.stringify(ids)) as DocumentRow[];
    return new Map(rows.map((row) => [row.id, toDocument(row)]));
  }

  async bulkWrite(collection: string, operations: readonly WriteOperation[]): Promise<void> {
    checkOperations(operations);
    const table = quoted(this.resolve(collection).name);
    // The WHERE of the upsert is the version fence: equal or older writes leave the row as it is.
    // Bodies are stored as JSONB: the fields' expression indexes then extract without parsing text.
    const write = this.statement(
      `INSERT INTO ${table} (id, version, deleted, body) VALUES (?, ?, ?, jsonb(?))
       ON CONFLICT (id) DO UPDATE
         SET version = excluded.version, deleted = excluded.deleted, body = excluded.body
         WHERE excluded.version > ${table}.version`,
    );
    await this.writing(() =>
      this.db.transaction(() => {
        for (const operation of operations) {
          if (operation.kind === 'upsert') {
            const { id, version, body } = operation.document;
            write.run(id, version, 0, JSON.stringify(body));
          } else {
            write.run(operation.id, operation.version, 1, '{}');
          }
        }
      })(),
    );
    // This connection's own commits leave `data_version` as it was.
    this.jsonCache.clear();
  }

  async find(collection: string, query: Query): Promise<Page> {
    const spec = this.resolve(collection);
    const checked = checkQuery(spec, query);
    const filter = whereSql(checked.where, checked.sort, checked.after);
    const rows = this.statement(findSql(spec.name, filter, checked.sort)).all(
      ...filter.params,
      checked.limit + 1,
    ) as DocumentRow[];
    return pageOf(rows.map(toDocument), checked.limit, checked.sort);
  }

  async count(collection: string, where?: readonly Condition[]): Promise<number> {
    const spec = this.resolve(collection);
    const filter = whereSql(checkConditions(spec, where));
    const row = this.statement(`SELECT count(*) AS n FROM ${quoted(spec.name)} WHERE ${filter.sql}`).get(
      ...filter.params,
    ) as { n: number };
    return row.n;
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    assertCheckpointName(name);
    const row = this.statement('SELECT position, updated_at FROM checkpoints WHERE name = ?').get(name) as
      | { position: number; updated_at: string }
      | undefined;
    return row === undefined ? undefined : { position: row.position, updatedAt: row.updated_at };
  }

  async saveCheckpoint(name: string, checkpoint: Checkpoint): Promise<void> {
    assertCheckpointName(name);
    const save = this.statement(
      `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
       WHERE excluded.position >= checkpoints.position`,
    );
    await this.writing(() => save.run(name, checkpoint.position, checkpoint.updatedAt));
  }

  async rewindCheckpoint(name: string, checkpoint: Checkpoint): Promise<void> {
    assertCheckpointName(name);
    const rewind = this.statement(
      `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    await this.writing(() => rewind.run(name, checkpoint.position, checkpoint.updatedAt));
  }

  async setAlias(alias: string, collection: string): Promise<void> {
    assertCollectionName(alias);
    assertCollectionName(collection);
    await this.writing(() =>
      this.db.transaction(() => {
        if (this.statement('SELECT 1 FROM collections WHERE name = ?').get(collection) === undefined) {
          throw new UnknownCollectionError(collection);
        }
        this.statement(
          `INSERT INTO aliases (alias, target) VALUES (?, ?)
         ON CONFLICT (alias) DO UPDATE SET target = excluded.target`,
        ).run(alias, collection);
      })(),
    );
    this.forgetResolved();
  }

  async resolveAlias(alias: string): Promise<string | undefined> {
    assertCollectionName(alias);
    const row = this.statement('SELECT target FROM aliases WHERE alias = ?').get(alias) as
      | { target: string }
      | undefined;
    return row?.target;
  }

  /**
   * Copies the WAL into the database file and truncates it, so that no older page image (e.g. a profile
   * before its erasure) stays in `-wal`, and drops the cached `getJson` answers, which may be such copies.
   * While other connections keep part of the WAL in use it waits on timers, as writes do; false when they
   * still did after the busy timeout.
   */
  async truncateWal(): Promise<boolean> {
    this.jsonCache.clear();
    try {
      await this.writing(() => {
        const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (result.busy !== 0) throw new WalInUseError();
      });
      return true;
    } catch (error) {
      if (error instanceof WalInUseError) return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * The collection an alias (or name) stands for. Looked up again as soon as any other connection, in this
   * process or another, has committed anything (`PRAGMA data_version` moved), so a swap made by `crm rebuild`
   * is seen at once; between commits, a read costs no lookup.
   */
  private resolve(name: string): CollectionSpec {
    assertCollectionName(name);
    this.noticeOtherCommits(this.dataVersion.get());
    return this.resolved.get(name) ?? this.lookUp(name);
  }

  private noticeOtherCommits(dataVersion: number | undefined): void {
    if (dataVersion === this.resolvedAt) return;
    this.forgetResolved();
    this.resolvedAt = dataVersion;
  }

  /** Aliases, collections and cached answers may have changed: look them up again. */
  private forgetResolved(): void {
    this.resolved.clear();
    this.jsonCache.clear();
  }

  private lookUp(name: string): CollectionSpec {
    const row = this.resolveStatement.get(name, name);
    if (row === undefined) throw new UnknownCollectionError(name);
    const spec = { name: row.name, fields: JSON.parse(row.fields) as CollectionSpec['fields'] };
    this.resolved.set(name, spec);
    return spec;
  }

  /**
   * One document by id, read together with `PRAGMA data_version` in one statement (one read transaction):
   * when the version shows another connection committed since the alias was resolved, the alias is looked
   * up again and the read repeated, so a swap is seen at once without a second statement per read.
   */
  private documentRow<TForm extends BodyForm>(
    collection: string,
    id: string,
    form: TForm,
  ): DocumentRow<BodyOf<TForm>> | undefined {
    assertDocumentId(id);
    assertCollectionName(collection);
    for (;;) {
      const table = (this.resolved.get(collection) ?? this.lookUp(collection)).name;
      const row = this.readVersioned(table, id, form) as VersionedRow<BodyOf<TForm>>;
      if (row.dataVersion === this.resolvedAt) {
        return row.id === null ? undefined : (row as DocumentRow<BodyOf<TForm>>);
      }
      this.noticeOtherCommits(row.dataVersion);
    }
  }

  private readVersioned(table: string, id: string, form: BodyForm): VersionedRow<unknown> {
    const statements = this.documentStatements[form];
    try {
      let statement = statements.get(table);
      if (statement === undefined) {
        const body = form === 'text' ? bodyText('d.body') : bodyBytes('d.body');
        statement = this.db.prepare<[string]>(
          `SELECT p.data_version AS dataVersion, d.id, d.version, ${body}
             FROM pragma_data_version() AS p LEFT JOIN ${quoted(table)} AS d ON d.id = ? AND d.deleted = 0`,
        );
        statements.set(table, statement);
      }
      return statement.get(id) as VersionedRow<unknown>;
    } catch (error) {
      // A table dropped by another connection since it was resolved: resolve again (the version moved).
      const version = this.dataVersion.get() as number;
      if (version === this.resolvedAt) throw error;
      statements.delete(table);
      return { dataVersion: version, id: null, version: 0, body: null };
    }
  }

  private writing<T>(work: () => T): Promise<T> {
    return writeWithoutBlocking(this.db, this.busyTimeoutMs, () => {
      try {
        return work();
      } finally {
        noteCommitInThisThread();
      }
    });
  }

  private statement(sql: string): Database.Statement<SqlValue[]> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** A checkpoint that other connections kept from finishing: retried like any busy write, then reported. */
class WalInUseError extends Error {
  readonly code = 'SQLITE_BUSY';
}

function toDocument(row: DocumentRow): StoredDocument {
  return { id: row.id, version: row.version, body: JSON.parse(row.body) as JsonObject };
}
