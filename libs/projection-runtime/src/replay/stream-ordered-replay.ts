import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { CollectionSpec, JsonObject, ReadStore, StoredDocument } from '@crm/read-store/read-store';
import { attempt } from '../attempt';
import {
  DEAD_LETTERS,
  type DeadLetter,
  deadLetter,
  deadLetterDocument,
  PoisonEventError,
} from '../dead-letter';
import type { EventSource, StreamCursor } from '../event-source';
import { handledEvent } from '../handled-event';
import { routeBatch } from '../route-batch';
import { streamPages } from './stream-pages';

/**
 * Documents written per `bulkWrite` (one transaction). Finished documents wait in memory until then: 500
 * (was 1,000) lowered a 1,000,000-event customer-360 rebuild's peak RSS by ~15 MB at no measurable cost.
 */
const WRITE_BATCH = 500;
/**
 * Events per page read at most, whatever the batch size: once pages are read ahead on another thread their
 * number costs nothing, and smaller pages keep the pages in flight small (peak RSS of a 1,000,000-event
 * customer-360 rebuild ~330 MB with pages of 5,000, ~260 MB with 1,000).
 */
const MAX_PAGE_EVENTS = 1_000;

/** One document per collection being filled stream by stream: where to go on after an interruption. */
export const STREAM_REPLAYS: CollectionSpec = { name: 'projection_stream_replays', fields: [] };

interface StreamReplayRecord {
  /** The position the pass reads to; its checkpoint once done. */
  readonly until: number;
  /** The last event of the streams written so far. */
  readonly after?: StreamCursor;
}

export interface StreamOrderedReplayOptions<TDoc extends ProjectionDocument> {
  readonly definition: ProjectionDefinition<TDoc>;
  readonly source: EventSource;
  readonly readStore: ReadStore;
  readonly collection: string;
  readonly maxAttempts: number;
  readonly poison?: 'dead-letter' | 'halt';
  readonly batchSize: number;
  /** Documents queued at most before they are written (bounded by `WRITE_BATCH`). */
  readonly cacheDocuments: number;
  readonly clock: () => Date;
}

interface OpenDocument<TDoc> {
  readonly streamId: string;
  doc: TDoc;
  version: number;
  changed: boolean;
}

/**
 * Fills a new collection from position 0 stream by stream (ADR 0011), for a projection whose documents
 * each follow one stream (`oneStreamPerDocument`) from a source that reads that way (`readAllByStream`):
 * each document is folded from its first event to its last in one go, written once, and forgotten, so
 * memory holds one stream's documents and no document is read back. Within a stream the order is the
 * global order, so the documents are those of a replay in global order.
 *
 * The checkpoint is saved once, at `until`, when every stream is done; until then a record keeps the last
 * stream written, so an interrupted pass resumes after it (reading back what it may have written past
 * it, which the version fence makes harmless). The collection is created bare and indexed at the end.
 */
export class StreamOrderedReplay<TDoc extends ProjectionDocument = ProjectionDocument> {
  private readonly open = new Map<string, OpenDocument<TDoc>>();
  private readonly handled: ReadonlySet<string>;
  private queued: StoredDocument[] = [];
  private deadLetters: DeadLetter[] = [];
  private resumeAfter: StreamCursor | undefined;
  private recordVersion = 0;

  private constructor(
    private readonly options: StreamOrderedReplayOptions<TDoc>,
    private record: StreamReplayRecord | undefined,
  ) {
    this.handled = new Set(options.definition.handles);
  }

  /** The pass an earlier run left unfinished in `collection`, if any. */
  static async pending<TDoc extends ProjectionDocument>(
    options: StreamOrderedReplayOptions<TDoc>,
  ): Promise<StreamOrderedReplay<TDoc> | undefined> {
    await options.readStore.ensureCollection(STREAM_REPLAYS);
    const stored = await options.readStore.get(STREAM_REPLAYS.name, options.collection);
    if (stored === undefined || stored.body.done === true) return undefined;
    const replay = new StreamOrderedReplay(options, stored.body as unknown as StreamReplayRecord);
    replay.recordVersion = stored.version;
    return replay;
  }

