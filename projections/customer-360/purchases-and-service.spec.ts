import {
  complained,
  event,
  given,
  purchased,
  registered,
  reopened,
  resolved,
  returned,
} from './customer-360.fixtures';

const AT = '2026-01-01T09:00:00.000Z';
const HOUR = 60 * 60 * 1000;

describe('customer-360: purchases', () => {
  it('counts purchases and sums net spend per currency, TRY as the queryable net spend', () => {
    given([registered(AT)])
      .when(
        purchased('p1', 100_000, '2026-01-10T10:00:00.000Z'),
        purchased('p2', 250_001, '2026-02-10T10:00:00.000Z'),
        purchased('p3', 4_000, '2026-03-10T10:00:00.000Z', 'EUR'),
      )
      .then((doc) => {
        expect(doc.purchases.count).toBe(3);
        expect(doc.purchases.byCurrency).toEqual({
          TRY: { purchaseCount: 2, gross: 350_001, returned: 0, net: 350_001, averageOrderValue: 175_000 },
          EUR: { purchaseCount: 1, gross: 4_000, returned: 0, net: 4_000, averageOrderValue: 4_000 },
        });
        expect(doc.netSpend).toBe(350_001);
        expect(doc.purchases.firstAt).toBe('2026-01-10T10:00:00.000Z');
        expect(doc.purchases.lastAt).toBe('2026-03-10T10:00:00.000Z');
        expect(doc.lastPurchaseAt).toBe('2026-03-10T10:00:00.000Z');
      });
  });

  it('subtracts a return from net spend and the average order value, not from the purchase count', () => {
    given([registered(AT), purchased('p1', 100_000, '2026-01-10T10:00:00.000Z')])
      .when(
        purchased('p2', 50_000, '2026-01-20T10:00:00.000Z'),
        returned('r1', 'p1', 30_000, '2026-01-25T10:00:00.000Z'),
      )
      .then((doc) => {
        expect(doc.purchases.count).toBe(2);
        expect(doc.purchases.returnCount).toBe(1);
        expect(doc.purchases.byCurrency.TRY).toEqual({
          purchaseCount: 2,
          gross: 150_000,
          returned: 30_000,
          net: 120_000,
          averageOrderValue: 60_000,
        });
        expect(doc.netSpend).toBe(120_000);
        expect(doc.lastPurchaseAt).toBe('2026-01-20T10:00:00.000Z');
      });
  });

  it('orders a back-dated purchase by when it happened', () => {
    given([registered(AT), purchased('p1', 1_000, '2026-03-01T00:00:00.000Z')])
      .when(purchased('p0', 1_000, '2026-02-01T00:00:00.000Z'))
      .then((doc) => {
        expect(doc.purchases.times).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
        expect(doc.purchases.firstAt).toBe('2026-02-01T00:00:00.000Z');
        expect(doc.lastPurchaseAt).toBe('2026-03-01T00:00:00.000Z');
      });
  });
});

