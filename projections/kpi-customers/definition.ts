import {
  type DatedAmounts,
  parseStreamName,
  withDatedAmount,
  toEpochMs,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { emptyKpiCustomer, type KpiCustomer } from './kpi-customer.document';

export const KPI_CUSTOMERS_NAME = 'kpi-customers';
/**
 * 2: `lastPosition`, so that the KPI aggregates read only the customers changed since they last looked.
 * 3: `purchases` and `returns` are columns of epoch ms, amount and currency instead of objects (ADR 0035).
 */
export const KPI_CUSTOMERS_VERSION = 3;

export const KPI_CUSTOMERS_FIELDS: readonly ProjectionField[] = [
  { path: 'leadMs', type: 'number' },
  { path: 'firstPurchaseMs', type: 'number' },
  { path: 'lastPurchaseMs', type: 'number' },
  { path: 'optInMs', type: 'number' },
  { path: 'lastPosition', type: 'number' },
];

const HANDLES = [
  'CustomerRegistered',
  'StageAdvanced',
  'ConsentGranted',
  'ConsentWithdrawn',
  'CustomerErased',
  'Purchased',
  'PurchaseReturned',
] as const;

/** Reaching any of these means the lead converted (a move may skip stages). */
const CONVERTED_STAGES: readonly unknown[] = ['customer', 'loyal', 'advocate'];

type Data = Readonly<Record<string, unknown>>;

export const kpiCustomerId = (event: EventEnvelope): string | null => {
  const stream = parseStreamName(event.streamId);
  return stream?.category === 'customer' ? stream.id : null;
};

const withEntry = (columns: DatedAmounts, event: EventEnvelope, atMs: number): DatedAmounts => {
  const { amount, currency } = (event.data as Data).amount as { amount: number; currency: string };
  return withDatedAmount(columns, atMs, amount, currency);
};

const earlier = (current: number | null, candidate: number): number =>
  current === null ? candidate : Math.min(current, candidate);
const later = (current: number | null, candidate: number): number =>
  current === null ? candidate : Math.max(current, candidate);

const isEmailMarketing = (data: Data): boolean => data.purpose === 'marketing' && data.channel === 'email';

const optIn = (doc: KpiCustomer, event: EventEnvelope, granted: boolean): KpiCustomer => {
  if (!isEmailMarketing(event.data as Data)) {
    return doc;
  }
  const at = event.occurredAt;
  const emailOptIns = [...doc.emailOptIns, { at, granted }];
  return granted
    ? { ...doc, emailOptIns, optInMs: earlier(doc.optInMs, toEpochMs(at)) }
    : { ...doc, emailOptIns };
};

const apply = (doc: KpiCustomer, event: EventEnvelope): KpiCustomer => {
  const at = event.occurredAt;
  switch (event.type) {
    case 'CustomerRegistered':
      return { ...doc, leadAt: at, leadMs: toEpochMs(at) };
    case 'StageAdvanced':
      return doc.customerAt === null && CONVERTED_STAGES.includes((event.data as Data).to)
        ? { ...doc, customerAt: at }
        : doc;
    case 'ConsentGranted':
      return optIn(doc, event, true);
    case 'ConsentWithdrawn':
      return optIn(doc, event, false);
    case 'CustomerErased':
      return { ...doc, erasedAt: at };
    case 'Purchased': {
      const ms = toEpochMs(at);
      return {
        ...doc,
        purchases: withEntry(doc.purchases, event, ms),
        firstPurchaseMs: earlier(doc.firstPurchaseMs, ms),
        lastPurchaseMs: later(doc.lastPurchaseMs, ms),
      };
    }
    case 'PurchaseReturned':
      return { ...doc, returns: withEntry(doc.returns, event, toEpochMs(at)) };
    default:
      return doc;
  }
};

/** Applies one stored event; redeliveries (revision at or below `lastRevision`) are skipped. */
export const evolveKpiCustomer = (doc: KpiCustomer, stored: EventEnvelope): KpiCustomer =>
  stored.revision <= doc.lastRevision
    ? doc
    : { ...apply(doc, stored), lastRevision: stored.revision, lastPosition: stored.position };

export const kpiCustomers: ProjectionDefinition<KpiCustomer> = {
  name: KPI_CUSTOMERS_NAME,
  version: KPI_CUSTOMERS_VERSION,
  handles: HANDLES,
  documentId: kpiCustomerId,
  initial: emptyKpiCustomer,
  evolve: evolveKpiCustomer,
  fields: KPI_CUSTOMERS_FIELDS,
};
