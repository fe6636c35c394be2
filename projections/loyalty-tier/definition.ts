import {
  DEFAULT_LOYALTY_POLICY,
  parseStreamName,
  type CustomerEvent,
  type EventEnvelope,
  type LoyaltyPolicy,
  type ProjectionDefinition,
  type ProjectionField,
  type SpendEntry,
} from '@crm/domain';
import { emptyLoyaltyTier, type LoyaltyTierDocument, type TierChange } from './loyalty-tier.document';
import { laterInstant, measureSpend } from './spend-window';

export const LOYALTY_TIER_NAME = 'loyalty-tier';
/** 2: `spend` holds columns of epoch ms and amount instead of `{ at, amount, currency }` entries (ADR 0035). */
export const LOYALTY_TIER_VERSION = 2;

export const LOYALTY_TIER_EVENT_TYPES = [
  'CustomerRegistered',
  'Purchased',
  'PurchaseReturned',
  'TierChanged',
  'TierDowngradeWarned',
  'TierDowngradeCancelled',
  'TierFloorSet',
  'CustomerErased',
] as const;

type LoyaltyTierEventType = (typeof LOYALTY_TIER_EVENT_TYPES)[number];
type LoyaltyTierEvent = Extract<CustomerEvent, { type: LoyaltyTierEventType }> &
  Omit<EventEnvelope, 'type' | 'data'>;

export const LOYALTY_TIER_FIELDS: readonly ProjectionField[] = [
  { path: 'tier', type: 'string' },
  { path: 'listed', type: 'boolean' },
  { path: 'qualifyingSpend', type: 'number' },
];

const isHandled = (type: string): type is LoyaltyTierEventType =>
  (LOYALTY_TIER_EVENT_TYPES as readonly string[]).includes(type);

/** The customer id of a handled `customer-<id>` event; null otherwise. */
export const loyaltyTierDocumentId = (event: EventEnvelope): string | null => {
  if (!isHandled(event.type)) {
    return null;
  }
  const parsed = parseStreamName(event.streamId);
  return parsed !== null && parsed.category === 'customer' ? parsed.id : null;
};

/** The signed spend movement an event brings, on the event's own date; null for other events. */
const spendEntryOf = (event: LoyaltyTierEvent): SpendEntry | null => {
  switch (event.type) {
    case 'Purchased':
      return { at: event.occurredAt, amount: event.data.amount.amount, currency: event.data.amount.currency };
    case 'PurchaseReturned':
      return {
        at: event.occurredAt,
        amount: -event.data.amount.amount,
        currency: event.data.amount.currency,
      };
    default:
      return null;
  }
};

const applyLoyaltyFacts = (doc: LoyaltyTierDocument, event: LoyaltyTierEvent): LoyaltyTierDocument => {
  switch (event.type) {
    case 'TierChanged': {
      const { from, to, reason, qualifyingSpend, asOf } = event.data;
      const change: TierChange = { from, to, reason, qualifyingSpend, asOf };
      // A tier change settles any outstanding warning, as in the domain's customer state.
      return {
        ...doc,
        tier: to,
        downgradeWarning: null,
        lastChange: change,
        history: [...doc.history, change],
      };
    }
    case 'TierDowngradeWarned': {
      const { tier, qualifyingSpend, graceUntil } = event.data;
      return { ...doc, downgradeWarning: { tier, qualifyingSpend, graceUntil, warnedAt: event.occurredAt } };
    }
    case 'TierDowngradeCancelled':
      return { ...doc, downgradeWarning: null };
    case 'TierFloorSet':
      // A floor protects against downgrades; it never raises the current tier.
      return { ...doc, floor: event.data.tier };
    case 'CustomerErased':
      return { ...doc, erased: true, listed: false };
    case 'CustomerRegistered':
    case 'Purchased':
    case 'PurchaseReturned':
      return doc;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

/**
 * Builds the evolve function for a policy. Pure: other event types and redeliveries (revision at or
 * below `lastRevision`) leave the document as it is; events come upcast to their current schema.
 * The tier itself is what the domain decided (`TierChanged`); this projection never re-decides it.
 */
export const evolveLoyaltyTier =
  (policy: LoyaltyPolicy = DEFAULT_LOYALTY_POLICY) =>
  (doc: LoyaltyTierDocument, stored: EventEnvelope): LoyaltyTierDocument => {
    if (!isHandled(stored.type) || stored.revision <= doc.lastRevision) {
      return doc;
    }
    const event = stored as LoyaltyTierEvent;
    const asOf = laterInstant(doc.asOf, event.occurredAt);
    const window = measureSpend(doc.spend, spendEntryOf(event), asOf, policy);
    return {
      ...applyLoyaltyFacts(doc, event),
      ...window,
      asOf,
      lastRevision: event.revision,
    };
  };

export const loyaltyTierProjection = (
  policy: LoyaltyPolicy = DEFAULT_LOYALTY_POLICY,
): ProjectionDefinition<LoyaltyTierDocument> => ({
  name: LOYALTY_TIER_NAME,
  version: LOYALTY_TIER_VERSION,
  handles: LOYALTY_TIER_EVENT_TYPES,
  documentId: loyaltyTierDocumentId,
  initial: emptyLoyaltyTier,
  evolve: evolveLoyaltyTier(policy),
  fields: LOYALTY_TIER_FIELDS,
});

export const loyaltyTier: ProjectionDefinition<LoyaltyTierDocument> = loyaltyTierProjection();
