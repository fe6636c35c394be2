import { CURRENT_SCHEMA_VERSIONS, DAY_IN_MS, isCrmEventType, type EventEnvelope } from '@crm/domain';
import { mulberry32 } from '@crm/demo-data';
import { testLog } from '../../testing/envelope';

const START_MS = Date.parse('2024-11-01T00:00:00Z');
const SPAN_DAYS = 800;
const CAMPAIGNS = ['autumn', 'spring', 'summer', 'winter'];
const STAGES = ['qualification', 'needs_analysis', 'proposal', 'negotiation'] as const;

interface Planned {
  readonly ms: number;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A random history, reproducible from its seed, meant to catch every edge the KPIs have: instants on a
 * coarse grid (ties, midnights, period bounds hit exactly), backdated events out of log order, reopened
 * complaints, multi-currency deals and purchases, repeated clicks, withdrawn and re-granted opt-ins,
 * erasures, customers who churn and come back.
 */
export const randomHistory = (seed: number, customers: number): EventEnvelope[] => {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const chance = (p: number): boolean => random() < p;
  // Six-hour steps: many events share an instant, and one in four falls on a UTC midnight.
  const instant = (): number => START_MS + Math.floor(random() * SPAN_DAYS * 4) * (DAY_IN_MS / 4);
  const later = (ms: number, maxDays: number): number =>
    ms + Math.floor(random() * maxDays * 4) * (DAY_IN_MS / 4);
  const money = (amount: number) => ({ amount, currency: chance(0.1) ? 'EUR' : 'TRY' });
  const planned: Planned[] = [];

  for (let n = 0; n < customers; n++) {
    const customerId = `c${n}`;
    const stream = `customer-${customerId}`;
    const on = (ms: number, type: string, data: unknown = {}) =>
      planned.push({ ms, streamId: stream, type, data });
    const registered = instant();
    on(registered, 'CustomerRegistered', { customerId, stage: 'lead' });
    if (chance(0.6))
      on(later(registered, 150), 'StageAdvanced', {
        from: 'lead',
        to: pick(['prospect', 'customer', 'loyal']),
      });
    for (let k = 0; k < Math.floor(random() * 4); k++) {
      on(instant(), chance(0.6) ? 'ConsentGranted' : 'ConsentWithdrawn', {
        purpose: 'marketing',
        channel: chance(0.85) ? 'email' : 'sms',
      });
    }
    const purchases: number[] = [];
    for (let k = 0; k < Math.floor(random() * 6); k++) {
      const ms = instant();
      purchases.push(ms);
      const amount = money(100 + Math.floor(random() * 50_000));
      on(ms, 'Purchased', { purchaseId: `p${k}`, amount });
      if (chance(0.3)) {
        on(later(ms, 60), 'PurchaseReturned', {
          returnId: `r${k}`,
          purchaseId: `p${k}`,
          amount: { ...amount, amount: Math.ceil(amount.amount / 3) },
        });
      }
    }
    for (let k = 0; k < Math.floor(random() * 3); k++) {
      const opened = instant();
      on(opened, 'Complained', { complaintId: `k${k}`, slaHours: pick([24, 48, 72]) });
      if (!chance(0.8)) continue;
      const resolved = later(opened, 8);
      on(resolved, 'ComplaintResolved', { complaintId: `k${k}`, firstContact: chance(0.5) });
      if (chance(0.25)) {
        const reopened = later(resolved, 20);
        on(reopened, 'ComplaintReopened', { complaintId: `k${k}` });
        if (chance(0.7))
          on(later(reopened, 10), 'ComplaintResolved', { complaintId: `k${k}`, firstContact: false });
      }
    }
    for (const campaignId of CAMPAIGNS) {
      if (!chance(0.5)) continue;
      const sent = instant();
      on(sent, 'CampaignSent', { campaignId, channel: 'email' });
      if (chance(0.5)) on(later(sent, 40), 'CampaignOpened', { campaignId, channel: 'email' });
      for (let k = 0; k < Math.floor(random() * 3); k++) {
        // Clicks land near purchases (before or after) so that attribution and its 7-day edge are exercised.
        const near =
          purchases.length > 0 && chance(0.7)
            ? pick(purchases) - Math.floor(random() * 36) * (DAY_IN_MS / 4)
            : later(sent, 60);
        on(near, 'CampaignClicked', { campaignId, channel: 'email' });
      }
    }
    for (let k = 0; k < Math.floor(random() * 4); k++) {
      const ms = chance(0.3) && planned.length > 0 ? planned[planned.length - 1].ms : instant();
      if (chance(0.6)) on(ms, 'NpsAnswered', { surveyId: `n${k}`, score: Math.floor(random() * 11) });
      else on(ms, 'SatisfactionAnswered', { surveyId: `s${k}`, score: 1 + Math.floor(random() * 5) });
    }
    if (chance(0.1)) on(instant(), 'CustomerErased', { reason: 'request' });
  }

  for (let n = 0; n < customers / 2; n++) {
    const opportunityId = `o${n}`;
    const stream = `opportunity-${opportunityId}`;
    const on = (ms: number, type: string, data: unknown) =>
      planned.push({ ms, streamId: stream, type, data });
    let at = instant();
    let stage = Math.floor(random() * 2);
    on(at, 'OpportunityOpened', {
      opportunityId,
      customerId: `c${Math.floor(random() * customers)}`,
      amount: money(1_000 + Math.floor(random() * 900_000)),
      stage: STAGES[stage],
      probability: 10 + stage * 15,
    });
    while (stage < STAGES.length - 1 && chance(0.6)) {
      stage += 1 + Math.floor(random() * (STAGES.length - 1 - stage));
      at = later(at, 30);
      on(at, 'OpportunityStageAdvanced', { to: STAGES[stage], probability: 10 + stage * 20 });
    }
    if (chance(0.7)) on(later(at, 30), chance(0.5) ? 'OpportunityWon' : 'OpportunityLost', {});
  }

  // Mostly in time order, as commands arrive; one in ten backdated (appended later than it happened).
  const order = planned.map((event) => ({
    event,
    key: chance(0.1) ? event.ms + random() * 90 * DAY_IN_MS : event.ms,
  }));
  order.sort((a, b) => a.key - b.key);
  const log = testLog();
  return order.map(({ event }) =>
    log.append({
      streamId: event.streamId,
      type: event.type,
      occurredAt: new Date(event.ms).toISOString(),
      data: event.data,
      schemaVersion: isCrmEventType(event.type) ? CURRENT_SCHEMA_VERSIONS[event.type] : 1,
    }),
  );
};

export const HISTORY_START_MS = START_MS;
export const HISTORY_END_MS = START_MS + SPAN_DAYS * DAY_IN_MS;
