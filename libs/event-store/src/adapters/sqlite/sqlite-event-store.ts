import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { EventEnvelope, NewEvent } from '@crm/domain';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadByStreamOptions,
  ReadByStreamPagesOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../event-store';
import { type CommittedGroup, GroupCommitQueue, type GroupWrite } from './group-commit-queue';
import { type LogPage, PollingSubscription } from './polling-subscription';
import { prepareDatabase } from './schema';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { SqliteEventReader } from './sqlite-event-reader';
import type { SqliteEventStoreOptions } from './sqlite-event-store-options';
import { SqliteWriterThread } from './sqlite-writer-thread';
import { streamReadAhead } from './stream-read-ahead';

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_READ_AHEAD_PAGES = 2;
/** A filtered subscription scans this many pages' worth of positions per query (`pageOfTypes`). */
const TYPE_SCAN_PAGES = 10;

/** The embedded event store (DESIGN §2): one SQLite file in WAL mode, one `events` table. */
export class SqliteEventStore implements EventStore {
  private readonly queue: GroupCommitQueue;
  private readonly reader: SqliteEventReader;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly readAheads = new Set<Worker>();
  private readonly writerThread: SqliteWriterThread | undefined;
  private closed = false;

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    if (options.path === ':memory:' || options.path === '') {
      throw new RangeError(
        'SqliteEventStore needs a file path: an in-memory log is neither shared nor durable',
      );
    }
    mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    try {
      prepareDatabase(db, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
      return new SqliteEventStore(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.reader = new SqliteEventReader(db);
    if (options.writerThread) {
      this.writerThread = new SqliteWriterThread({
        path: options.path,
        busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      });
    }
    this.queue = new GroupCommitQueue(
      this.groupWrite(options.clock ?? (() => new Date())),
      { maxAppends: options.maxGroupAppends ?? 1_000, maxEvents: options.maxGroupEvents ?? 20_000 },
      (group) => this.afterCommit(group),
    );
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStore is closed'));
    return this.queue.enqueue(streamId, events, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    return this.reader.readStream(streamId, options);
  }

  async readAll(options: ReadAllOptions): Promise<EventEnvelope[]> {
    return this.reader.readAll(options.after, options.limit);
  }

  async readAllByStream(options: ReadByStreamOptions): Promise<EventEnvelope[]> {
    return this.reader.readAllByStream(options);
  }

  /** One lookup in the UNIQUE index on `id`. */
  async readEventById(eventId: string): Promise<EventEnvelope | undefined> {
    return this.reader.readEventById(eventId);
  }

  /** Read ahead on a worker thread (`readAheadPages`, default 2), or on this thread when it is 0. */
  readAllByStreamPages(options: ReadByStreamPagesOptions): AsyncIterable<EventEnvelope[]> {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const pagesAhead = this.options.readAheadPages ?? DEFAULT_READ_AHEAD_PAGES;
    if (pagesAhead === 0) return this.pagesOnThisThread(options);
    const busyTimeoutMs = this.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    return streamReadAhead(
      { ...options, path: this.options.path, pagesAhead, busyTimeoutMs },
      this.readAheads,
    );
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const batchSize = this.options.subscriptionBatchSize ?? 1_000;
    const { types } = options;
    const subscription = new PollingSubscription(
      (after) =>
        types === undefined ? this.pageAfter(after, batchSize) : this.pageOfTypes(after, types, batchSize),
      options.after,
      { pollIntervalMs: this.options.pollIntervalMs ?? 50, wakeIntervalMs: this.options.wakeIntervalMs ?? 0 },
      (closed) => this.subscriptions.delete(closed),
      types === undefined ? undefined : options.onProgress,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.reader.headPosition();
  }

  private pageAfter(after: number, limit: number): LogPage {
    const events = this.reader.readAll(after, limit);
    return { events, through: events.at(-1)?.position ?? after, atHead: events.length < limit };
  }

  /**
   * Events of `types` after `after`, scanning at most `limit` × 10 positions at a time so that a long run
   * of other types is skipped in bounded steps rather than in one long query.
   */
  private pageOfTypes(after: number, types: readonly string[], limit: number): LogPage {
    const head = this.reader.headPosition();
    const until = Math.min(head, after + limit * TYPE_SCAN_PAGES);
    const events = this.reader.readOfTypes(after, until, types, limit);
    if (events.length === limit) return { events, through: events[limit - 1].position, atHead: false };
    return { events, through: until, atHead: until >= head };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drain();
    await this.writerThread?.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await Promise.all([...this.readAheads].map((worker) => worker.terminate()));
    this.db.close();
  }

  /** The clock is read when a group is sent, once per group; the transaction stamps it on every event. */
  private groupWrite(clock: () => Date): GroupWrite {
    const thread = this.writerThread;
    if (thread !== undefined) return (group) => thread.write(group, clock().toISOString());
    const writer = new SqliteAppendWriter(this.db);
    return (group) => writer.write(group, clock().toISOString());
  }

  private async *pagesOnThisThread(options: ReadByStreamPagesOptions): AsyncGenerator<EventEnvelope[]> {
    const { until, pageSize } = options;
    let after = options.after;
    for (;;) {
      const page = this.reader.readAllByStream({ until, after, limit: pageSize });
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page[page.length - 1];
    }
  }

  private afterCommit(group: CommittedGroup): void {
    for (const subscription of this.subscriptions) subscription.wake();
    this.options.onGroupCommit?.(group);
  }
}
