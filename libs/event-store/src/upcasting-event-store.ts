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
} from './event-store';
import { mapPages } from './map-pages';

/** Turns an event as stored into its current schema (DESIGN §4): stored bytes never change. */
export type Upcast = (event: EventEnvelope) => EventEnvelope;

/** An EventStore whose every read passes through `upcast`; appends are written as given. */
export class UpcastingEventStore implements EventStore {
  readonly readAllByStream?: (options: ReadByStreamOptions) => Promise<EventEnvelope[]>;
  readonly readAllByStreamPages?: (options: ReadByStreamPagesOptions) => AsyncIterable<EventEnvelope[]>;
  readonly readEventById?: (eventId: string) => Promise<EventEnvelope | undefined>;

  constructor(
    private readonly inner: EventStore,
    private readonly upcast: Upcast,
  ) {
    const byStream = inner.readAllByStream?.bind(inner);
    if (byStream) this.readAllByStream = async (options) => (await byStream(options)).map(this.upcast);
    const pages = inner.readAllByStreamPages?.bind(inner);
    if (pages)
      this.readAllByStreamPages = (options) => mapPages(pages(options), (page) => page.map(this.upcast));
    const byId = inner.readEventById?.bind(inner);
    if (byId)
      this.readEventById = async (eventId) => {
        const event = await byId(eventId);
        return event === undefined ? undefined : this.upcast(event);
      };
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    return (await this.inner.readStream(streamId, options)).map(this.upcast);
  }

  async readAll(options: ReadAllOptions): Promise<EventEnvelope[]> {
    return (await this.inner.readAll(options)).map(this.upcast);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return new UpcastingSubscription(this.inner.subscribeToAll(options), this.upcast);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

class UpcastingSubscription implements Subscription {
  constructor(
    private readonly inner: Subscription,
    private readonly upcast: Upcast,
  ) {}

  close(): Promise<void> {
    return this.inner.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<EventEnvelope> {
    for await (const event of this.inner) yield this.upcast(event);
  }
}
