import { CURRENT_SCHEMA_VERSIONS, type EventEnvelope, type ProjectionDefinition } from '@crm/domain';

export interface CustomerRevisions {
  readonly [key: string]: unknown;
  readonly customerId: string;
  /** Revisions of the customer stream in the order they were applied. */
  readonly revisions: readonly number[];
}

const CUSTOMER_STREAM = /^customer-(.+)$/;

/** Records the order a customer's events were applied in: a skipped or reordered event shows as a gap. */
export const customerRevisions: ProjectionDefinition<CustomerRevisions> = {
  name: 'customer-revisions',
  version: 1,
  handles: Object.keys(CURRENT_SCHEMA_VERSIONS),
  documentId: (event: EventEnvelope) => CUSTOMER_STREAM.exec(event.streamId)?.[1] ?? null,
  initial: (customerId) => ({ customerId, revisions: [] }),
  evolve: (doc, event) => ({ ...doc, revisions: [...doc.revisions, event.revision] }),
};
