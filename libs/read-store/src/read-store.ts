export type Scalar = string | number | boolean | null;

export type JsonValue = Scalar | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/**
 * A stored document. `version` is a monotonic fence chosen by the writer (the projection runner uses the
 * global position of the last applied event): a write never replaces a stored document of an equal or
 * higher version, so re-delivered events are harmless without multi-document transactions.
 */
export interface StoredDocument<TBody extends JsonObject = JsonObject> {
  readonly id: string;
  readonly version: number;
  readonly body: TBody;
}

/**
 * A stored document whose body is UTF-8 encoded JSON text, for a reader that passes it on unchanged (the HTTP
 * API): no parse, no re-serialisation, no UTF-16 string on the heap. `JSON.parse(json.toString('utf8'))`
 * equals the `body` that `get` returns. The bytes are to be passed on, never modified: an adapter may hand the
 * same Buffer to several callers (ADR 0020).
 */
export interface StoredJson {
  readonly id: string;
  readonly version: number;
  readonly json: Buffer;
}

export type FieldType = 'string' | 'number' | 'boolean';

/**
 * A queryable field of the body, by dot path of identifiers (`tier`, `profile.email`). Only declared fields
 * are queryable.
 */
export interface FieldSpec {
  readonly path: string;
  readonly type: FieldType;
}

export interface CollectionSpec {
  /**
   * `^[a-z][a-z0-9_]{0,62}$`, as are alias names; `aliases`, `checkpoints`, `collections` and `sqlite_*`
   * are reserved.
   */
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

export type Condition =
  | { readonly field: string; readonly op: 'eq'; readonly value: Scalar }
  | { readonly field: string; readonly op: 'in'; readonly values: readonly Scalar[] }
  | {
      readonly field: string;
      readonly op: 'range';
      readonly gt?: string | number;
      readonly gte?: string | number;
      readonly lt?: string | number;
      readonly lte?: string | number;
    }
  | { readonly field: string; readonly op: 'prefix'; readonly value: string };

export interface Sort {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * A typed query: only declared fields, only these operators. Callers never pass raw filter objects; a
 * condition on an undeclared field, a value of the wrong type or a foreign cursor fails with
 * `InvalidQueryError`.
 */
export interface Query {
  readonly where?: readonly Condition[];
  /**
   * Ties are broken by document id in the same direction, so cursor paging is stable. A missing or null
   * value sorts before every other value. Default: by id ascending.
   */
  readonly sort?: Sort;
  /** From 1 to 10 000. */
  readonly limit: number;
  /** Opaque cursor from a previous page of the same sort. */
  readonly cursor?: string;
}

export interface Page<TBody extends JsonObject = JsonObject> {
  readonly items: StoredDocument<TBody>[];
  /** Present when more documents match. */
  readonly nextCursor?: string;
}

export type WriteOperation<TBody extends JsonObject = JsonObject> =
  | { readonly kind: 'upsert'; readonly document: StoredDocument<TBody> }
  | { readonly kind: 'delete'; readonly id: string; readonly version: number };

export interface Checkpoint {
  readonly position: number;
  readonly updatedAt: string;
}

/**
 * Named collections of JSON documents (DESIGN §2, §6). Every `collection` argument may name an alias;
 * aliases are resolved on each call so that a swap is seen at once by every reader.
 */
export interface ReadStore {
  /**
   * Creates the collection and the indexes of its declared fields; idempotent. Calling it again with more
   * fields adds their indexes. Every other call on a collection that was never ensured fails with
   * `UnknownCollectionError`.
   */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  /** Drops a collection by its own name, never through an alias; aliases pointing at it are left dangling. */
  dropCollection(name: string): Promise<void>;
  get(collection: string, id: string): Promise<StoredDocument | undefined>;
  /** `get` with the body as UTF-8 JSON text (see `StoredJson`). */
  getJson(collection: string, id: string): Promise<StoredJson | undefined>;
  getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>>;
  /** Applies each operation only where the stored version is lower (or the document is absent); idempotent. */
  bulkWrite(collection: string, operations: readonly WriteOperation[]): Promise<void>;
  find(collection: string, query: Query): Promise<Page>;
  count(collection: string, where?: readonly Condition[]): Promise<number>;
  getCheckpoint(name: string): Promise<Checkpoint | undefined>;
  /** Never moves a checkpoint back: a position below the stored one is ignored (a stale writer's). */
  saveCheckpoint(name: string, checkpoint: Checkpoint): Promise<void>;
  /** Sets a checkpoint even below the stored one: a deliberate replay (an operator, a test), never the write path. */
  rewindCheckpoint(name: string, checkpoint: Checkpoint): Promise<void>;
  /**
   * Points `alias` at the existing `collection` atomically; readers see the old or the new target, never
   * neither.
   */
  setAlias(alias: string, collection: string): Promise<void>;
  resolveAlias(alias: string): Promise<string | undefined>;
  close(): Promise<void>;
}
