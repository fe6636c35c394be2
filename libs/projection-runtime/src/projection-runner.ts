import type { EventEnvelope, ProjectionDocument } from '@crm/domain';
import type { StoredDocument, WriteOperation } from '@crm/read-store/read-store';
import { collectionName, storageName } from './collection-name';
import { DEAD_LETTERS, deadLetterDocument, PoisonEventError } from './dead-letter';
import { CHAIN_HEADS } from './document-chain';
import { evolveBatch } from './evolve-batch';
import type { ProjectionRunnerOptions } from './projection-runner-options';
import type { ProjectionStatus, RunnerState } from './projection-status';
import { RateMeter } from './rate-meter';
import { routeBatch } from './route-batch';
import { TailBuffer } from './tail-buffer';

const upsert = (document: StoredDocument): WriteOperation => ({ kind: 'upsert', document });

/**
 * Runs one projection from an event source into the read-store collection `<name>_v<version>`
 * (DESIGN §6). Each batch writes its documents, then its dead letters, then its checkpoint; the
 * documents' version fence makes a batch replayed after a crash change nothing.
 */
export class ProjectionRunner<TDoc extends ProjectionDocument = ProjectionDocument> {
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
  private chainHeadId: string | undefined;
  private lastError: string | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(private readonly options: ProjectionRunnerOptions<TDoc>) {
    this.collection = collectionName(options.definition);
    this.batchSize = options.batchSize ?? 500;
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
    const [headPosition, position, deadLetters] = await Promise.all([
      source.headPosition(),
      this.position ??
        readStore.getCheckpoint(this.collection).then((checkpoint) => checkpoint?.position ?? 0),
      readStore.count(DEAD_LETTERS.name, [{ field: 'projection', op: 'eq', value: this.collection }]),
    ]);
    const now = this.clock().getTime();
    const lagEvents = Math.max(headPosition - position, 0);
    const newest = this.newestProcessed;
    return {
      name: definition.name,
      version: definition.version,
      collection: this.collection,
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

  private async run(until: number | undefined): Promise<void> {
    const { source, readStore } = this.options;
    await this.ready();
    let position = (await readStore.getCheckpoint(this.collection))?.position ?? 0;
    this.position = position;
    const done = () => this.state !== 'running' || (until !== undefined && position >= until);

    while (!done()) {
      const batch = await source.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      position = await this.apply(batch);
    }
    if (done()) return;

    const tail = new TailBuffer(source.subscribeToAll({ after: position }), this.batchSize * 2);
    this.tail = tail;
    try {
      while (!done()) {
        const batch = await tail.take(this.batchSize);
        if (batch.length === 0) return;
        position = await this.apply(batch);
      }
    } finally {
      this.tail = undefined;
      await tail.close();
    }
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
    if (this.options.chain) {
      await readStore.ensureCollection(CHAIN_HEADS);
      const head = await readStore.get(CHAIN_HEADS.name, this.collection);
      this.chainHeadId = head === undefined ? undefined : String(head.body.documentId);
    }
    const alias = storageName(definition.name);
    if ((await readStore.resolveAlias(alias)) === undefined) await readStore.setAlias(alias, this.collection);
  }

  private async apply(batch: readonly EventEnvelope[]): Promise<number> {
    const { definition, readStore, chain } = this.options;
    const routed = routeBatch(definition, this.collection, batch, this.maxAttempts);
    const ids = new Set(routed.routed.map((entry) => entry.documentId));
    if (this.chainHeadId !== undefined) ids.add(this.chainHeadId);
    const stored = ids.size === 0 ? new Map() : await readStore.getMany(this.collection, [...ids]);
    const evolved = evolveBatch({
      definition,
      projection: this.collection,
      routed: routed.routed,
      stored,
      maxAttempts: this.maxAttempts,
      chain: chain && { step: chain, headId: this.chainHeadId },
    });
    const deadLetters = [...routed.deadLetters, ...evolved.deadLetters];
    if (deadLetters.length > 0 && this.options.poison === 'halt') throw new PoisonEventError(deadLetters[0]);

    if (evolved.documents.length > 0) {
      await readStore.bulkWrite(this.collection, evolved.documents.map(upsert));
    }
    if (deadLetters.length > 0) {
      await readStore.bulkWrite(
        DEAD_LETTERS.name,
        deadLetters.map((letter) => upsert(deadLetterDocument(letter))),
      );
    }
    if (evolved.chainHead !== undefined) {
      const { id, position } = evolved.chainHead;
      await readStore.bulkWrite(CHAIN_HEADS.name, [
        upsert({ id: this.collection, version: position, body: { documentId: id } }),
      ]);
      this.chainHeadId = id;
    }
    const position = batch[batch.length - 1].position;
    const completedAt = this.clock();
    await readStore.saveCheckpoint(this.collection, { position, updatedAt: completedAt.toISOString() });

    this.position = position;
    this.newestProcessed = batch[batch.length - 1];
    this.lastError = undefined;
    this.rate.record(batch.length, completedAt.getTime());
    this.options.onBatch?.({
      events: batch,
      position,
      applied: evolved.applied,
      deadLettered: deadLetters.length,
      completedAt,
    });
    return position;
  }
}
