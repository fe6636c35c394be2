import { parseStreamName, type EventEnvelope } from '@crm/domain';

/** The event types that feed facts, by the fact kind they feed. */
export const FACT_EVENT_TYPES = [
  'Complained',
  'ComplaintResolved',
  'ComplaintReopened',
  'OpportunityOpened',
  'OpportunityStageAdvanced',
  'OpportunityWon',
  'OpportunityLost',
  'CampaignSent',
  'CampaignOpened',
  'CampaignClicked',
  'NpsAnswered',
  'SatisfactionAnswered',
  'Purchased',
  'PurchaseReturned',
] as const;

const field = (event: EventEnvelope, name: string): string | null => {
  const value = (event.data as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : null;
};

const join = (...parts: Array<string | null>): string | null =>
  parts.some((part) => part === null) ? null : parts.join(':');

const customerFactId = (event: EventEnvelope, customerId: string): string | null => {
  switch (event.type) {
    case 'Complained':
    case 'ComplaintResolved':
    case 'ComplaintReopened':
      return join('complaint', customerId, field(event, 'complaintId'));
    case 'CampaignSent':
    case 'CampaignOpened':
    case 'CampaignClicked':
      return join('delivery', field(event, 'campaignId'), customerId);
    case 'NpsAnswered':
      return join('nps', event.id);
    case 'SatisfactionAnswered':
      return join('csat', event.id);
    case 'Purchased':
    case 'PurchaseReturned':
      return join('purchase', customerId, field(event, 'purchaseId'));
    default:
      return null;
  }
};

/**
 * The fact an event feeds: one per complaint, opportunity, campaign × customer, survey answer and
 * purchase (its returns included). Every fact is fed by one stream, so the revision fence is exact.
 */
export const kpiFactId = (event: EventEnvelope): string | null => {
  const stream = parseStreamName(event.streamId);
  if (stream === null) {
    return null;
  }
  if (stream.category === 'opportunity') {
    return event.type.startsWith('Opportunity') ? join('opportunity', stream.id) : null;
  }
  return stream.category === 'customer' ? customerFactId(event, stream.id) : null;
};
