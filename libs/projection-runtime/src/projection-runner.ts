import type { EventEnvelope, ProjectionDocument } from '@crm/domain';
import { collectionName, storageName } from './collection-name';
import { CollectionWriter } from './collection-writer';
import { countEvents } from './count-events';
import { DEAD_LETTERS } from './dead-letter';
import type { ProjectionRunnerOptions } from './projection-runner-options';
import type { ProjectionStatus, RunnerState } from './projection-status';
import { projectionTarget } from './projection-target';
import { RateMeter } from './rate-meter';
import { TailBuffer } from './tail-buffer';

/** Documents a runner keeps between batches by default: ~13 MB of heap for customer-360's (ADR 0011, 0015). */
export const DEFAULT_DOCUMENT_CACHE_SIZE = 2_000;

const DEFAULT_RUNNER_BATCH_SIZE = 2_000;

/**
 * Runs one projection from an event source into its target collection (DESIGN §6): `<name>_v<version>`,
 * or the rebuild of it that the alias serves (`projectionTarget`). Each batch writes its documents, then
 * its dead letters, then its checkpoint; the documents' version fence makes a batch replayed after a
 * crash change nothing.
 */
export class ProjectionRunner<TDoc extends ProjectionDocument = ProjectionDocument> {
  /** `<name>_v<version>`: the runner's identity in a host, whatever collection it currently writes. */
  readonly collection: string;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly clock: () => Date;
  private readonly rate = new RateMeter();
  private prepared: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private tail: TailBuffer | undefined;
  private state: RunnerState = 'idle';
  private position: number | undefined;
  private newestProcessed: EventEnvelope | undefined;
  private writer: CollectionWriter<TDoc> | undefined;
  private lastError: string | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(private readonly options: ProjectionRunnerOptions<TDoc>) {
    this.collection = collectionName(options.definition);
    this.batchSize = options.batchSize ?? DEFAULT_RUNNER_BATCH_SIZE;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Catches up, then follows new events until `stop()`; a failed batch is retried after a delay. */
  start(): void {
    void this.claim(() => this.supervise());
  }

  /** Finishes the batch in hand, saves its checkpoint and returns. */
  async stop(): Promise<void> {
    if (this.running === undefined) return;
    this.state = 'stopping';
    this.wakeRetry?.();
    await this.tail?.close();
    await this.running;
  }

  /** Processes until the checkpoint reaches `position`, waiting for events not yet appended. */
  async runUntil(position: number): Promise<void> {
    await this.claim(() => this.run(position));
  }

  /** Processes until the head of the log as it is now. */
  async catchUp(): Promise<void> {
    await this.runUntil(await this.options.source.headPosition());
  }

  async status(): Promise<ProjectionStatus> {
    const { definition, source, readStore } = this.options;
    await this.ready();
    const target = await projectionTarget(readStore, definition);
    const [headPosition, position, deadLetters] = await Promise.all([
      source.headPosition(),
      (this.writer?.collection === target ? this.position : undefined) ??
        readStore.getCheckpoint(target).then((checkpoint) => checkpoint?.position ?? 0),
      readStore.count(DEAD_LETTERS.name, [{ field: 'projection', op: 'eq', value: target }]),
    ]);
    const now = this.clock().getTime();
    // Counted, not head - position: EventStoreDB's positions are byte offsets (ADR 0003).
    const lagEvents = (await countEvents(source, position, headPosition)).count;
    const newest = this.newestProcessed;
    return {
      name: definition.name,
      version: definition.version,
      collection: target,
      state: this.state,
      position,
      headPosition,
      lagEvents,
      lagMs: lagEvents === 0 ? 0 : newest && Math.max(now - Date.parse(newest.recordedAt), 0),
      eventsPerSecond: this.rate.perSecond(now),
      deadLetters,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private claim(work: () => Promise<void>): Promise<void> {
    if (this.running !== undefined) throw new Error(`Projection ${this.collection} is already running`);
    this.state = 'running';
    const running = work().finally(() => {
      this.running = undefined;
      this.state = 'idle';
    });
    this.running = running;
    return running;
  }

  private async supervise(): Promise<void> {
    while (this.state === 'running') {
      try {
        await this.run(undefined);
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryDelayMs ?? 1_000);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Runs on the projection's current target; a swap of its alias ends the pass and starts one on the new target. */
  private async run(until: number | undefined): Promise<void> {
    await this.ready();
    while ((await this.runOn(await this.targetWriter(), until)) === 'retargeted');
  }

  private async runOn(
    writer: CollectionWriter<TDoc>,
    until: number | undefined,
  ): Promise<'done' | 'retargeted'> {
    const { source } = this.options;
    let position = await writer.checkpoint();
    this.position = position;
    const done = () => this.state !== 'running' || (until !== undefined && position >= until);
    // Checked before each batch: a batch already applied to the old target is re-read from the new one's checkpoint.
    const moved = async () =>
      (await projectionTarget(this.options.readStore, this.options.definition)) !== writer.collection;

    while (!done()) {
      const batch = await source.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      if (await moved()) return 'retargeted';
      position = await this.apply(writer, batch);
    }
    if (done()) return 'done';

    const tail = new TailBuffer(source.subscribeToAll({ after: position }), this.batchSize * 2);
    this.tail = tail;
    try {
      while (!done()) {
        const batch = await tail.take(this.batchSize);
        if (batch.length === 0) return 'done';
        if (await moved()) return 'retargeted';
        position = await this.apply(writer, batch);
      }
      return 'done';
    } finally {
      this.tail = undefined;
      await tail.close();
    }
  }

  private async targetWriter(): Promise<CollectionWriter<TDoc>> {
    const { definition, readStore, chain, poison, documentCacheSize } = this.options;
    const collection = await projectionTarget(readStore, definition);
    if (this.writer?.collection !== collection) {
      this.writer = await CollectionWriter.open({
        definition,
        readStore,
        collection,
        maxAttempts: this.maxAttempts,
        poison,
        chain,
        clock: this.clock,
        documentCacheSize: documentCacheSize ?? DEFAULT_DOCUMENT_CACHE_SIZE,
      });
    }
    return this.writer;
  }

  private ready(): Promise<void> {
    this.prepared ??= this.prepare().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  private async prepare(): Promise<void> {
    const { definition, readStore } = this.options;
    await readStore.ensureCollection({ name: this.collection, fields: definition.fields ?? [] });
    await readStore.ensureCollection(DEAD_LETTERS);
    const alias = storageName(definition.name);
    if ((await readStore.resolveAlias(alias)) === undefined) await readStore.setAlias(alias, this.collection);
  }

  private async apply(writer: CollectionWriter<TDoc>, batch: readonly EventEnvelope[]): Promise<number> {
    const { position, applied, deadLettered, completedAt } = await writer.apply(batch);
    this.position = position;
    this.newestProcessed = batch[batch.length - 1];
    this.lastError = undefined;
    this.rate.record(batch.length, completedAt.getTime());
    this.options.onBatch?.({ events: batch, position, applied, deadLettered, completedAt });
    return position;
  }
}