  /** A new pass to `until` into `collection`, which must not exist yet. */
  static async start<TDoc extends ProjectionDocument>(
    options: StreamOrderedReplayOptions<TDoc>,
    until: number,
  ): Promise<StreamOrderedReplay<TDoc>> {
    const { readStore, collection } = options;
    await readStore.ensureCollection(STREAM_REPLAYS);
    const stored = await readStore.get(STREAM_REPLAYS.name, collection);
    const replay = new StreamOrderedReplay(options, undefined);
    replay.recordVersion = stored?.version ?? 0;
    await readStore.ensureCollection({ name: collection, fields: [] });
    await readStore.ensureCollection(DEAD_LETTERS);
    await replay.saveRecord({ until });
    return replay;
  }

  get until(): number {
    return (this.record as StreamReplayRecord).until;
  }

  /**
   * Reads and folds to `until`, or until `signal` aborts (after the page in hand, everything written);
   * `onEvents` gets the events read so far after each page. Returns whether it got to the end. The next
   * page is read ahead meanwhile where the source can (`readAllByStreamPages`); leaving the loop stops it.
   */
  async run(signal: AbortSignal | undefined, onEvents: (events: number) => void): Promise<boolean> {
    const { source } = this.options;
    const pageSize = Math.min(this.options.batchSize, MAX_PAGE_EVENTS);
    const resumed = this.record?.after !== undefined;
    let after = this.record?.after;
    let events = 0;
    let aborted = signal?.aborted === true;
    if (!aborted) {
      for await (const page of streamPages(source, { until: this.until, after, pageSize })) {
        await this.fold(page, resumed);
        after = page[page.length - 1];
        events += page.length;
        // The page's last stream may go on in the next page: its documents stay open.
        await this.close(after.streamId, lastStreamStart(page), false);
        onEvents(events);
        aborted = signal?.aborted === true;
        if (aborted) break;
      }
    }
    if (aborted) {
      await this.close(undefined, after, true);
      return false;
    }
    await this.finish();
    onEvents(events);
    return true;
  }

  private async fold(page: readonly EventEnvelope[], resumed: boolean): Promise<void> {
    // A resumed pass may have written documents past the record before it stopped: read those back.
    if (resumed) await this.openStored(page);
    for (const stored of page) {
      const event = handledEvent(this.handled, stored);
      if (event === undefined) continue;
      const documentId = this.tryOrDeadLetter(event, () => this.options.definition.documentId(event));
      if (documentId === undefined || documentId === null) continue;
      const entry = this.opened(documentId, event.streamId);
      if (event.position <= entry.version) continue;
      const next = this.tryOrDeadLetter(event, () => this.step(entry.doc, event));
      if (next === undefined) continue;
      entry.doc = next;
      entry.version = event.position;
      entry.changed = true;
    }
    if (this.deadLetters.length > 0 && this.options.poison === 'halt') {
      throw new PoisonEventError(this.deadLetters[0]);
    }
  }

  private step(doc: TDoc, event: EventEnvelope): TDoc {
    const { definition } = this.options;
    return definition.fold === undefined ? definition.evolve(doc, event) : definition.fold.step(doc, event);
  }

  /**
   * `call`'s value, or undefined once it failed `maxAttempts` times in all and the event is dead-lettered
   * (as `attempt` does, without its allocations on the way that does not throw).
   */
  private tryOrDeadLetter<T>(event: EventEnvelope, call: () => T): T | undefined {
    const { collection, maxAttempts } = this.options;
    try {
      return call();
    } catch (failure) {
      const retried = maxAttempts > 1 ? attempt(call, maxAttempts - 1) : undefined;
      if (retried?.ok) return retried.value;
      const error = retried?.error ?? (failure instanceof Error ? failure.message : String(failure));
      this.deadLetters.push(deadLetter(collection, event, { error, attempts: maxAttempts }));
      return undefined;
    }
  }

