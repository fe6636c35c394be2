import type { EventEnvelope } from '@crm/domain';
import type { EventFeed, EventSource } from './event-source';

/** Where a subscriber reads the shared tail: the sequence number of the next event it has not taken. */
export interface TailReader {
  /** Sequence number of the next buffered event to look at; `undefined` while the reader is not attached. */
  nextSeq: number | undefined;
  /** Position of the last event the reader has had. */
  position: number;
  /** Wakes the reader when the tail changes; set while it waits. */
  wake: (() => void) | undefined;
}

/** What the tail has for a reader: an event, nothing yet, or nothing at all any more. */
export type TailRead = EventEnvelope | 'wait' | 'detached' | 'ended';

/**
 * One subscription to the log after a position, read once and buffered for several readers, each at its own
 * sequence number. The buffer keeps the events the slowest attached reader has not taken, at most `capacity`;
 * a reader that falls further behind finds itself detached and reads its gap from the log. The subscription
 * is read ahead of the fastest reader by at most `readAhead` events, so no one reads for nobody.
 */
export class SharedTail {
  private readonly readers = new Set<TailReader>();
  private readonly buffer: EventEnvelope[] = [];
  /** Index in `buffer` of the oldest event kept (dropped events are compacted away in chunks). */
  private head = 0;
  /** Sequence number of `buffer[head]`. */
  private firstSeq = 0;
  /** Every event after this position is buffered or still to come; `undefined` until the tail has started. */
  private floor: number | undefined;
  private subscription: EventFeed | undefined;
  private failure: { readonly error: unknown } | undefined;
  private finished = false;
  private wakePump: (() => void) | undefined;
  private readonly pumping: Promise<void>;

  constructor(
    private readonly source: EventSource,
    after: number,
    private readonly capacity: number,
    private readonly readAhead: number,
    private readonly onFinish: (tail: SharedTail) => void,
  ) {
    this.pumping = this.pump(after);
  }

  get done(): boolean {
    return this.finished;
  }

  add(reader: TailReader): void {
    this.readers.add(reader);
  }

  /** Forgets the reader; the last one to leave stops the subscription. */
  async remove(reader: TailReader): Promise<void> {
    this.readers.delete(reader);
    if (this.readers.size > 0) return;
    this.finish();
    await this.subscription?.close();
    await this.pumping;
  }

  /**
   * Attaches a reader whose position the buffer covers. `behind`: the reader must read its gap from the log
   * first; `starting`: the subscription is not open yet; `finished`: `read` says how it ended.
   */
  attach(reader: TailReader): 'attached' | 'behind' | 'starting' | 'finished' {
    const seq = this.seqAfter(reader.position);
    if (seq === undefined) {
      if (this.finished) return 'finished';
      return this.floor === undefined ? 'starting' : 'behind';
    }
    reader.nextSeq = seq;
    this.signalPump();
    return 'attached';
  }

  /** The reader's next event, if the tail has it. A failure of the subscription is thrown once it is drained. */
  read(reader: TailReader): TailRead {
    const seq = reader.nextSeq;
    const tailSeq = this.firstSeq + this.buffer.length - this.head;
    if (seq !== undefined && seq >= this.firstSeq && seq < tailSeq) {
      reader.nextSeq = seq + 1;
      if (tailSeq - reader.nextSeq < this.readAhead) this.signalPump();
      return this.buffer[this.head + seq - this.firstSeq];
    }
    if (this.finished) {
      this.throwFailure();
      return 'ended';
    }
    return seq === undefined || seq < this.firstSeq ? 'detached' : 'wait';
  }

  /** Throws what ended the subscription, if it failed. */
  throwFailure(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }

  /** Resolves when an event is buffered, the tail starts, fails or ends, or the reader is woken. */
  changed(reader: TailReader): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise<void>((resolve) => (reader.wake = resolve));
  }

  /** `floor` only moves from `undefined` to a position the log has reached, or to a buffered event's. */
  private async pump(after: number): Promise<void> {
    try {
      // Started after the head at most, so a reader behind the floor always finds events in the log to read.
      const start = Math.min(after, await this.source.headPosition());
      if (this.finished) return;
      this.floor = start;
      this.subscription = this.source.subscribeToAll({ after: start });
      this.wakeReaders();
      for await (const event of this.subscription) {
        this.buffer.push(event);
        this.trim();
        this.wakeReaders();
        await this.demand();
        if (this.finished) break;
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.finish();
      this.onFinish(this);
    }
  }

  /** Waits until the fastest attached reader is fewer than `readAhead` events from the end of the buffer. */
  private async demand(): Promise<void> {
    while (!this.finished && !this.wanted()) {
      await new Promise<void>((resolve) => (this.wakePump = resolve));
    }
  }

  private wanted(): boolean {
    const tailSeq = this.firstSeq + this.buffer.length - this.head;
    for (const reader of this.readers) {
      if (reader.nextSeq !== undefined && tailSeq - reader.nextSeq < this.readAhead) return true;
    }
    return false;
  }

  /** Drops what every attached reader has taken, and beyond `capacity` what the slowest ones have not. */
  private trim(): void {
    const tailSeq = this.firstSeq + this.buffer.length - this.head;
    let needed = tailSeq;
    for (const reader of this.readers) {
      // A reader not attached yet keeps what it will attach to, if the buffer covers its position.
      const seq = reader.nextSeq ?? this.seqAfter(reader.position);
      if (seq !== undefined && seq >= this.firstSeq && seq < needed) needed = seq;
    }
    const keepFrom = Math.max(needed, tailSeq - this.capacity);
    if (keepFrom <= this.firstSeq) return;
    this.head += keepFrom - this.firstSeq;
    this.firstSeq = keepFrom;
    this.floor = this.buffer[this.head - 1].position;
    if (this.head >= 1_024 && this.head * 2 >= this.buffer.length) {
      this.buffer.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Sequence number of the first event after `position`, when the buffer covers it. */
  private seqAfter(position: number): number | undefined {
    if (this.floor === undefined || position < this.floor) return undefined;
    return this.firstSeq + this.firstAfter(position);
  }

  /** Index (from `head`) of the first buffered event after `position`: positions increase along the buffer. */
  private firstAfter(position: number): number {
    let low = this.head;
    let high = this.buffer.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.buffer[middle].position <= position) low = middle + 1;
      else high = middle;
    }
    return low - this.head;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.signalPump();
    this.wakeReaders();
  }

  private signalPump(): void {
    const wake = this.wakePump;
    this.wakePump = undefined;
    wake?.();
  }

  private wakeReaders(): void {
    for (const reader of this.readers) {
      const wake = reader.wake;
      reader.wake = undefined;
      wake?.();
    }
  }
}
