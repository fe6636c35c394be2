import { consentKey, CONTACT_CHANNELS, type ContactChannel } from '@crm/domain';
import { customerCommand, later, type Action, type CustomerSim } from './customer-sim';
import { campaignIdOf } from './ids';
import { impulsePurchase } from './purchases';
import { DAY_MS, HOUR_MS, SECOND_MS } from './time';

const OPEN_RATES: Readonly<Record<ContactChannel, number>> = { email: 0.45, sms: 0.3, call: 0.55 };

const click =
  (campaignId: string, channel: ContactChannel): Action =>
  (sim, at) => {
    if (sim.persona.buyer && sim.random.chance(0.25)) {
      later(sim, at, DAY_MS * sim.random.exponential(2), impulsePurchase);
    }
    return customerCommand(sim, at, 'RecordCampaignClicked', { campaignId, channel });
  };

const open =
  (campaignId: string, channel: ContactChannel): Action =>
  (sim, at) => {
    if (sim.random.chance(0.3)) {
      later(sim, at, SECOND_MS * (5 + sim.random.exponential(1800)), click(campaignId, channel));
    }
    return customerCommand(sim, at, 'RecordCampaignOpened', { campaignId, channel });
  };

const reachableChannels = (sim: CustomerSim): ContactChannel[] =>
  CONTACT_CHANNELS.filter((channel) => sim.consents.has(consentKey('marketing', channel)));

/** The deciders refuse a campaign without active marketing consent, so only consenting channels are used. */
export const campaigns: Action = (sim, at) => {
  later(sim, at, DAY_MS * (7 + sim.random.exponential(55)), campaigns);
  const channels = reachableChannels(sim);
  if (channels.length === 0) {
    return null;
  }
  const channel = sim.random.pick(channels);
  const campaignId = campaignIdOf(at, channel);
  if (sim.campaignsSent.has(campaignId)) {
    return null;
  }
  sim.campaignsSent.add(campaignId);
  if (sim.random.chance(OPEN_RATES[channel])) {
    later(sim, at, HOUR_MS * sim.random.exponential(8), open(campaignId, channel));
  }
  return customerCommand(sim, at, 'RecordCampaignSent', { campaignId, channel });
};