  private opened(documentId: string, streamId: string): OpenDocument<TDoc> {
    let entry = this.open.get(documentId);
    if (entry === undefined) {
      entry = { streamId, doc: this.options.definition.initial(documentId), version: 0, changed: false };
      this.open.set(documentId, entry);
    }
    return entry;
  }

  private async openStored(page: readonly EventEnvelope[]): Promise<void> {
    const { definition, collection, maxAttempts, readStore } = this.options;
    const missing = new Map<string, string>();
    for (const { event, documentId } of routeBatch(definition, collection, page, maxAttempts).routed) {
      if (!this.open.has(documentId)) missing.set(documentId, event.streamId);
    }
    if (missing.size === 0) return;
    const stored = await readStore.getMany(collection, [...missing.keys()]);
    for (const [id, document] of stored) {
      const streamId = missing.get(id) as string;
      this.open.set(id, {
        streamId,
        doc: document.body as unknown as TDoc,
        version: document.version,
        changed: false,
      });
    }
  }

  /**
   * Forgets the open documents of every stream but `keep`, queueing the changed ones for writing, with
   * `done` (the last event of the streams closed) as where to resume. The queue is written, with the dead
   * letters and then the record, once it is full, or now when `force`d.
   */
  private async close(
    keep: string | undefined,
    done: StreamCursor | undefined,
    force: boolean,
  ): Promise<void> {
    const finalize = this.options.definition.fold?.finalize;
    for (const [id, entry] of this.open) {
      if (entry.streamId === keep) continue;
      this.open.delete(id);
      if (!entry.changed) continue;
      const body = finalize === undefined ? entry.doc : finalize(entry.doc);
      this.queued.push({ id, version: entry.version, body: body as unknown as JsonObject });
    }
    if (done !== undefined) this.resumeAfter = cursorOf(done);
    if (force || this.queued.length >= Math.min(WRITE_BATCH, this.options.cacheDocuments)) await this.write();
  }

  private async write(): Promise<void> {
    const { readStore, collection } = this.options;
    if (this.queued.length > 0) {
      await readStore.bulkWrite(
        collection,
        this.queued.map((document) => ({ kind: 'upsert', document })),
      );
      this.queued = [];
    }
    if (this.deadLetters.length > 0) {
      await readStore.bulkWrite(
        DEAD_LETTERS.name,
        this.deadLetters.map((letter) => ({ kind: 'upsert', document: deadLetterDocument(letter) })),
      );
      this.deadLetters = [];
    }
    if (this.resumeAfter !== undefined) {
      await this.saveRecord({ until: this.until, after: this.resumeAfter });
      this.resumeAfter = undefined;
    }
  }

  /** Writes what is open, checkpoints at `until`, indexes the collection and closes the record. */
  private async finish(): Promise<void> {
    const { definition, readStore, collection, clock } = this.options;
    await this.close(undefined, undefined, true);
    await readStore.saveCheckpoint(collection, { position: this.until, updatedAt: clock().toISOString() });
    await readStore.ensureCollection({ name: collection, fields: definition.fields ?? [] });
    this.recordVersion++;
    await readStore.bulkWrite(STREAM_REPLAYS.name, [
      { kind: 'upsert', document: { id: collection, version: this.recordVersion, body: { done: true } } },
    ]);
  }

  private async saveRecord(record: StreamReplayRecord): Promise<void> {
    this.record = record;
    this.recordVersion++;
    const body = JSON.parse(JSON.stringify(record)) as JsonObject;
    await this.options.readStore.bulkWrite(STREAM_REPLAYS.name, [
      { kind: 'upsert', document: { id: this.options.collection, version: this.recordVersion, body } },
    ]);
  }
}

const cursorOf = (event: StreamCursor): StreamCursor => ({
  streamId: event.streamId,
  revision: event.revision,
});

/** The event before the page's last stream begins: every stream up to it is complete. */
function lastStreamStart(page: readonly EventEnvelope[]): StreamCursor | undefined {
  const last = page[page.length - 1].streamId;
  let index = page.length - 1;
  while (index > 0 && page[index - 1].streamId === last) index--;
  return index === 0 ? undefined : page[index - 1];
}
