import { ConsentRequiredError, InvalidTransitionError } from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { requireOneOf, requireText } from '../shared/validation';
import { ownEntry } from '../shared/own-entry';
import type {
  GrantConsent,
  RecordCampaignClicked,
  RecordCampaignOpened,
  RecordCampaignSent,
  WithdrawConsent,
} from './customer.commands';
import type {
  CampaignClicked,
  CampaignOpened,
  CampaignSent,
  ConsentGranted,
  ConsentWithdrawn,
} from './customer.events';
import { campaignKey, consentKey, type RegisteredCustomer } from './customer.state';
import { CONSENT_PURPOSES, CONTACT_CHANNELS, type ContactChannel } from './customer-vocabulary';

/** Re-granting the same active consent with the same evidence changes nothing and appends nothing. */
export const grantConsent = (command: GrantConsent, state: RegisteredCustomer): ConsentGranted[] => {
  const data = {
    purpose: requireOneOf('purpose', command.data.purpose, CONSENT_PURPOSES),
    channel: requireOneOf('channel', command.data.channel, CONTACT_CHANNELS),
    legalBasis: requireText('legalBasis', command.data.legalBasis, 64),
    source: requireText('source', command.data.source, 64),
    evidenceRef: requireText('evidenceRef', command.data.evidenceRef, 256),
  };
  const active = ownEntry(state.consents, consentKey(data.purpose, data.channel));
  const identical =
    active !== undefined &&
    active.legalBasis === data.legalBasis &&
    active.source === data.source &&
    active.evidenceRef === data.evidenceRef;
  return identical ? [] : [{ type: 'ConsentGranted', data }];
};

export const withdrawConsent = (command: WithdrawConsent, state: RegisteredCustomer): ConsentWithdrawn => {
  const purpose = requireOneOf('purpose', command.data.purpose, CONSENT_PURPOSES);
  const channel = requireOneOf('channel', command.data.channel, CONTACT_CHANNELS);
  const source = requireText('source', command.data.source, 64);
  if (ownEntry(state.consents, consentKey(purpose, channel)) === undefined) {
    throw new InvalidTransitionError(`there is no active ${purpose} consent on ${channel} to withdraw`, {
      purpose,
      channel,
    });
  }
  return { type: 'ConsentWithdrawn', data: { purpose, channel, source } };
};

export const recordCampaignSent = (command: RecordCampaignSent, state: RegisteredCustomer): CampaignSent => {
  const campaignId = requireId('campaignId', command.data.campaignId);
  const channel = requireOneOf('channel', command.data.channel, CONTACT_CHANNELS);
  if (ownEntry(state.consents, consentKey('marketing', channel)) === undefined) {
    throw new ConsentRequiredError(`customer has no active marketing consent on ${channel}`, {
      purpose: 'marketing',
      channel,
    });
  }
  return { type: 'CampaignSent', data: { campaignId, channel } };
};

const requireSent = (state: RegisteredCustomer, campaignId: string, channel: ContactChannel): void => {
  if (!state.campaignsSent.includes(campaignKey(campaignId, channel))) {
    throw new InvalidTransitionError(`campaign ${campaignId} was never sent to this customer on ${channel}`, {
      campaignId,
      channel,
    });
  }
};

export const recordCampaignOpened = (
  command: RecordCampaignOpened,
  state: RegisteredCustomer,
): CampaignOpened => {
  const campaignId = requireId('campaignId', command.data.campaignId);
  const channel = requireOneOf('channel', command.data.channel, CONTACT_CHANNELS);
  requireSent(state, campaignId, channel);
  return { type: 'CampaignOpened', data: { campaignId, channel } };
};

export const recordCampaignClicked = (
  command: RecordCampaignClicked,
  state: RegisteredCustomer,
): CampaignClicked => {
  const campaignId = requireId('campaignId', command.data.campaignId);
  const channel = requireOneOf('channel', command.data.channel, CONTACT_CHANNELS);
  requireSent(state, campaignId, channel);
  return { type: 'CampaignClicked', data: { campaignId, channel } };
};
