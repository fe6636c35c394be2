import type { EventEnvelope } from '@crm/domain';
import { project, testLog, type TestEvent } from './envelope';

/** An event of customer `c1`'s stream, as a spec states it. */
export type Given = Omit<TestEvent, 'streamId'>;

export const purchased = (at: string, amount: number, currency = 'TRY'): Given => ({
  type: 'Purchased',
  schemaVersion: 2,
  occurredAt: at,
  data: { purchaseId: `p-${at}`, amount: { amount, currency } },
});

export const returned = (at: string, amount: number): Given => ({
  type: 'PurchaseReturned',
  occurredAt: at,
  data: { returnId: `r-${at}`, purchaseId: 'p', amount: { amount, currency: 'TRY' } },
});

/** givenCustomer(definition, events) → `c1`'s document, folded the way the runner folds it. */
export const givenCustomer = <TDoc>(
  definition: Parameters<typeof project<TDoc>>[0],
  ...events: Given[]
): { events: EventEnvelope[]; doc: TDoc } => {
  const log = testLog();
  const stored = events.map((event) => log.append({ ...event, streamId: 'customer-c1' }));
  return { events: stored, doc: project(definition, stored).c1 };
};
