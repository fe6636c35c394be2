import type Database from 'better-sqlite3';
import { deliverBatch } from '../../deliver-batch';
import type { BusConsumer, ConsumedBatch, ConsumedMessage, ConsumeOptions } from '../../event-bus';

interface MessageRow {
  readonly message_offset: number;
  readonly key: string;
  readonly value: string;
  readonly headers: string;
}

/**
 * The only member of its group: it reads every partition in turn from the group's committed offsets and
 * commits after each handled batch. Rebalancing between members is Kafka's job, not modelled here.
 */
export class SqliteConsumer implements BusConsumer {
  private running = true;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly partitionsOf: Database.Statement<[string], { partitions: number }>;
  private readonly committedOf: Database.Statement<[string, string, number], { next_offset: number }>;
  private readonly read: Database.Statement<[string, number, number, number], MessageRow>;
  private readonly commit: Database.Statement<[string, string, number, number]>;

  constructor(
    db: Database.Database,
    private readonly options: ConsumeOptions,
    private readonly pollIntervalMs: number,
  ) {
    this.partitionsOf = db.prepare('SELECT partitions FROM topics WHERE name = ?');
    this.committedOf = db.prepare(
      'SELECT next_offset FROM group_offsets WHERE group_id = ? AND topic = ? AND partition_no = ?',
    );
    this.read = db.prepare(
      `SELECT message_offset, key, value, headers FROM messages
        WHERE topic = ? AND partition_no = ? AND message_offset >= ? ORDER BY message_offset LIMIT ?`,
    );
    this.commit = db.prepare(
      `INSERT INTO group_offsets (group_id, topic, partition_no, next_offset) VALUES (?, ?, ?, ?)
         ON CONFLICT (group_id, topic, partition_no) DO UPDATE SET next_offset = excluded.next_offset`,
    );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const delivered = await this.pass();
      if (!delivered) await this.pause(this.pollIntervalMs);
    }
  }

  /** One batch from each partition that has messages; false when none had. */
  private async pass(): Promise<boolean> {
    const { topic, groupId } = this.options;
    const partitions = this.partitionsOf.get(topic)?.partitions ?? 0;
    let delivered = false;
    for (let partition = 0; partition < partitions && this.running; partition++) {
      const from = this.committedOf.get(groupId, topic, partition)?.next_offset ?? 0;
      const messages = this.read.all(topic, partition, from, this.options.maxBatchSize).map(toMessage);
      if (messages.length === 0) continue;
      delivered = true;
      const batch: ConsumedBatch = { topic, partition, messages };
      const handled = await deliverBatch(this.options, batch, {
        isRunning: () => this.running,
        pause: (ms) => this.pause(ms),
      });
      if (handled) this.commit.run(groupId, topic, partition, messages[messages.length - 1].offset + 1);
    }
    return delivered;
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const toMessage = (row: MessageRow): ConsumedMessage => ({
  offset: row.message_offset,
  key: row.key,
  value: row.value,
  headers: JSON.parse(row.headers) as Record<string, string>,
});
