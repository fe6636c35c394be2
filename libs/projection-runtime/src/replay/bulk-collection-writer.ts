import type { EventEnvelope, ProjectionDocument } from '@crm/domain';
import type { JsonObject, StoredDocument, WriteOperation } from '@crm/read-store/read-store';
import { attempt } from '../attempt';
import type { CollectionWriterOptions } from '../collection-writer';
import {
  DEAD_LETTERS,
  type DeadLetter,
  deadLetter,
  deadLetterDocument,
  PoisonEventError,
} from '../dead-letter';
import { CHAIN_HEADS } from '../document-chain';
import { routeBatch } from '../route-batch';
import { collectionExists } from './collection-exists';
import { type CachedDocument, DocumentCache } from './document-cache';

export interface BulkCollectionWriterOptions<TDoc extends ProjectionDocument>
  extends CollectionWriterOptions<TDoc> {
  /** Documents held in memory; beyond it the least recently used are written out and dropped. */
  readonly cacheDocuments: number;
  /** Events read between checkpoints: every changed document is written, then the checkpoint. */
  readonly checkpointEvents: number;
}

/** Where the writer stands after a `flush`: everything up to `position` is in the read store. */
export interface Flushed {
  readonly position: number;
  readonly written: number;
  readonly deadLettered: number;
}

const upsert = (document: StoredDocument): WriteOperation => ({ kind: 'upsert', document });

/**
 * The bulk replay's writer (ADR 0011). Same contract as `CollectionWriter` — documents, dead letters, chain
 * head, then the checkpoint; every write fenced by the position of the last event applied — but documents
 * stay in memory across batches and are written when evicted or at a checkpoint, every `checkpointEvents`
 * events, instead of being read and written once per batch. A definition's `fold` is used when it has one
 * (and no chain): `step` per event, `finalize` once per write.
 *
 * A collection that does not exist yet is created bare and gets its fields' indexes in `finish`, once,
 * instead of maintaining them on every write. Filled from position 0, every document it can hold was
 * written by this run, so a document not seen yet starts from `initial` without a read.
 */
export class BulkCollectionWriter<TDoc extends ProjectionDocument = ProjectionDocument> {
  private readonly cache: DocumentCache<TDoc>;
  /** Documents this run wrote and may have dropped from the cache since. */
  private readonly written = new Set<string>();
  private deadLetters: DeadLetter[] = [];
  private chainHeadId: string | undefined;
  private chainHeadPosition: number | undefined;
  private previous: TDoc | undefined;
  private position = 0;
  private flushedPosition = 0;
  private unflushedEvents = 0;
  private everyDocumentSeen = false;

  private constructor(
    private readonly options: BulkCollectionWriterOptions<TDoc>,
    /** The collection was created by this writer: its fields' indexes wait for `finish`. */
    private readonly created: boolean,
  ) {
    this.cache = new DocumentCache(options.cacheDocuments);
  }

  get collection(): string {
    return this.options.collection;
  }

  static async open<TDoc extends ProjectionDocument>(
    options: BulkCollectionWriterOptions<TDoc>,
  ): Promise<BulkCollectionWriter<TDoc>> {
    const { definition, readStore, collection, chain } = options;
    const created = !(await collectionExists(readStore, collection));
    await readStore.ensureCollection({ name: collection, fields: created ? [] : (definition.fields ?? []) });
    await readStore.ensureCollection(DEAD_LETTERS);
    const writer = new BulkCollectionWriter(options, created);
    if (chain) {
      await readStore.ensureCollection(CHAIN_HEADS);
      const head = await readStore.get(CHAIN_HEADS.name, collection);
      if (head !== undefined) {
        writer.chainHeadId = String(head.body.documentId);
        writer.chainHeadPosition = head.version;
        const linked = await readStore.get(collection, writer.chainHeadId);
        writer.previous = linked?.body as unknown as TDoc | undefined;
      }
    }
    return writer;
  }

  /** Where this run starts reading: the checkpoint, or later. */
  startAt(position: number): void {
    this.position = position;
    this.flushedPosition = position;
    this.everyDocumentSeen = this.created && position === 0;
  }

  /**
   * Applies `batch`, the events kept of `read` events read up to `through`; checkpoints once
   * `checkpointEvents` have been read since the last checkpoint.
   */
  async apply(
    batch: readonly EventEnvelope[],
    through: number = batch[batch.length - 1].position,
    read: number = batch.length,
  ): Promise<Flushed | undefined> {
    const { definition, collection, maxAttempts } = this.options;
    const routed = routeBatch(definition, collection, batch, maxAttempts);
    this.deadLetters.push(...routed.deadLetters);
    await this.load(routed.routed.map((entry) => entry.documentId));
    for (const { event, documentId } of routed.routed) this.evolve(documentId, event);
    if (this.deadLetters.length > 0 && this.options.poison === 'halt') {
      throw new PoisonEventError(this.deadLetters[0]);
    }
    this.position = through;
    this.unflushedEvents += read;
    await this.write(this.cache.evictions());
    return this.unflushedEvents >= this.options.checkpointEvents ? this.flush() : undefined;
  }

