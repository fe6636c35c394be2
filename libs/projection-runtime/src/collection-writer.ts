import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { ReadStore, StoredDocument, WriteOperation } from '@crm/read-store/read-store';
import { DEAD_LETTERS, type DeadLetter, deadLetterDocument, PoisonEventError } from './dead-letter';
import { CHAIN_HEADS, type DocumentChain } from './document-chain';
import { type EvolvedBatch, evolveBatch } from './evolve-batch';
import { routeBatch } from './route-batch';
import { WrittenDocumentCache } from './written-document-cache';

const upsert = (document: StoredDocument): WriteOperation => ({ kind: 'upsert', document });

export interface CollectionWriterOptions<TDoc extends ProjectionDocument> {
  readonly definition: ProjectionDefinition<TDoc>;
  readonly readStore: ReadStore;
  /** The collection written, also the name of its checkpoint and chain head. */
  readonly collection: string;
  readonly maxAttempts: number;
  readonly poison?: 'dead-letter' | 'halt';
  readonly chain?: DocumentChain<TDoc>;
  readonly clock: () => Date;
  /**
   * Documents it wrote that it keeps for the next batches instead of reading them back (ADR 0015); 0, the
   * default, keeps none. Only for a writer that applies every event of its collection in order (the
   * runner): a writer that other writers' progress skips ahead (a consumer group's partitions move
   * between instances) would apply the next event to an outdated document.
   */
  readonly documentCacheSize?: number;
}

/** What one batch did, once its checkpoint is saved. */
export interface AppliedBatch {
  readonly position: number;
  readonly applied: number;
  readonly deadLettered: number;
  readonly completedAt: Date;
}

/**
 * Applies batches of the global log to one collection (DESIGN §6): documents, then dead letters, then the
 * chain head, then the checkpoint. The documents' version fence makes a batch applied twice change
 * nothing, which is what lets the runner survive a crash anywhere. Replays use `BulkCollectionWriter`
 * and `StreamOrderedReplay` instead (ADR 0011), with the same fences.
 *
 * The documents it wrote are kept (`documentCacheSize`) and not read again by the next batches (ADR 0015).
 * That is exact because nothing else makes the stored document differ from the kept one: only the runner
 * and replays write a projection's collections, a runner gets a new writer (an empty cache) whenever the
 * alias moves it to another collection, and any other writer of the same collection (a replay, another
 * process on the same files) folds the same events deterministically behind the same version fence, so it
 * can only be ahead of this one with what this one will compute itself. A batch that fails anywhere
 * empties the cache: a write may have half happened, and the chain head may point at a document the cache
 * holds an older copy of.
 */
export class CollectionWriter<TDoc extends ProjectionDocument = ProjectionDocument> {
  private chainHeadId: string | undefined;
  private readonly written: WrittenDocumentCache;

  private constructor(private readonly options: CollectionWriterOptions<TDoc>) {
    this.written = new WrittenDocumentCache(options.documentCacheSize ?? 0);
  }

  get collection(): string {
    return this.options.collection;
  }

  /** Ensures the collections it writes and loads where its chain ended. */
  static async open<TDoc extends ProjectionDocument>(
    options: CollectionWriterOptions<TDoc>,
  ): Promise<CollectionWriter<TDoc>> {
    const { definition, readStore, collection, chain } = options;
    const writer = new CollectionWriter(options);
    await readStore.ensureCollection({ name: collection, fields: definition.fields ?? [] });
    await readStore.ensureCollection(DEAD_LETTERS);
    if (chain) {
      await readStore.ensureCollection(CHAIN_HEADS);
      const head = await readStore.get(CHAIN_HEADS.name, collection);
      writer.chainHeadId = head === undefined ? undefined : String(head.body.documentId);
    }
    return writer;
  }

  /** Every event at or below it has been applied or dead-lettered; 0 for a new collection. */
  async checkpoint(): Promise<number> {
    return (await this.options.readStore.getCheckpoint(this.collection))?.position ?? 0;
  }

  /**
   * Applies `batch` and checkpoints at `through`, by default its last event; a replay that filters the
   * events it read still checkpoints the last one read.
   */
  async apply(
    batch: readonly EventEnvelope[],
    through: number = batch[batch.length - 1].position,
  ): Promise<AppliedBatch> {
    return this.guarded(batch, through);
  }

  /**
   * Applies a batch of one partition of a partitioned feed, where the checkpoint cannot follow it (other
   * partitions may be behind): it stays where it is, and is neither read nor written.
   */
  async applyWithinPartition(batch: readonly EventEnvelope[]): Promise<AppliedBatch> {
    return this.guarded(batch, null);
  }

  private async guarded(batch: readonly EventEnvelope[], through: number | null): Promise<AppliedBatch> {
    try {
      return await this.applyBatch(batch, through);
    } catch (error) {
      this.written.clear();
      throw error;
    }
  }

  private async applyBatch(batch: readonly EventEnvelope[], through: number | null): Promise<AppliedBatch> {
    const { definition, collection, maxAttempts, chain } = this.options;
    const routed = routeBatch(definition, collection, batch, maxAttempts);
    const ids = new Set(routed.routed.map((entry) => entry.documentId));
    if (this.chainHeadId !== undefined) ids.add(this.chainHeadId);
    const evolved = evolveBatch({
      definition,
      projection: collection,
      routed: routed.routed,
      stored: await this.load(ids),
      maxAttempts,
      chain: chain && { step: chain, headId: this.chainHeadId },
    });
    const deadLetters = [...routed.deadLetters, ...evolved.deadLetters];
    if (deadLetters.length > 0 && this.options.poison === 'halt') throw new PoisonEventError(deadLetters[0]);

    await this.write(evolved, deadLetters);
    const position = through ?? batch[batch.length - 1].position;
    const completedAt = this.options.clock();
    if (through !== null) {
      await this.options.readStore.saveCheckpoint(collection, {
        position,
        updatedAt: completedAt.toISOString(),
      });
    }
    this.written.remember(evolved.documents);
    return { position, applied: evolved.applied, deadLettered: deadLetters.length, completedAt };
  }

  /** The documents as stored: the ones this writer wrote from its cache, the others from the store. */
  private async load(ids: ReadonlySet<string>): Promise<ReadonlyMap<string, StoredDocument>> {
    const { found, missing } = this.written.lookup(ids);
    if (missing.length === 0) return found;
    const read = await this.options.readStore.getMany(this.collection, missing);
    for (const [id, document] of read) found.set(id, document);
    return found;
  }

  /** Documents, then dead letters, then the chain head. */
  private async write(evolved: EvolvedBatch, deadLetters: readonly DeadLetter[]): Promise<void> {
    const { readStore, collection } = this.options;
    if (evolved.documents.length > 0) await readStore.bulkWrite(collection, evolved.documents.map(upsert));
    if (deadLetters.length > 0) {
      await readStore.bulkWrite(
        DEAD_LETTERS.name,
        deadLetters.map((letter) => upsert(deadLetterDocument(letter))),
      );
    }
    if (evolved.chainHead !== undefined) {
      const { id, position } = evolved.chainHead;
      await readStore.bulkWrite(CHAIN_HEADS.name, [
        upsert({ id: collection, version: position, body: { documentId: id } }),
      ]);
      this.chainHeadId = id;
    }
  }
}
