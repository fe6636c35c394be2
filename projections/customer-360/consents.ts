import type { ConsentPurpose, ContactChannel } from '@crm/domain';
import {
  CONSENT_HISTORY_LIMIT,
  type ActiveConsentView,
  type ConsentChange,
  type ConsentsView,
  type Customer360,
} from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';

const byPurposeThenChannel = (a: ActiveConsentView, b: ActiveConsentView): number =>
  a.purpose === b.purpose ? a.channel.localeCompare(b.channel) : a.purpose.localeCompare(b.purpose);

const withoutConsent = (
  active: readonly ActiveConsentView[],
  purpose: ConsentPurpose,
  channel: ContactChannel,
): ActiveConsentView[] => active.filter((c) => !(c.purpose === purpose && c.channel === channel));

const recordChange = (consents: ConsentsView, change: ConsentChange): readonly ConsentChange[] =>
  [change, ...consents.history].slice(0, CONSENT_HISTORY_LIMIT);

/** A grant replaces any active consent for the same purpose × channel. */
export const applyConsentGranted = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'ConsentGranted'>,
): Customer360 => {
  const { purpose, channel, legalBasis, source, evidenceRef } = event.data;
  const granted: ActiveConsentView = {
    purpose,
    channel,
    legalBasis,
    source,
    evidenceRef,
    grantedAt: event.occurredAt,
  };
  const active = [...withoutConsent(doc.consents.active, purpose, channel), granted].sort(
    byPurposeThenChannel,
  );
  const history = recordChange(doc.consents, {
    action: 'granted',
    purpose,
    channel,
    source,
    at: event.occurredAt,
  });
  return { ...doc, consents: { active, history } };
};

export const applyConsentWithdrawn = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'ConsentWithdrawn'>,
): Customer360 => {
  const { purpose, channel, source } = event.data;
  const history = recordChange(doc.consents, {
    action: 'withdrawn',
    purpose,
    channel,
    source,
    at: event.occurredAt,
  });
  return {
    ...doc,
    consents: { active: withoutConsent(doc.consents.active, purpose, channel), history },
  };
};
