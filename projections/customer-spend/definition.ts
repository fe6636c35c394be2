import {
  parseStreamName,
  toEpochMs,
  withDatedAmount,
  type CustomerEvent,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { emptyCustomerSpend, type CustomerSpendDocument } from './customer-spend.document';

export const CUSTOMER_SPEND_NAME = 'customer-spend';
/** 2: `purchases` and `returns` as columns of epoch ms, amount and currency, not one `ledger` of objects (ADR 0035). */
export const CUSTOMER_SPEND_VERSION = 2;

export const CUSTOMER_SPEND_EVENT_TYPES = ['Purchased', 'PurchaseReturned', 'CustomerErased'] as const;

type CustomerSpendEventType = (typeof CUSTOMER_SPEND_EVENT_TYPES)[number];
type CustomerSpendEvent = Extract<CustomerEvent, { type: CustomerSpendEventType }> &
  Omit<EventEnvelope, 'type' | 'data'>;

export const CUSTOMER_SPEND_FIELDS: readonly ProjectionField[] = [
  { path: 'lastPurchaseMs', type: 'number' },
  { path: 'listed', type: 'boolean' },
];

const isHandled = (type: string): type is CustomerSpendEventType =>
  (CUSTOMER_SPEND_EVENT_TYPES as readonly string[]).includes(type);

/** The customer id of a handled `customer-<id>` event; null otherwise. */
export const customerSpendDocumentId = (event: EventEnvelope): string | null => {
  if (!isHandled(event.type)) {
    return null;
  }
  const parsed = parseStreamName(event.streamId);
  return parsed !== null && parsed.category === 'customer' ? parsed.id : null;
};

const purchased = (doc: CustomerSpendDocument, at: string, amount: number, currency: string) => {
  const ms = toEpochMs(at);
  const later = doc.lastPurchaseMs === null || ms > doc.lastPurchaseMs;
  return {
    ...doc,
    purchases: withDatedAmount(doc.purchases, ms, amount, currency),
    ...(later ? { lastPurchaseAt: at, lastPurchaseMs: ms } : {}),
  };
};

const apply = (doc: CustomerSpendDocument, event: CustomerSpendEvent): CustomerSpendDocument => {
  switch (event.type) {
    case 'Purchased':
      return purchased(doc, event.occurredAt, event.data.amount.amount, event.data.amount.currency);
    case 'PurchaseReturned': {
      const { amount, currency } = event.data.amount;
      return { ...doc, returns: withDatedAmount(doc.returns, toEpochMs(event.occurredAt), amount, currency) };
    }
    case 'CustomerErased':
      return { ...doc, erased: true, listed: false };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

/** Pure: other event types and redeliveries leave the document as it is; events come upcast (`Purchased` v2). */
export const evolveCustomerSpend = (
  doc: CustomerSpendDocument,
  stored: EventEnvelope,
): CustomerSpendDocument =>
  !isHandled(stored.type) || stored.revision <= doc.lastRevision
    ? doc
    : { ...apply(doc, stored as CustomerSpendEvent), lastRevision: stored.revision };

export const customerSpend: ProjectionDefinition<CustomerSpendDocument> = {
  name: CUSTOMER_SPEND_NAME,
  version: CUSTOMER_SPEND_VERSION,
  handles: CUSTOMER_SPEND_EVENT_TYPES,
  documentId: customerSpendDocumentId,
  initial: emptyCustomerSpend,
  evolve: evolveCustomerSpend,
  fields: CUSTOMER_SPEND_FIELDS,
};
