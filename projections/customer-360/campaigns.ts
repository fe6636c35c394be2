import type { ContactChannel } from '@crm/domain';
import type { ChannelEngagement, Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';

type Interaction = 'sent' | 'opened' | 'clicked';

const INTERACTION_OF = {
  CampaignSent: 'sent',
  CampaignOpened: 'opened',
  CampaignClicked: 'clicked',
} as const satisfies Record<string, Interaction>;

/** Counts distinct campaigns: a repeated open or click of the same campaign counts once. */
const record = (
  engagement: ChannelEngagement,
  interaction: Interaction,
  campaignId: string,
): ChannelEngagement => {
  if (engagement.campaignIds[interaction].includes(campaignId)) {
    return engagement;
  }
  const ids = [...engagement.campaignIds[interaction], campaignId].sort();
  return {
    ...engagement,
    [interaction]: ids.length,
    campaignIds: { ...engagement.campaignIds, [interaction]: ids },
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
  return next === current ? doc : { ...doc, campaigns: { ...doc.campaigns, [channel]: next } };
};
