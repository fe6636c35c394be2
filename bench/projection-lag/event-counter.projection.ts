import type { ProjectionDefinition } from '@crm/domain';

export interface CustomerEventCount {
  readonly [key: string]: unknown;
  readonly customerId: string;
  readonly events: number;
  readonly lastPosition: number;
}

/** A trivial projection, so the benchmark measures the runner and the stores, not projection logic. */
export const eventCounter: ProjectionDefinition<CustomerEventCount> = {
  name: 'bench-event-counter',
  version: 1,
  handles: ['Purchased'],
  documentId: (event) => event.streamId,
  initial: (customerId) => ({ customerId, events: 0, lastPosition: 0 }),
  evolve: (doc, event) => ({ ...doc, events: doc.events + 1, lastPosition: event.position }),
};
