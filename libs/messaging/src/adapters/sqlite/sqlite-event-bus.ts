import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  BusConsumer,
  BusMessage,
  ConsumeOptions,
  EventBus,
  PartitionLag,
  TopicSpec,
} from '../../event-bus';
import { partitionForKey } from '../../partition-for-key';
import { assertTopicSpec } from '../../topic-name';
import { prepareBusDatabase } from './schema';
import { SqliteConsumer } from './sqlite-consumer';

export interface SqliteEventBusOptions {
  /** The bus file, shared by the relay and projector processes; created with its directory when missing. */
  readonly path: string;
  /** How often an idle consumer looks for new messages. Default 50 ms. */
  readonly pollIntervalMs?: number;
  readonly busyTimeoutMs?: number;
}

/**
 * The embedded event bus: a topic log in one SQLite file, so that a relay and projectors in separate
 * processes share it without a broker. Keys pick partitions by hash; each partition keeps its own offsets;
 * each consumer group keeps its committed offsets. A commit of the SQLite transaction is the "ack".
 */
export class SqliteEventBus implements EventBus {
  private readonly consumers = new Set<BusConsumer>();

  static open(options: SqliteEventBusOptions): SqliteEventBus {
    mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    try {
      prepareBusDatabase(db, options.busyTimeoutMs ?? 5_000);
      return new SqliteEventBus(db, options.pollIntervalMs ?? 50);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
  ) {}

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    topics.forEach(assertTopicSpec);
    const insert = this.db.prepare(
      'INSERT INTO topics (name, partitions) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.db
      .transaction(() => topics.forEach((topic) => insert.run(topic.name, topic.partitions)))
      .immediate();
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    const partitions = this.partitionCount(topic);
    const nextOffset = this.db.prepare<[string, number], { next: number }>(
      'SELECT coalesce(max(message_offset) + 1, 0) AS next FROM messages WHERE topic = ? AND partition_no = ?',
    );
    const insert = this.db.prepare(
      `INSERT INTO messages (topic, partition_no, message_offset, key, value, headers)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.db
      .transaction(() => {
        const next = new Map<number, number>();
        for (const message of messages) {
          const partition = partitionForKey(message.key, partitions);
          const offset = next.get(partition) ?? nextOffset.get(topic, partition)?.next ?? 0;
          insert.run(topic, partition, offset, message.key, message.value, JSON.stringify(message.headers));
          next.set(partition, offset + 1);
        }
      })
      .immediate();
  }

  async consume(options: ConsumeOptions): Promise<BusConsumer> {
    this.partitionCount(options.topic);
    const consumer = new SqliteConsumer(this.db, options, this.pollIntervalMs);
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async groupLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const ends = this.db.prepare<[string, number], { end: number }>(
      'SELECT coalesce(max(message_offset) + 1, 0) AS end FROM messages WHERE topic = ? AND partition_no = ?',
    );
    const committed = this.db.prepare<[string, string, number], { next_offset: number }>(
      'SELECT next_offset FROM group_offsets WHERE group_id = ? AND topic = ? AND partition_no = ?',
    );
    return Array.from({ length: this.partitionCount(topic) }, (_, partition) => {
      const end = ends.get(topic, partition)?.end ?? 0;
      const next = committed.get(groupId, topic, partition)?.next_offset ?? null;
      return { partition, committed: next, earliest: 0, end, lag: end - (next ?? 0) };
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
    this.db.close();
  }

  private partitionCount(topic: string): number {
    const row = this.db
      .prepare<[string], { partitions: number }>('SELECT partitions FROM topics WHERE name = ?')
      .get(topic);
    if (row === undefined) throw new Error(`Unknown topic "${topic}": create it with ensureTopics first`);
    return row.partitions;
  }
}
