import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { ReadStore, StoredDocument, WriteOperation } from '@crm/read-store/read-store';
import { DEAD_LETTERS, deadLetterDocument, PoisonEventError } from './dead-letter';
import { CHAIN_HEADS, type DocumentChain } from './document-chain';
import { evolveBatch } from './evolve-batch';
import { routeBatch } from './route-batch';

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
 */
export class CollectionWriter<TDoc extends ProjectionDocument = ProjectionDocument> {
  private chainHeadId: string | undefined;

  private constructor(private readonly options: CollectionWriterOptions<TDoc>) {}

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
    const { definition, readStore, collection, maxAttempts, chain } = this.options;
    const routed = routeBatch(definition, collection, batch, maxAttempts);
    const ids = new Set(routed.routed.map((entry) => entry.documentId));
    if (this.chainHeadId !== undefined) ids.add(this.chainHeadId);
    const stored = ids.size === 0 ? new Map() : await readStore.getMany(collection, [...ids]);
    const evolved = evolveBatch({
      definition,
      projection: collection,
      routed: routed.routed,
      stored,
      maxAttempts,
      chain: chain && { step: chain, headId: this.chainHeadId },
    });
    const deadLetters = [...routed.deadLetters, ...evolved.deadLetters];
    if (deadLetters.length > 0 && this.options.poison === 'halt') throw new PoisonEventError(deadLetters[0]);

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
    const position = through;
    const completedAt = this.options.clock();
    await readStore.saveCheckpoint(collection, { position, updatedAt: completedAt.toISOString() });
    return { position, applied: evolved.applied, deadLettered: deadLetters.length, completedAt };
  }
}