  /** Writes every changed document, the dead letters and the chain head, then checkpoints. */
  async flush(): Promise<Flushed> {
    const { readStore, collection, clock } = this.options;
    if (this.position === this.flushedPosition)
      return { position: this.position, written: 0, deadLettered: 0 };
    const written = await this.write(this.cache.dirty());
    const deadLettered = this.deadLetters.length;
    if (deadLettered > 0) {
      await readStore.bulkWrite(
        DEAD_LETTERS.name,
        this.deadLetters.map((letter) => upsert(deadLetterDocument(letter))),
      );
      this.deadLetters = [];
    }
    if (this.chainHeadId !== undefined && this.chainHeadPosition !== undefined) {
      await readStore.bulkWrite(CHAIN_HEADS.name, [
        upsert({ id: collection, version: this.chainHeadPosition, body: { documentId: this.chainHeadId } }),
      ]);
    }
    await readStore.saveCheckpoint(collection, {
      position: this.position,
      updatedAt: clock().toISOString(),
    });
    this.unflushedEvents = 0;
    this.flushedPosition = this.position;
    return { position: this.position, written, deadLettered };
  }

  /** Flushes, then gives a collection this writer created the indexes of its fields. */
  async finish(): Promise<Flushed> {
    const flushed = await this.flush();
    const { definition, readStore, collection } = this.options;
    if (this.created && (definition.fields ?? []).length > 0) {
      await readStore.ensureCollection({ name: collection, fields: definition.fields ?? [] });
    }
    return flushed;
  }

  /** Puts the batch's documents that are not cached yet in the cache. */
  private async load(ids: readonly string[]): Promise<void> {
    const missing = new Set<string>();
    for (const id of ids) if (!this.cache.has(id)) missing.add(id);
    const stored = [...missing].filter((id) => !this.everyDocumentSeen || this.written.has(id));
    const found =
      stored.length === 0 ? new Map() : await this.options.readStore.getMany(this.collection, stored);
    for (const id of missing) {
      const document = found.get(id);
      this.cache.put(
        id,
        document === undefined
          ? { doc: this.options.definition.initial(id), version: 0, dirty: false }
          : { doc: document.body as unknown as TDoc, version: document.version, dirty: false },
      );
    }
  }

  /** One event, as `evolveBatch` applies it: fenced by the document's version, retried, dead-lettered. */
  private evolve(documentId: string, event: EventEnvelope): void {
    const { definition, collection, maxAttempts, chain } = this.options;
    const entry = this.cache.touch(documentId) as CachedDocument<TDoc>;
    if (event.position <= entry.version) {
      // Already applied before a crash: it stays the chain's previous link.
      this.linked(documentId, entry.doc, event.position);
      return;
    }
    const fold = chain === undefined ? definition.fold : undefined;
    const result = attempt(() => {
      if (fold !== undefined) return fold.step(entry.doc, event);
      const next = definition.evolve(entry.doc, event);
      return chain ? chain.link(this.previous, next) : next;
    }, maxAttempts);
    if (!result.ok) {
      this.deadLetters.push(deadLetter(collection, event, result));
      return;
    }
    entry.doc = result.value;
    entry.version = event.position;
    entry.dirty = true;
    this.linked(documentId, result.value, event.position);
  }

  private linked(documentId: string, doc: TDoc, position: number): void {
    if (this.options.chain === undefined) return;
    this.previous = doc;
    this.chainHeadId = documentId;
    this.chainHeadPosition = position;
  }

  /** Writes the dirty ones of `entries`, finalized, in one `bulkWrite`; returns how many. */
  private async write(entries: readonly [string, CachedDocument<TDoc>][]): Promise<number> {
    const { definition, readStore, collection, chain } = this.options;
    const finalize = chain === undefined ? definition.fold?.finalize : undefined;
    const operations: WriteOperation[] = [];
    for (const [id, entry] of entries) {
      if (!entry.dirty) continue;
      const body = finalize === undefined ? entry.doc : finalize(entry.doc);
      operations.push(upsert({ id, version: entry.version, body: body as unknown as JsonObject }));
    }
    if (operations.length > 0) await readStore.bulkWrite(collection, operations);
    for (const [id, entry] of entries) {
      if (!entry.dirty) continue;
      entry.dirty = false;
      this.written.add(id);
    }
    return operations.length;
  }
}
