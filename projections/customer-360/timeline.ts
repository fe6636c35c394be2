import type { Money } from '@crm/domain';
import { TIMELINE_LIMIT, type TimelineEntry } from './customer-360.document';
import type { CustomerEnvelope } from './customer-envelope';

/** "1234.50 TRY" from minor units, in integers (two decimal places assumed for every currency). */
export const formatMoney = ({ amount, currency }: Money): string => {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
};

/** A one-line description that names no personal data (no name, email, phone, address, free text). */
export const summarize = (event: CustomerEnvelope): string => {
  switch (event.type) {
    case 'CustomerRegistered':
      return `Registered via ${event.data.registeredVia}`;
    case 'CustomerProfileUpdated':
      return `Profile updated: ${Object.keys(event.data).sort().join(', ')}`;
    case 'Purchased':
      return `Purchase ${event.data.purchaseId}: ${formatMoney(event.data.amount)}`;
    case 'PurchaseReturned':
      return `Return ${event.data.returnId} of ${event.data.purchaseId}: ${formatMoney(event.data.amount)}`;
    case 'TierChanged':
      return `Tier ${event.data.from} → ${event.data.to} (${event.data.reason})`;
    case 'TierDowngradeWarned':
      return `Downgrade warning for ${event.data.tier} until ${event.data.graceUntil}`;
    case 'TierDowngradeCancelled':
      return `Downgrade warning cancelled, ${event.data.tier} kept`;
    case 'TierFloorSet':
      return `Tier floor set to ${event.data.tier}`;
    case 'Complained':
      return `Complaint ${event.data.complaintId} opened (${event.data.category}, via ${event.data.channel}, SLA ${event.data.slaHours}h)`;
    case 'ComplaintResolved':
      return `Complaint ${event.data.complaintId} resolved${event.data.firstContact ? ' at first contact' : ''}`;
    case 'ComplaintReopened':
      return `Complaint ${event.data.complaintId} reopened`;
    case 'ComplaintPrioritized':
      return `Complaint ${event.data.complaintId} priority ${event.data.previousPriority} → ${event.data.priority}`;
    case 'CampaignSent':
      return `Campaign ${event.data.campaignId} sent by ${event.data.channel}`;
    case 'CampaignOpened':
      return `Campaign ${event.data.campaignId} opened (${event.data.channel})`;
    case 'CampaignClicked':
      return `Campaign ${event.data.campaignId} clicked (${event.data.channel})`;
    case 'StageAdvanced':
      return `Stage ${event.data.from} → ${event.data.to}`;
    case 'ConsentGranted':
      return `Consent granted: ${event.data.purpose} by ${event.data.channel} (${event.data.legalBasis})`;
    case 'ConsentWithdrawn':
      return `Consent withdrawn: ${event.data.purpose} by ${event.data.channel}`;
    case 'NpsAnswered':
      return `NPS answered: ${event.data.score}`;
    case 'SatisfactionAnswered':
      return `Satisfaction answered: ${event.data.score}`;
    case 'CustomerErased':
      return 'Personal data erased';
    default: {
      const unexpected: never = event;
      return (unexpected as { type: string }).type;
    }
  }
};

/** The event's entry first, then the newest of `timeline`, at most `TIMELINE_LIMIT` in all. */
export const prependToTimeline = (
  timeline: readonly TimelineEntry[],
  event: CustomerEnvelope,
): TimelineEntry[] => {
  const next: TimelineEntry[] = [
    { type: event.type, occurredAt: event.occurredAt, revision: event.revision, summary: summarize(event) },
  ];
  const kept = Math.min(timeline.length, TIMELINE_LIMIT - 1);
  for (let i = 0; i < kept; i++) next.push(timeline[i]);
  return next;
};
