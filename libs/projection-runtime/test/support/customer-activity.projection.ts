import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';

export interface CustomerActivity {
  readonly [key: string]: unknown;
  readonly customerId: string;
  readonly events: number;
  readonly revisions: readonly number[];
  readonly lastType: string | null;
}

/** A projection small enough to check by hand: events per customer and the revisions applied. */
export const customerActivity: ProjectionDefinition<CustomerActivity> = {
  name: 'customer-activity',
  version: 1,
  handles: ['CustomerRegistered', 'Purchased', 'Poisoned'],
  documentId: (event: EventEnvelope) => event.streamId.replace(/^customer-/, ''),
  initial: (customerId) => ({ customerId, events: 0, revisions: [], lastType: null }),
  evolve: (doc, event) => {
    if (event.type === 'Poisoned') throw new Error(`cannot apply ${event.id}`);
    return {
      ...doc,
      events: doc.events + 1,
      revisions: [...doc.revisions, event.revision],
      lastType: event.type,
    };
  },
  fields: [{ path: 'events', type: 'number' }],
};
