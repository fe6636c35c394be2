import { ConsentRequiredError } from '../shared/domain-error';
import { command, event, given, marketingConsent, registered } from '../testing/customer-fixtures';

const grant = (
  overrides: Partial<{ purpose: 'marketing' | 'profiling' | 'analytics'; evidenceRef: string }> = {},
) =>
  command('GrantConsent', {
    purpose: 'marketing',
    channel: 'email',
    legalBasis: 'explicit_consent',
    source: 'web-signup',
    evidenceRef: 'ev-email',
    ...overrides,
  });
const sent = (campaignId = 'summer', channel: 'email' | 'sms' | 'call' = 'email') =>
  event('CampaignSent', { campaignId, channel });

describe('Customer consent and campaigns', () => {
  describe('when registered without consent', () => {
    it('grants marketing consent by email', () => {
      given([registered()])
        .when(grant())
        .then([marketingConsent('email')]);
    });

    it.each([
      ['an unknown purpose', { purpose: 'spam' }, 'purpose'],
      ['an unknown channel', { channel: 'fax' }, 'channel'],
      ['no legal basis', { legalBasis: '' }, 'legalBasis'],
      ['no evidence', { evidenceRef: '' }, 'evidenceRef'],
    ])('refuses a grant with %s', (_situation, overrides, field) => {
      given([registered()])
        .when({ ...grant(), data: { ...grant().data, ...(overrides as object) } })
        .thenThrows('invalid_input', field);
    });

    it('refuses to withdraw a consent that is not active', () => {
      given([registered()])
        .when(command('WithdrawConsent', { purpose: 'marketing', channel: 'email', source: 'web' }))
        .thenThrows('invalid_transition', 'no active marketing consent on email');
    });

    it('refuses to send a campaign without marketing consent on the channel', () => {
      given([registered()])
        .when(command('RecordCampaignSent', { campaignId: 'summer', channel: 'email' }))
        .thenThrows(ConsentRequiredError, 'marketing consent on email');
    });

    it('refuses to send a campaign when only another purpose is consented', () => {
      given([
        registered(),
        event('ConsentGranted', { ...marketingConsent('email').data, purpose: 'analytics' }),
      ])
        .when(command('RecordCampaignSent', { campaignId: 'summer', channel: 'email' }))
        .thenThrows('consent_required');
    });

    it('refuses an open of a campaign that was never sent', () => {
      given([registered()])
        .when(command('RecordCampaignOpened', { campaignId: 'summer', channel: 'email' }))
        .thenThrows('invalid_transition', 'never sent');
    });

    it('refuses a click on a campaign that was never sent', () => {
      given([registered()])
        .when(command('RecordCampaignClicked', { campaignId: 'summer', channel: 'email' }))
        .thenThrows('invalid_transition', 'never sent');
    });
  });

  describe('when marketing consent by email is active', () => {
    const history = [registered(), marketingConsent('email')];

    it('appends nothing when the identical consent is granted again', () => {
      given(history).when(grant()).thenNothing();
    });

    it('records a renewed consent with new evidence', () => {
      given(history)
        .when(grant({ evidenceRef: 'ev-renewal' }))
        .then([event('ConsentGranted', { ...marketingConsent('email').data, evidenceRef: 'ev-renewal' })]);
    });

    it('sends a campaign by email', () => {
      given(history)
        .when(command('RecordCampaignSent', { campaignId: 'summer', channel: 'email' }))
        .then([sent()]);
    });

    it('refuses to send the campaign by sms', () => {
      given(history)
        .when(command('RecordCampaignSent', { campaignId: 'summer', channel: 'sms' }))
        .thenThrows('consent_required', 'sms');
    });

    it('withdraws the consent', () => {
      given(history)
        .when(
          command('WithdrawConsent', { purpose: 'marketing', channel: 'email', source: 'unsubscribe-link' }),
        )
        .then([
          event('ConsentWithdrawn', { purpose: 'marketing', channel: 'email', source: 'unsubscribe-link' }),
        ]);
    });

    it('refuses a campaign with an invalid id', () => {
      given(history)
        .when(command('RecordCampaignSent', { campaignId: 'summer sale!', channel: 'email' }))
        .thenThrows('invalid_input', 'campaignId');
    });
  });

  describe('when the consent was withdrawn', () => {
    const history = [
      registered(),
      marketingConsent('email'),
      event('ConsentWithdrawn', { purpose: 'marketing', channel: 'email', source: 'unsubscribe-link' }),
    ];

    it('refuses to send a campaign', () => {
      given(history)
        .when(command('RecordCampaignSent', { campaignId: 'autumn', channel: 'email' }))
        .thenThrows('consent_required');
    });

    it('refuses to withdraw it twice', () => {
      given(history)
        .when(command('WithdrawConsent', { purpose: 'marketing', channel: 'email', source: 'web' }))
        .thenThrows('invalid_transition');
    });

    it('grants it again', () => {
      given(history)
        .when(grant())
        .then([marketingConsent('email')]);
    });
  });

  describe('when a campaign was sent by email', () => {
    const history = [registered(), marketingConsent('email'), sent()];

    it('records an open', () => {
      given(history)
        .when(command('RecordCampaignOpened', { campaignId: 'summer', channel: 'email' }))
        .then([event('CampaignOpened', { campaignId: 'summer', channel: 'email' })]);
    });

    it('records a repeated open, which read models count once', () => {
      given([...history, event('CampaignOpened', { campaignId: 'summer', channel: 'email' })])
        .when(command('RecordCampaignOpened', { campaignId: 'summer', channel: 'email' }))
        .then([event('CampaignOpened', { campaignId: 'summer', channel: 'email' })]);
    });

    it('records a click', () => {
      given(history)
        .when(command('RecordCampaignClicked', { campaignId: 'summer', channel: 'email' }))
        .then([event('CampaignClicked', { campaignId: 'summer', channel: 'email' })]);
    });

    it('refuses an open on a channel the campaign was not sent on', () => {
      given(history)
        .when(command('RecordCampaignOpened', { campaignId: 'summer', channel: 'sms' }))
        .thenThrows('invalid_transition', 'sms');
    });

    it('refuses a click on another campaign', () => {
      given(history)
        .when(command('RecordCampaignClicked', { campaignId: 'winter', channel: 'email' }))
        .thenThrows('invalid_transition', 'winter');
    });

    it('still records opens after the consent is withdrawn', () => {
      given([
        ...history,
        event('ConsentWithdrawn', { purpose: 'marketing', channel: 'email', source: 'web' }),
      ])
        .when(command('RecordCampaignOpened', { campaignId: 'summer', channel: 'email' }))
        .then([event('CampaignOpened', { campaignId: 'summer', channel: 'email' })]);
    });
  });
});
