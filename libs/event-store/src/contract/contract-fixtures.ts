import { randomUUID } from 'node:crypto';
import { type Opened, type OpenFactory, useOpened } from '@crm/test-support';
import type { EventEnvelope, EventMetadata, NewEvent } from '@crm/domain';
import type { EventStore, ExpectedRevision } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';

export type OpenedEventStore = Opened<EventStore>;

export type EventStoreFactory = OpenFactory<EventStore>;

/** Opens one store for the enclosing describe block; the server may be shared, so names are always fresh. */
export const useStore = (factory: EventStoreFactory): (() => EventStore) => useOpened(factory);

export function uniqueStreamId(label: string): string {
  return `contract_${label}-${randomUUID()}`;
}

export const sampleMetadata: EventMetadata = {
  actor: { id: 'svc-contract', kind: 'service', roles: ['service'] },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  source: 'event-store-contract',
};

let lastOccurredAt = Date.parse('2026-01-01T00:00:00.000Z');

export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  lastOccurredAt += 1_000;
  return {
    id: randomUUID(),
    type: 'ContractChecked',
    schemaVersion: 1,
    occurredAt: new Date(lastOccurredAt).toISOString(),
    data: { value: randomUUID() },
    metadata: sampleMetadata,
    ...overrides,
  };
}

export function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, () => newEvent());
}

export function expectStrictlyIncreasing(values: readonly number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}

export function expectContiguousRevisions(events: readonly EventEnvelope[]): void {
  expect(events.map((event) => event.revision)).toEqual(events.map((_, i) => i));
}

export async function expectWrongRevision(
  attempt: Promise<unknown>,
  streamId: string,
  expected: ExpectedRevision,
  actual: number,
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

/** Reads every event after `after` in pages of `limit`, keeping those that `keep` selects. */
export async function readAllPages(
  store: EventStore,
  after: number,
  limit: number,
  keep: (event: EventEnvelope) => boolean,
): Promise<{ kept: EventEnvelope[]; pages: EventEnvelope[][] }> {
  const kept: EventEnvelope[] = [];
  const pages: EventEnvelope[][] = [];
  for (let position = after; ; ) {
    const page = await store.readAll({ after: position, limit });
    if (page.length === 0) return { kept, pages };
    pages.push(page);
    kept.push(...page.filter(keep));
    position = page[page.length - 1].position;
  }
}

/** Pulls from a subscription until `count` events pass `keep`; other writers' events are skipped. */
export async function takeMatching(
  iterator: AsyncIterator<EventEnvelope>,
  count: number,
  keep: (event: EventEnvelope) => boolean,
): Promise<EventEnvelope[]> {
  const taken: EventEnvelope[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`Subscription ended after ${taken.length} of ${count} events`);
    if (keep(next.value)) taken.push(next.value);
  }
  return taken;
}

/** After close(), a subscription may still hand out what it had read, but must then finish. */
export async function expectEnds(
  iterator: AsyncIterator<EventEnvelope>,
  pending?: Promise<IteratorResult<EventEnvelope>>,
): Promise<void> {
  let next = pending ?? iterator.next();
  for (let i = 0; i < 100_000; i++) {
    if ((await next).done) return;
    next = iterator.next();
  }
  throw new Error('Subscription kept delivering after close()');
}
