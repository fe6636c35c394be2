import type { ContactChannel } from '@crm/domain';
import type { ChannelEngagement, Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { withChanges } from './document-copy';

type Interaction = 'sent' | 'opened' | 'clicked';

const INTERACTION_OF = {
  CampaignSent: 'sent',
  CampaignOpened: 'opened',
  CampaignClicked: 'clicked',
} as const satisfies Record<string, Interaction>;

/** Where `id` is or would go in ascending `ids` (the order of `Array.prototype.sort`: UTF-16 code units). */
const sortedIndex = (ids: readonly string[], id: string): number => {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle] < id) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Counts distinct campaigns: a repeated open or click of the same campaign counts once. */
const record = (
  engagement: ChannelEngagement,
  interaction: Interaction,
  campaignId: string,
): ChannelEngagement => {
  const known = engagement.campaignIds[interaction];
  const index = sortedIndex(known, campaignId);
  if (known[index] === campaignId) {
    return engagement;
  }
  const ids = known.slice();
  ids.splice(index, 0, campaignId);
  // Spelled out rather than spread with a computed key: the same JSON, built without a dictionary lookup.
  const { sent, opened, clicked } = engagement.campaignIds;
  return {
    sent: interaction === 'sent' ? ids.length : engagement.sent,
    opened: interaction === 'opened' ? ids.length : engagement.opened,
    clicked: interaction === 'clicked' ? ids.length : engagement.clicked,
    campaignIds: {
      sent: interaction === 'sent' ? ids : sent,
      opened: interaction === 'opened' ? ids : opened,
      clicked: interaction === 'clicked' ? ids : clicked,
    },
  };
};

export const applyCampaignEvent = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'CampaignSent' | 'CampaignOpened' | 'CampaignClicked'>,
): Customer360 => {
  const channel: ContactChannel = event.data.channel;
  const current = doc.campaigns[channel];
  if (current === undefined) {
    return doc;
  }
  const next = record(current, INTERACTION_OF[event.type], event.data.campaignId);
  if (next === current) return doc;
  const { email, sms, call } = doc.campaigns;
  return withChanges(doc, {
    campaigns: {
      email: channel === 'email' ? next : email,
      sms: channel === 'sms' ? next : sms,
      call: channel === 'call' ? next : call,
    },
  });
};
