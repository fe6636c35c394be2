import type { EventEnvelope } from '@crm/domain';

/** The part of the event store the keys need: the first event of a stream. */
export interface StreamReader {
  readStream(streamId: string, options: { readonly toRevision: number }): Promise<EventEnvelope[]>;
}

const CUSTOMER_STREAM = 'customer-';
const MAX_REMEMBERED = 100_000;

const customerIdIn = (event: EventEnvelope | undefined): string | undefined => {
  const data = event?.data as { readonly customerId?: unknown } | null | undefined;
  return typeof data?.customerId === 'string' ? data.customerId : undefined;
};

/**
 * The bus key of an event: the customer it belongs to, so that all of a customer's events share a partition
 * and keep their global order there. `customer-<id>` streams name the customer; an opportunity stream names
 * it only in its first event (`OpportunityOpened.customerId`), read once from the store and remembered, so
 * every event of the stream gets the same key. A stream that names no customer is keyed by its own name.
 */
export class CustomerKeys {
  private readonly streamCustomers = new Map<string, string>();

  constructor(private readonly store: StreamReader) {}

  async keyOf(event: EventEnvelope): Promise<string> {
    if (event.streamId.startsWith(CUSTOMER_STREAM)) return event.streamId.slice(CUSTOMER_STREAM.length);
    const known = this.streamCustomers.get(event.streamId);
    if (known !== undefined) return known;
    const customer =
      (event.revision === 0 ? customerIdIn(event) : undefined) ??
      customerIdIn((await this.store.readStream(event.streamId, { toRevision: 0 }))[0]) ??
      event.streamId;
    if (this.streamCustomers.size >= MAX_REMEMBERED) this.streamCustomers.clear();
    this.streamCustomers.set(event.streamId, customer);
    return customer;
  }
}
