import {
  parseStreamName,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { applyEvent } from './apply-event';
import { evaluateChurn } from './churn';
import { historicalClv } from './clv';
import { compareInstants } from './instant-order';
import { emptyCustomer360, type Customer360 } from './customer-360.document';
import { CUSTOMER_EVENT_TYPES, isCustomerEventType, type CustomerEnvelope } from './customer-envelope';
import { prependToTimeline } from './timeline';
import { withChanges } from './document-copy';

export const CUSTOMER_360_NAME = 'customer-360';
export const CUSTOMER_360_VERSION = 3;

export const CUSTOMER_360_FIELDS: readonly ProjectionField[] = [
  { path: 'tier', type: 'string' },
  { path: 'stage', type: 'string' },
  { path: 'churnRisk', type: 'boolean' },
  { path: 'profile.nameLower', type: 'string' },
  { path: 'profile.emailLower', type: 'string' },
  { path: 'netSpend', type: 'number' },
  { path: 'lastPurchaseAt', type: 'string' },
];

/** The customer id of a `customer-<id>` stream event of a handled type; null otherwise. */
export const customer360DocumentId = (event: EventEnvelope): string | null => {
  if (!isCustomerEventType(event.type)) {
    return null;
  }
  const parsed = parseStreamName(event.streamId);
  return parsed !== null && parsed.category === 'customer' ? parsed.id : null;
};

const later = (current: string | null, candidate: string): string =>
  current === null || compareInstants(candidate, current) > 0 ? candidate : current;

/**
 * Time-based flags are evaluated as of the latest `occurredAt` applied (there is no clock). They are derived
 * from the rest of the document only, so a bulk replay computes them once per write (`fold.finalize`).
 */
export const withDerivedFlags = (doc: Customer360): Customer360 => {
  const churn = evaluateChurn(doc, doc.asOf);
  return withChanges(doc, { churn, churnRisk: churn.risk, clv: historicalClv(doc, doc.asOf) });
};

/** The document seen at `instant` (at or after its last event): every time-based figure evaluated there. */
export const withDerivedFlagsAt = (doc: Customer360, instant: string): Customer360 =>
  withDerivedFlags(withChanges(doc, { asOf: instant }));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `evolveCustomer360` without the derived flags: what changes per event. */
export const stepCustomer360 = (doc: Customer360, stored: EventEnvelope): Customer360 => {
  if (!isCustomerEventType(stored.type) || stored.revision <= doc.lastRevision) {
    return doc;
  }
  const event = stored as EventEnvelope & CustomerEnvelope;
  const applied = applyEvent(doc, event);
  const stamp = {
    lastRevision: event.revision,
    asOf: later(doc.asOf, event.occurredAt),
    timeline: prependToTimeline(applied.timeline, event),
  };
  if (applied === doc) return withChanges(doc, stamp);
  // Every apply* returns `doc` itself or a new spread of it that nothing else holds yet: stamping that new
  // object in place cannot be observed, and saves copying the whole document a second time per event.
  return Object.assign(applied as Mutable<Customer360>, stamp);
};

/**
 * Applies one stored event. Pure: events of other types, and events at or below the last applied
 * revision (redeliveries), leave the document as it is. The runtime hands it events upcast to their current
 * schema version (`handledEvent` in libs/projection-runtime).
 */
export const evolveCustomer360 = (doc: Customer360, stored: EventEnvelope): Customer360 => {
  const stepped = stepCustomer360(doc, stored);
  return stepped === doc ? doc : withDerivedFlags(stepped);
};

export const customer360: ProjectionDefinition<Customer360> = {
  name: CUSTOMER_360_NAME,
  version: CUSTOMER_360_VERSION,
  handles: CUSTOMER_EVENT_TYPES,
  documentId: customer360DocumentId,
  initial: emptyCustomer360,
  evolve: evolveCustomer360,
  fields: CUSTOMER_360_FIELDS,
  fold: { step: stepCustomer360, finalize: withDerivedFlags },
  oneStreamPerDocument: true,
};
