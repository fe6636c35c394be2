import type { Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { withChanges } from './document-copy';

/** A tier change ends any outstanding downgrade warning, as in the domain's customer state. */
export const applyTierChanged = (doc: Customer360, event: CustomerEnvelopeOf<'TierChanged'>): Customer360 => {
  const { from, to, reason, qualifyingSpend, asOf } = event.data;
  return withChanges(doc, {
    tier: to,
    loyalty: {
      ...doc.loyalty,
      downgradeWarning: null,
      history: [...doc.loyalty.history, { from, to, reason, qualifyingSpend, asOf, at: event.occurredAt }],
    },
  });
};

export const applyTierDowngradeWarned = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'TierDowngradeWarned'>,
): Customer360 => {
  const { tier, qualifyingSpend, graceUntil } = event.data;
  return withChanges(doc, {
    loyalty: {
      ...doc.loyalty,
      downgradeWarning: { tier, qualifyingSpend, graceUntil, warnedAt: event.occurredAt },
    },
  });
};

export const applyTierDowngradeCancelled = (doc: Customer360): Customer360 =>
  withChanges(doc, { loyalty: { ...doc.loyalty, downgradeWarning: null } });

export const applyTierFloorSet = (doc: Customer360, event: CustomerEnvelopeOf<'TierFloorSet'>): Customer360 =>
  withChanges(doc, { loyalty: { ...doc.loyalty, floor: event.data.tier } });