describe('customer-360: complaints', () => {
  it('lists an open complaint without its description', () => {
    given([registered(AT)])
      .when(complained('k1', '2026-01-02T00:00:00.000Z', 48))
      .then((doc) => {
        expect(doc.complaints.open).toEqual([
          {
            complaintId: 'k1',
            category: 'delivery',
            channel: 'call',
            slaHours: 48,
            priority: 'normal',
            openedAt: '2026-01-02T00:00:00.000Z',
            resolvedAt: null,
            resolutionMs: null,
            firstContact: null,
            reopenCount: 0,
          },
        ]);
        expect(doc.complaints.resolved).toEqual([]);
        expect(doc.complaints.averageResolutionMs).toBeNull();
      });
  });

  it('averages resolution time over resolved complaints', () => {
    given([registered(AT)])
      .when(
        complained('k1', '2026-01-02T00:00:00.000Z'),
        complained('k2', '2026-01-02T06:00:00.000Z'),
        resolved('k1', '2026-01-02T10:00:00.000Z'),
        resolved('k2', '2026-01-03T12:00:00.000Z', false),
        complained('k3', '2026-01-04T00:00:00.000Z'),
      )
      .then((doc) => {
        expect(doc.complaints.open.map((c) => c.complaintId)).toEqual(['k3']);
        expect(doc.complaints.resolved.map((c) => [c.complaintId, c.resolutionMs, c.firstContact])).toEqual([
          ['k1', 10 * HOUR, true],
          ['k2', 30 * HOUR, false],
        ]);
        // (10 h + 30 h) ÷ 2
        expect(doc.complaints.averageResolutionMs).toBe(20 * HOUR);
      });
  });

  it('counts a reopened complaint from its original opening to its final resolution', () => {
    given([
      registered(AT),
      complained('k1', '2026-01-02T00:00:00.000Z'),
      resolved('k1', '2026-01-02T05:00:00.000Z'),
    ])
      .when(reopened('k1', '2026-01-03T00:00:00.000Z'))
      .then((doc) => {
        expect(doc.complaints.open).toHaveLength(1);
        expect(doc.complaints.open[0]).toMatchObject({
          openedAt: '2026-01-02T00:00:00.000Z',
          reopenCount: 1,
        });
        expect(doc.complaints.resolved).toEqual([]);
        expect(doc.complaints.averageResolutionMs).toBeNull();
      });

    given([
      registered(AT),
      complained('k1', '2026-01-02T00:00:00.000Z'),
      resolved('k1', '2026-01-02T05:00:00.000Z'),
      reopened('k1', '2026-01-03T00:00:00.000Z'),
    ])
      .when(resolved('k1', '2026-01-04T00:00:00.000Z', false))
      .then((doc) => {
        expect(doc.complaints.resolved[0]).toMatchObject({
          resolvedAt: '2026-01-04T00:00:00.000Z',
          resolutionMs: 48 * HOUR,
          reopenCount: 1,
          firstContact: false,
        });
        expect(doc.complaints.averageResolutionMs).toBe(48 * HOUR);
      });
  });

  it('ignores a resolution of a complaint it never saw opened', () => {
    given([registered(AT)])
      .when(resolved('k-unknown', '2026-01-02T00:00:00.000Z'))
      .then((doc) => expect(doc.complaints.resolved).toEqual([]));
  });
});

describe('customer-360: campaign engagement', () => {
  const campaign = (
    type: 'CampaignSent' | 'CampaignOpened' | 'CampaignClicked',
    campaignId: string,
    channel: 'email' | 'sms',
  ) => event(type, { campaignId, channel }, '2026-01-05T00:00:00.000Z');

  it('counts distinct campaigns sent, opened and clicked per channel', () => {
    given([registered(AT)])
      .when(
        campaign('CampaignSent', 'summer', 'email'),
        campaign('CampaignSent', 'autumn', 'email'),
        campaign('CampaignSent', 'summer', 'sms'),
        campaign('CampaignOpened', 'summer', 'email'),
        campaign('CampaignOpened', 'summer', 'email'),
        campaign('CampaignClicked', 'summer', 'email'),
        campaign('CampaignClicked', 'summer', 'email'),
      )
      .then((doc) => {
        expect(doc.campaigns.email).toEqual({
          sent: 2,
          opened: 1,
          clicked: 1,
          campaignIds: { sent: ['autumn', 'summer'], opened: ['summer'], clicked: ['summer'] },
        });
        expect(doc.campaigns.sms).toMatchObject({ sent: 1, opened: 0, clicked: 0 });
        expect(doc.campaigns.call).toMatchObject({ sent: 0, opened: 0, clicked: 0 });
      });
  });
});

describe('customer-360: surveys', () => {
  it('keeps the latest NPS and the latest satisfaction answer with their time, without comments', () => {
    given([registered(AT)])
      .when(
        event('NpsAnswered', { surveyId: 'n1', score: 4 }, '2026-01-02T00:00:00.000Z'),
        event('NpsAnswered', { surveyId: 'n2', score: 10, comment: 'Harika' }, '2026-03-02T00:00:00.000Z'),
        event('SatisfactionAnswered', { surveyId: 's1', score: 2 }, '2026-01-03T00:00:00.000Z'),
        event('SatisfactionAnswered', { surveyId: 's2', score: 5 }, '2026-03-03T00:00:00.000Z'),
      )
      .then((doc) => {
        expect(doc.nps).toStrictEqual({ surveyId: 'n2', score: 10, at: '2026-03-02T00:00:00.000Z' });
        expect(doc.csat).toStrictEqual({ surveyId: 's2', score: 5, at: '2026-03-03T00:00:00.000Z' });
      });
  });

  it('has no answers before any survey', () => {
    given([registered(AT)]).then((doc) => {
      expect(doc.nps).toBeNull();
      expect(doc.csat).toBeNull();
    });
  });
});
