import type { AnyBulkWriteOperation, Db, Document } from 'mongodb';

export interface RawUpsertOptions {
  readonly db: Db;
  readonly collection: string;
  /** Bodies of the documents to write, e.g. a projection's documents as it stored them. */
  readonly bodies: readonly Document[];
  readonly upserts: number;
  readonly batchSize: number;
  readonly deadlineMs: number;
}

export interface RawUpsertResult {
  readonly upserts: number;
  readonly seconds: number;
  readonly meanDocumentBytes: number;
}

/**
 * Raw `bulkWrite` upserts, shaped as MongoReadStore writes a batch (libs/read-store/src/adapters/mongo):
 * unordered `updateOne` by `_id` behind the version filter, `$set` of version, `deleted` and body, with the
 * write concern the read store pins (`w: 'majority'`). Ids cycle over the bodies with growing versions, so the first round
 * inserts and the later ones update, as a projection does; a batch never holds one id twice.
 */
export async function rawBulkUpsert(options: RawUpsertOptions): Promise<RawUpsertResult> {
  const { db, bodies } = options;
  if (bodies.length === 0) throw new Error(`no documents to size the raw upserts of ${options.collection}`);
  // Created before the clock starts, as the read store creates its collections at start-up: FerretDB 1.24
  // can deadlock when a collection is created implicitly by writes under load (docs/operations.md).
  const documents = await db.createCollection<{
    _id: string;
    version: number;
    deleted: boolean;
    body: Document;
  }>(options.collection);
  const batchSize = Math.min(options.batchSize, bodies.length);
  const deadline = performance.now() + options.deadlineMs;
  const started = performance.now();
  let written = 0;
  while (written < options.upserts && performance.now() < deadline) {
    const count = Math.min(batchSize, options.upserts - written);
    const operations: AnyBulkWriteOperation<{
      _id: string;
      version: number;
      deleted: boolean;
      body: Document;
    }>[] = [];
    for (let i = 0; i < count; i++) {
      const n = written + i;
      const version = n + 1;
      const _id = `doc-${n % bodies.length}`;
      operations.push({
        updateOne: {
          filter: { _id, version: { $lt: version } },
          update: { $set: { version, deleted: false, body: bodies[n % bodies.length] } },
          upsert: true,
        },
      });
    }
    await documents.bulkWrite(operations, { ordered: false, writeConcern: { w: 'majority' } });
    written += count;
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(JSON.stringify(body)), 0);
  return { upserts: written, seconds, meanDocumentBytes: bytes / bodies.length };
}
