import {
  CURRENT_SCHEMA_VERSIONS,
  upcast,
  type CustomerEvent,
  type CustomerEventType,
  type EventEnvelope,
  type EventMetadata,
  type Money,
} from '@crm/domain';
import type { Customer360 } from './customer-360.document';
import { customer360 } from './definition';

/** Test helpers for the customer-360 specs: build envelopes, replay them, assert on the document. */

export const CUSTOMER_ID = 'c-1001';
export const STREAM_ID = `customer-${CUSTOMER_ID}`;

type DataOf<T extends CustomerEventType> = Extract<CustomerEvent, { type: T }>['data'];

/** An event before the store has stamped it: type, data and when it happened. */
export interface PastEvent {
  readonly type: CustomerEventType;
  readonly data: unknown;
  readonly occurredAt: string;
}

export const METADATA: EventMetadata = {
  actor: { id: 'agent-7', kind: 'user', roles: ['agent'] },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  source: 'spec',
};

export const event = <T extends CustomerEventType>(
  type: T,
  data: DataOf<T>,
  occurredAt: string,
): PastEvent => ({
  type,
  data,
  occurredAt,
});

/** A stored envelope, as the event store would return it. */
export const envelope = (
  past: PastEvent,
  revision: number,
  streamId = STREAM_ID,
  schemaVersion: number = CURRENT_SCHEMA_VERSIONS[past.type],
): EventEnvelope => ({
  id: `evt-${streamId}-${revision}`,
  type: past.type,
  schemaVersion,
  streamId,
  revision,
  position: 1000 + revision,
  occurredAt: past.occurredAt,
  recordedAt: past.occurredAt,
  data: past.data,
  metadata: METADATA,
});

/** Stamps a history with revisions 0, 1, 2, … in one customer stream. */
export const stamp = (history: readonly PastEvent[], streamId = STREAM_ID): EventEnvelope[] =>
  history.map((past, revision) => envelope(past, revision, streamId));

/** Folds stored envelopes as the runner does: upcast to their current schema, then `evolve`. */
export const replay = (envelopes: readonly EventEnvelope[], customerId = CUSTOMER_ID): Customer360 =>
  envelopes.map(upcast).reduce(customer360.evolve, customer360.initial(customerId));

export const project = (history: readonly PastEvent[]): Customer360 => replay(stamp(history));

interface Outcome {
  then(assert: (doc: Customer360) => void): void;
}

/** `given(history).when(event).then((doc) => …)`, or `given(history).then(…)` for the history alone. */
export const given = (history: readonly PastEvent[]) => ({
  when: (...events: PastEvent[]): Outcome => ({
    then: (assert) => assert(project([...history, ...events])),
  }),
  then: (assert: (doc: Customer360) => void): void => assert(project(history)),
});

export const tryAmount = (amount: number): Money => ({ amount, currency: 'TRY' });

export const registered = (occurredAt = '2026-01-01T09:00:00.000Z') =>
  event(
    'CustomerRegistered',
    {
      customerId: CUSTOMER_ID,
      name: 'Ayşe Yılmaz',
      email: 'Ayse.Yilmaz@Example.com.tr',
      phone: '+905551112233',
      address: { line1: 'Bağdat Cd. 12', city: 'İstanbul', country: 'TR' },
      registeredVia: 'web',
      stage: 'lead',
    },
    occurredAt,
  );

export const purchased = (purchaseId: string, amount: number, occurredAt: string, currency = 'TRY') =>
  event('Purchased', { purchaseId, amount: { amount, currency } }, occurredAt);

export const returned = (
  returnId: string,
  purchaseId: string,
  amount: number,
  occurredAt: string,
  currency = 'TRY',
) => event('PurchaseReturned', { returnId, purchaseId, amount: { amount, currency } }, occurredAt);

export const complained = (complaintId: string, occurredAt: string, slaHours = 72) =>
  event(
    'Complained',
    { complaintId, category: 'delivery', description: 'Kargo iki hafta gecikti', channel: 'call', slaHours },
    occurredAt,
  );

export const resolved = (complaintId: string, occurredAt: string, firstContact = true) =>
  event(
    'ComplaintResolved',
    { complaintId, firstContact, resolution: 'Kargo ücreti iade edildi' },
    occurredAt,
  );

export const reopened = (complaintId: string, occurredAt: string) =>
  event('ComplaintReopened', { complaintId, reason: 'İade gelmedi' }, occurredAt);

export const erased = (occurredAt: string) => event('CustomerErased', { reason: 'KVKK-2026-17' }, occurredAt);

/** Any event that moves only the "as of" instant forward (a survey answer). */
export const tick = (occurredAt: string) =>
  event('SatisfactionAnswered', { surveyId: 'tick', score: 5 }, occurredAt);

/** Day `n` after 2025-01-01T00:00:00Z as an ISO instant. */
export const day = (n: number, time = '00:00:00.000'): string =>
  new Date(Date.parse(`2025-01-01T${time}Z`) + n * 24 * 60 * 60 * 1000).toISOString();
