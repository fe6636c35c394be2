import {
  type Collection,
  type Db,
  type Filter,
  MongoBulkWriteError,
  MongoClient,
  type MongoClientOptions,
  MongoServerError,
  ReadPreference,
  type ReadPreferenceLike,
  type WriteConcernSettings,
} from 'mongodb';
import { UnknownCollectionError } from '../../errors';
import { assertCheckpointName, assertCollectionName, assertDocumentId } from '../../names';
import { pageOf } from '../../page-cursor';
import { checkConditions, checkOperations, checkQuery, checkSpec } from '../../query-validation';
import type {
  Checkpoint,
  CollectionSpec,
  Condition,
  Page,
  Query,
  ReadStore,
  StoredDocument,
  StoredJson,
  WriteOperation,
} from '../../read-store';
import {
  type AliasRecord,
  type CheckpointRecord,
  type CollectionRecord,
  fieldKey,
  type MongoDocument,
} from './mongo-document';
import { documentFilter, sortSpec } from './mongo-filter';
import { DUPLICATE_KEY, fencedUpdate, winningOperations } from './mongo-write';
import { detectIdLookup, findByIds, type IdLookup } from './id-lookup';
import { upsertOne } from './upsert-one';

export interface MongoReadStoreOptions {
  readonly url: string;
  readonly databaseName: string;
  readonly clientOptions?: MongoClientOptions;
  /**
   * Default `{ w: 'majority' }`: a write the store reported done survives a primary's failover, so a
   * projector never commits offsets for documents a new primary rolls back.
   */
  readonly writeConcern?: WriteConcernSettings;
  /**
   * Default `primary`: a projector reads the documents it is about to evolve, and the fence compares
   * versions; a lagging secondary would hand it an older version than the one it wrote.
   */
  readonly readPreference?: ReadPreferenceLike;
  /** Default: what the server calls for (`detectIdLookup`), asked once, on the first `getMany`. */
  readonly idLookup?: IdLookup;
}

/** What the store pins on its database handle, whatever the connection string says. */
export interface MongoConsistency {
  readonly writeConcern: WriteConcernSettings;
  readonly readPreference: string;
}

const NAMESPACE_NOT_FOUND = 26;

