import { consentKey, type ConsentPurpose, type ContactChannel } from '@crm/domain';
import { CONSENT_SOURCES } from './catalogue';
import { customerCommand, later, nextOrdinal, type Action, type CustomerSim } from './customer-sim';
import { DAY_MS, SECOND_MS } from './time';

/** Share of customers that grant each purpose on each channel when they register. */
const CONSENT_OFFERS: ReadonlyArray<readonly [ConsentPurpose, ContactChannel, number]> = [
  ['marketing', 'email', 0.6],
  ['marketing', 'sms', 0.4],
  ['marketing', 'call', 0.12],
  ['profiling', 'email', 0.3],
  ['analytics', 'email', 0.45],
];

const WITHDRAWAL_SOURCES: Readonly<Record<ContactChannel, string>> = {
  email: 'unsubscribe-link',
  sms: 'sms-stop-reply',
  call: 'call-center',
};

const withdraw =
  (purpose: ConsentPurpose, channel: ContactChannel): Action =>
  (sim, at) => {
    if (!sim.consents.delete(consentKey(purpose, channel))) {
      return null;
    }
    return customerCommand(sim, at, 'WithdrawConsent', {
      purpose,
      channel,
      source: WITHDRAWAL_SOURCES[channel],
    });
  };

const grant =
  (purpose: ConsentPurpose, channel: ContactChannel): Action =>
  (sim, at) => {
    sim.consents.add(consentKey(purpose, channel));
    if (purpose === 'marketing' && sim.random.chance(0.12)) {
      later(sim, at, DAY_MS * (1 + sim.random.exponential(250)), withdraw(purpose, channel));
    }
    return customerCommand(sim, at, 'GrantConsent', {
      purpose,
      channel,
      legalBasis: 'consent',
      source: CONSENT_SOURCES[sim.persona.registeredVia],
      evidenceRef: `${sim.customerId}-ev${nextOrdinal(sim, 'consent')}`,
    });
  };

export const offerConsents = (sim: CustomerSim, registeredAt: number): void => {
  for (const [purpose, channel, share] of CONSENT_OFFERS) {
    if (sim.random.chance(share)) {
      later(sim, registeredAt, SECOND_MS * sim.random.int(30, 600), grant(purpose, channel));
    }
  }
};
