import type { EventEnvelope } from '@crm/domain';
import type { EventFeed, EventSource } from './event-source';
import { SharedTail, type TailReader } from './shared-tail';

export interface SharedLogFeedOptions {
  /** Events the shared tail keeps for its slowest subscriber before detaching it. Default 10,000. */
  readonly capacity?: number;
  /** Events per `readAll` while a subscriber reads its own way up to the shared tail. Default 500. */
  readonly catchUpPageSize?: number;
}

/**
 * An event source whose live feeds share one subscription to the log (ADR 0016): each new page of the log
 * is read, decoded and upcast once, however many projections tail it. A subscriber behind the shared tail,
 * or detached from it for falling more than `capacity` events behind, reads its gap with `readAll` and
 * then joins. Every other read goes to the source as it is. Subscribers share the event objects.
 */
export class SharedLogFeed implements EventSource {
  readonly readAllByStream?: EventSource['readAllByStream'];
  readonly readAllByStreamPages?: EventSource['readAllByStreamPages'];
  private readonly capacity: number;
  private readonly catchUpPageSize: number;
  private tail: SharedTail | undefined;

  constructor(
    private readonly source: EventSource,
    options: SharedLogFeedOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.catchUpPageSize = options.catchUpPageSize ?? 500;
    this.readAllByStream = source.readAllByStream?.bind(source);
    this.readAllByStreamPages = source.readAllByStreamPages?.bind(source);
  }

  readAll(options: { readonly after: number; readonly limit: number }): Promise<readonly EventEnvelope[]> {
    return this.source.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.source.headPosition();
  }

  subscribeToAll(options: { readonly after: number }): EventFeed {
    if (this.tail === undefined || this.tail.done) {
      const readAhead = Math.max(1, Math.floor(this.capacity / 10));
      this.tail = new SharedTail(this.source, options.after, this.capacity, readAhead, (finished) => {
        if (this.tail === finished) this.tail = undefined;
      });
    }
    return new SharedTailFeed(this.tail, this.source, options.after, this.catchUpPageSize);
  }
}

/** One subscriber's view: its own catch-up reads while behind, the shared tail once it has caught up. */
class SharedTailFeed implements EventFeed, AsyncIterator<EventEnvelope> {
  private readonly reader: TailReader;
  private page: readonly EventEnvelope[] = [];
  private pageIndex = 0;
  private closed = false;
  private iterated = false;

  constructor(
    private readonly tail: SharedTail,
    private readonly source: EventSource,
    after: number,
    private readonly pageSize: number,
  ) {
    this.reader = { nextSeq: undefined, position: after, wake: undefined };
    tail.add(this.reader);
  }

  [Symbol.asyncIterator](): AsyncIterator<EventEnvelope> {
    if (this.iterated) throw new Error('A feed can be iterated only once');
    this.iterated = true;
    return this;
  }

  async next(): Promise<IteratorResult<EventEnvelope>> {
    try {
      const event = await this.nextEvent();
      if (event !== undefined) return { done: false, value: event };
    } catch (error) {
      await this.close();
      throw error;
    }
    await this.close();
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<EventEnvelope>> {
    await this.close();
    return { done: true, value: undefined };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const wake = this.reader.wake;
    this.reader.wake = undefined;
    wake?.();
    await this.tail.remove(this.reader);
  }

  /** The next event after the reader's position; `undefined` once closed or the log's subscription ended. */
  private async nextEvent(): Promise<EventEnvelope | undefined> {
    while (!this.closed) {
      if (this.pageIndex < this.page.length) return this.took(this.page[this.pageIndex++]);
      if (this.reader.nextSeq === undefined) {
        const joined = this.tail.attach(this.reader);
        if (joined === 'starting') await this.tail.changed(this.reader);
        else if (joined === 'behind') await this.readGap();
        else if (joined === 'finished') {
          this.tail.throwFailure();
          return undefined;
        }
        continue;
      }
      const read = this.tail.read(this.reader);
      if (typeof read === 'object') {
        if (read.position > this.reader.position) return this.took(read);
      } else if (read === 'wait') await this.tail.changed(this.reader);
      else if (read === 'detached') this.reader.nextSeq = undefined;
      else return undefined;
    }
    return undefined;
  }

  /** Reads the next page of the log after the reader's position, to catch up with the shared tail. */
  private async readGap(): Promise<void> {
    const after = this.reader.position;
    this.page = await this.source.readAll({ after, limit: this.pageSize });
    this.pageIndex = 0;
    // The shared tail starts at the head at most, so the log has events up to it: an empty page would loop.
    if (this.page.length === 0) throw new Error(`the log has no events after ${after} up to the shared tail`);
  }

  private took(event: EventEnvelope): EventEnvelope {
    this.reader.position = event.position;
    return event;
  }
}
