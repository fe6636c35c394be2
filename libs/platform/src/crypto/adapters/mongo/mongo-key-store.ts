import { type Collection, MongoClient, type MongoClientOptions, MongoServerError } from 'mongodb';
import type { DataKeyRecord, KeyStore, WrappedDataKey } from '../../key-store';

interface KeyDocument {
  readonly _id: string;
  readonly masterKeyId?: string;
  readonly wrapped?: string;
  readonly createdAt: string;
  readonly destroyedAt?: string;
}

export interface MongoKeyStoreOptions {
  readonly url: string;
  /** Keep it apart from the read models' database, so that their dumps never carry a key. */
  readonly databaseName: string;
  readonly clientOptions?: MongoClientOptions;
}

const DUPLICATE_KEY = 11000;
const COLLECTION = 'data_keys';

/**
 * The production key store: one document per subject, `_id` = subject id. Writes are single-document and
 * conditional, so concurrent creators agree on one key and a tombstone is never turned back into a key.
 */
export class MongoKeyStore implements KeyStore {
  private readonly keys: Collection<KeyDocument>;

  static async connect(options: MongoKeyStoreOptions): Promise<MongoKeyStore> {
    const client = new MongoClient(options.url, options.clientOptions);
    await client.connect();
    return new MongoKeyStore(client, options.databaseName);
  }

  /** A store on a client the caller connected (and that `close` closes). */
  static over(client: MongoClient, databaseName: string): MongoKeyStore {
    return new MongoKeyStore(client, databaseName);
  }

  private constructor(
    private readonly client: MongoClient,
    databaseName: string,
  ) {
    this.keys = client.db(databaseName).collection<KeyDocument>(COLLECTION, {
      writeConcern: { w: 'majority', journal: true },
      readConcern: { level: 'majority' },
    });
  }

  async find(subjectId: string): Promise<DataKeyRecord | undefined> {
    const doc = await this.keys.findOne({ _id: subjectId });
    return doc === null ? undefined : recordOf(doc);
  }

  /**
   * One atomic upsert that returns the record as stored: this key when it was inserted, else the key (or the
   * tombstone) another creator stored first. Re-reading after a duplicate-key insert could miss the winner
   * (its write not yet majority-committed under this collection's `majority` read concern) and turn a live
   * customer's key into "erased". Two upserts racing on one `_id` can still see a duplicate key (MongoDB only
   * retries some of them itself); the second try then matches the winner's document.
   */
  async create(key: WrappedDataKey): Promise<DataKeyRecord> {
    const stored = await this.upsertKey(key).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
      return this.upsertKey(key);
    });
    if (stored === null) throw new Error(`The data key of ${key.subjectId} was neither stored nor found`);
    return recordOf(stored);
  }

  private upsertKey(key: WrappedDataKey): Promise<KeyDocument | null> {
    return this.keys.findOneAndUpdate(
      { _id: key.subjectId },
      { $setOnInsert: { masterKeyId: key.masterKeyId, wrapped: key.wrapped, createdAt: key.createdAt } },
      { upsert: true, returnDocument: 'after' },
    );
  }

  async destroy(subjectId: string, destroyedAt: string): Promise<void> {
    try {
      await this.keys.updateOne(
        { _id: subjectId, destroyedAt: { $exists: false } },
        {
          $unset: { masterKeyId: '', wrapped: '' },
          $set: { destroyedAt },
          $setOnInsert: { createdAt: destroyedAt },
        },
        { upsert: true },
      );
    } catch (error) {
      // The upsert collides with the tombstone already there: destroyed before, nothing left to do.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async listActive(afterSubjectId: string, limit: number): Promise<WrappedDataKey[]> {
    const docs = await this.keys
      .find({ _id: { $gt: afterSubjectId }, destroyedAt: { $exists: false } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => recordOf(doc) as WrappedDataKey);
  }

  async rewrap(key: WrappedDataKey, fromMasterKeyId: string): Promise<boolean> {
    const result = await this.keys.updateOne(
      { _id: key.subjectId, masterKeyId: fromMasterKeyId, destroyedAt: { $exists: false } },
      { $set: { masterKeyId: key.masterKeyId, wrapped: key.wrapped } },
    );
    return result.modifiedCount === 1;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoServerError && error.code === DUPLICATE_KEY;

const recordOf = (doc: KeyDocument): DataKeyRecord =>
  doc.destroyedAt !== undefined
    ? { state: 'destroyed', subjectId: doc._id, destroyedAt: doc.destroyedAt }
    : {
        state: 'active',
        subjectId: doc._id,
        masterKeyId: doc.masterKeyId as string,
        wrapped: doc.wrapped as string,
        createdAt: doc.createdAt,
      };