/** The production read store (DESIGN §2): one MongoDB collection per read-store collection, no transactions. */
export class MongoReadStore implements ReadStore {
  private readonly db: Db;
  private readonly collections: Collection<CollectionRecord>;
  private readonly aliases: Collection<AliasRecord>;
  private readonly checkpoints: Collection<CheckpointRecord>;
  private idLookup: Promise<IdLookup> | undefined;

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = new MongoClient(options.url, options.clientOptions);
    await client.connect();
    return MongoReadStore.over(client, options);
  }

  /** A store on a client the caller connected (and that `close` closes). */
  static over(
    client: MongoClient,
    options: Omit<MongoReadStoreOptions, 'url' | 'clientOptions'>,
  ): MongoReadStore {
    return new MongoReadStore(client, options);
  }

  private constructor(
    private readonly client: MongoClient,
    options: Omit<MongoReadStoreOptions, 'url' | 'clientOptions'>,
  ) {
    this.db = client.db(options.databaseName, {
      writeConcern: options.writeConcern ?? { w: 'majority' },
      readPreference: options.readPreference ?? ReadPreference.primary,
    });
    this.collections = this.db.collection<CollectionRecord>('collections');
    this.aliases = this.db.collection<AliasRecord>('aliases');
    this.checkpoints = this.db.collection<CheckpointRecord>('checkpoints');
    if (options.idLookup !== undefined) this.idLookup = Promise.resolve(options.idLookup);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertCollectionName(spec.name);
    checkSpec(spec);
    const documents = this.db.collection<MongoDocument>(spec.name);
    // Indexes first: a collection is registered, and so readable, only once its indexes exist.
    // Every read filters on `deleted`; its own index serves `get`/`getMany`'s id lookups through `_id` and
    // lets `count` of live documents skip the tombstones.
    await documents.createIndex({ deleted: 1 });
    for (const field of spec.fields) await documents.createIndex({ [fieldKey(field.path)]: 1, _id: 1 });
    await upsertOne(
      this.collections,
      { _id: spec.name },
      {
        $set: { fields: spec.fields.map(({ path, type }) => ({ path, type })) },
      },
    );
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    await this.collections.deleteOne({ _id: name });
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async get(collection: string, id: string): Promise<StoredDocument | undefined> {
    assertDocumentId(id);
    const documents = await this.documents(collection);
    const found = await documents.findOne({ _id: { $eq: id }, deleted: { $eq: false } });
    return found === null ? undefined : toStored(found);
  }

  async getJson(collection: string, id: string): Promise<StoredJson | undefined> {
    const stored = await this.get(collection, id);
    return stored === undefined
      ? undefined
      : { id: stored.id, version: stored.version, json: Buffer.from(JSON.stringify(stored.body)) };
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    ids.forEach((id) => assertDocumentId(id));
    const documents = await this.documents(collection);
    const found = await findByIds(documents, ids, await this.lookupOfIds());
    return new Map(found.map((document) => [document._id, toStored(document)]));
  }

  /** How `getMany` reads here: as configured, else asked of the server once (a failed ask is asked again). */
  lookupOfIds(): Promise<IdLookup> {
    this.idLookup ??= detectIdLookup(this.db).catch((error: unknown) => {
      this.idLookup = undefined;
      throw error;
    });
    return this.idLookup;
  }

  async bulkWrite(collection: string, operations: readonly WriteOperation[]): Promise<void> {
    checkOperations(operations);
    const documents = await this.documents(collection);
    const winners = winningOperations(operations);
    if (winners.length === 0) return;
    const fenced = await upsertReportingDuplicates(documents, winners);
    // A duplicate key proves the document exists, so a plain update now applies exactly where the stored
    // version is lower: this settles a race with another writer's insert as well as a true fence.
    if (fenced.length > 0) {
      await documents.bulkWrite(
        fenced.map((operation) => fencedUpdate(operation, false)),
        { ordered: false },
      );
    }
  }

  async find(collection: string, query: Query): Promise<Page> {
    const { spec, documents } = await this.resolve(collection);
    const checked = checkQuery(spec, query);
    const filter = documentFilter(checked.where, checked.sort, checked.after) as Filter<MongoDocument>;
    const found = await documents
      .find(filter, { sort: sortSpec(checked.sort), limit: checked.limit + 1 })
      .toArray();
    return pageOf(found.map(toStored), checked.limit, checked.sort);
  }

  async count(collection: string, where?: readonly Condition[]): Promise<number> {
    const { spec, documents } = await this.resolve(collection);
    return documents.countDocuments(documentFilter(checkConditions(spec, where)) as Filter<MongoDocument>);
  }

  async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
    assertCheckpointName(name);
    const found = await this.checkpoints.findOne({ _id: { $eq: name } });
    return found === null ? undefined : { position: found.position, updatedAt: found.updatedAt };
  }

  /**
   * Fenced: matches only a stored position at or below the new one, so a stale writer (a group member that
   * lost its partitions mid-batch, a relay replica) cannot move it back. When the stored position is higher
   * the upsert collides with it on `_id`, which means "already further".
   */
  async saveCheckpoint(name: string, checkpoint: Checkpoint): Promise<void> {
    assertCheckpointName(name);
    try {
      await this.checkpoints.updateOne(
        { _id: name, position: { $lte: checkpoint.position } },
        { $set: { position: checkpoint.position, updatedAt: checkpoint.updatedAt } },
        { upsert: true },
      );
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
  }

  async rewindCheckpoint(name: string, checkpoint: Checkpoint): Promise<void> {
    assertCheckpointName(name);
    await this.checkpoints.updateOne(
      { _id: name },
      { $set: { position: checkpoint.position, updatedAt: checkpoint.updatedAt } },
      { upsert: true },
    );
  }

  consistency(): MongoConsistency {
    return { writeConcern: { ...this.db.writeConcern }, readPreference: this.db.readPreference.mode };
  }

  async setAlias(alias: string, collection: string): Promise<void> {
    assertCollectionName(alias);
    assertCollectionName(collection);
    if ((await this.collections.findOne({ _id: { $eq: collection } })) === null) {
      throw new UnknownCollectionError(collection);
    }
    // One single-document write: every reader sees the old target or the new one.
    await upsertOne(this.aliases, { _id: alias }, { $set: { target: collection } });
  }

  async resolveAlias(alias: string): Promise<string | undefined> {
    assertCollectionName(alias);
    return (await this.aliases.findOne({ _id: { $eq: alias } }))?.target;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Every call reads the alias first, so a swap made by any process is seen at once. */
  private async resolve(
    name: string,
  ): Promise<{ spec: CollectionSpec; documents: Collection<MongoDocument> }> {
    assertCollectionName(name);
    const target = (await this.aliases.findOne({ _id: { $eq: name } }))?.target ?? name;
    const record = await this.collections.findOne({ _id: { $eq: target } });
    if (record === null) throw new UnknownCollectionError(name);
    return {
      spec: { name: record._id, fields: record.fields },
      documents: this.db.collection<MongoDocument>(record._id),
    };
  }

  private async documents(name: string): Promise<Collection<MongoDocument>> {
    return (await this.resolve(name)).documents;
  }
}

/** Runs the upserts unordered; returns the operations that failed only with a duplicate key on `_id`. */
async function upsertReportingDuplicates(
  documents: Collection<MongoDocument>,
  operations: readonly WriteOperation[],
): Promise<WriteOperation[]> {
  try {
    await documents.bulkWrite(
      operations.map((operation) => fencedUpdate(operation, true)),
      { ordered: false },
    );
    return [];
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    const duplicatesOnly =
      writeErrors.length > 0 &&
      writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY) &&
      error.result.getWriteConcernError() === undefined;
    if (!duplicatesOnly) throw error;
    return writeErrors.map((writeError) => operations[writeError.index]);
  }
}

function toStored(document: MongoDocument): StoredDocument {
  return { id: document._id, version: document.version, body: document.body ?? {} };
}
