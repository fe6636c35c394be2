import type { EventEnvelope, NewEvent } from '@crm/domain';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadByStreamOptions,
  type ReadByStreamPagesOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  mapPages,
} from '@crm/event-store';
import { type PersonalDataCipher, personalDataSubject } from './personal-data-cipher';

/**
 * An EventStore that never lets personal data reach the adapter in clear (DESIGN §4): appends seal the
 * personal fields, reads open them (or show them erased). Appending `CustomerErased` destroys the
 * customer's key right after the event is stored; the erasure reactor completes it if the process dies in
 * between (docs/data-protection.md).
 */
export class EncryptingEventStore implements EventStore {
  /** The inner store's stream-by-stream reads, opened as `readAll` is, when it has them (ADR 0011). */
  readonly readAllByStream?: (options: ReadByStreamOptions) => Promise<EventEnvelope[]>;
  readonly readAllByStreamPages?: (options: ReadByStreamPagesOptions) => AsyncIterable<EventEnvelope[]>;
  /** The inner store's lookup by event id, opened as `readStream` is, when it has one (ADR 0014). */
  readonly readEventById?: (eventId: string) => Promise<EventEnvelope | undefined>;

  constructor(
    private readonly inner: EventStore,
    private readonly cipher: PersonalDataCipher,
  ) {
    const byStream = inner.readAllByStream?.bind(inner);
    if (byStream) this.readAllByStream = async (options) => cipher.openEvents(await byStream(options));
    const pages = inner.readAllByStreamPages?.bind(inner);
    if (pages)
      this.readAllByStreamPages = (options) => mapPages(pages(options), (page) => cipher.openEvents(page));
    const byId = inner.readEventById?.bind(inner);
    if (byId)
      this.readEventById = async (eventId) => {
        const event = await byId(eventId);
        return event === undefined ? undefined : (await cipher.openEvents([event]))[0];
      };
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const result = await this.inner.append(
      streamId,
      await this.cipher.sealEvents(streamId, events),
      expected,
    );
    const subjectId = personalDataSubject(streamId);
    if (subjectId !== null && events.some((event) => event.type === 'CustomerErased')) {
      await this.cipher.shred(subjectId);
    }
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    return this.cipher.openEvents(await this.inner.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<EventEnvelope[]> {
    return this.cipher.openEvents(await this.inner.readAll(options));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return new DecryptingSubscription(this.inner.subscribeToAll(options), this.cipher);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

class DecryptingSubscription implements Subscription {
  constructor(
    private readonly inner: Subscription,
    private readonly cipher: PersonalDataCipher,
  ) {}

  close(): Promise<void> {
    return this.inner.close();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<EventEnvelope> {
    for await (const event of this.inner) yield (await this.cipher.openEvents([event]))[0];
  }
}
