import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from '@crm/domain';
import { TIMELINE_LIMIT } from './customer-360.document';
import {
  CUSTOMER_ID,
  complained,
  envelope,
  erased,
  event,
  given,
  project,
  purchased,
  registered,
  replay,
  resolved,
  stamp,
  tryAmount,
} from './customer-360.fixtures';
import { customer360 } from './definition';

const AT = '2026-01-01T09:00:00.000Z';

describe('customer-360 projection definition', () => {
  it('is named customer-360, version 3 (erased profiles read "[erased]"), and handles every customer-stream event type', () => {
    expect(customer360.name).toBe('customer-360');
    expect(customer360.version).toBe(3);
    expect([...customer360.handles].sort()).toEqual(Object.keys(CUSTOMER_EVENT_SCHEMA_VERSIONS).sort());
  });

  it('declares the fields queries may filter and sort on', () => {
    expect(customer360.fields).toEqual([
      { path: 'tier', type: 'string' },
      { path: 'stage', type: 'string' },
      { path: 'churnRisk', type: 'boolean' },
      { path: 'profile.nameLower', type: 'string' },
      { path: 'profile.emailLower', type: 'string' },
      { path: 'netSpend', type: 'number' },
      { path: 'lastPurchaseAt', type: 'string' },
    ]);
  });

  describe('document id', () => {
    it('is the customer id of a customer stream', () => {
      expect(customer360.documentId(envelope(registered(), 0, 'customer-c-42'))).toBe('c-42');
    });

    it.each([
      ['an opportunity stream', 'opportunity-o-1'],
      ['a stream of no known category', 'invoice-9'],
      ['a customer stream with an invalid id', 'customer-not valid!'],
    ])('is null for %s', (_situation, streamId) => {
      expect(customer360.documentId(envelope(registered(), 0, streamId))).toBeNull();
    });

    it('is null for an event type the projection does not handle', () => {
      const opened = { ...envelope(registered(), 0), type: 'OpportunityOpened' };
      expect(customer360.documentId(opened)).toBeNull();
    });
  });

  describe('initial document', () => {
    it('is an unregistered bronze customer with nothing recorded, in plain JSON', () => {
      const doc = customer360.initial(CUSTOMER_ID);
      expect(doc).toMatchObject({
        customerId: CUSTOMER_ID,
        lastRevision: -1,
        registered: false,
        erased: false,
        tier: 'bronze',
        stage: null,
        netSpend: 0,
        churnRisk: false,
        clv: null,
        timeline: [],
      });
      expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
    });
  });

  describe('timeline', () => {
    it(`keeps the latest ${TIMELINE_LIMIT} events, newest first, with type, time, revision and summary`, () => {
      const purchases = Array.from({ length: 24 }, (_, i) =>
        purchased(`p${i + 1}`, 10_050 + i, `2026-02-${String(i + 1).padStart(2, '0')}T12:00:00.000Z`),
      );
      given([registered(AT), ...purchases]).then((doc) => {
        expect(doc.timeline).toHaveLength(TIMELINE_LIMIT);
        expect(doc.timeline[0]).toEqual({
          type: 'Purchased',
          occurredAt: '2026-02-24T12:00:00.000Z',
          revision: 24,
          summary: 'Purchase p24: 100.73 TRY',
        });
        expect(doc.timeline[TIMELINE_LIMIT - 1].revision).toBe(5);
      });
    });

    it('summarizes events without personal data', () => {
      given([registered(AT)])
        .when(
          event(
            'CustomerProfileUpdated',
            { name: 'Ayşe Demir', phone: '+905559998877' },
            '2026-01-02T00:00:00.000Z',
          ),
          complained('k1', '2026-01-03T00:00:00.000Z'),
          event(
            'NpsAnswered',
            { surveyId: 's1', score: 6, comment: 'Ayşe Demir, 0555…' },
            '2026-01-04T00:00:00.000Z',
          ),
          erased('2026-01-05T00:00:00.000Z'),
        )
        .then((doc) => {
          expect(doc.timeline.map((entry) => entry.summary)).toEqual([
            'Personal data erased',
            'NPS answered: 6',
            'Complaint k1 opened (delivery, via call, SLA 72h)',
            'Profile updated: name, phone',
            'Registered via web',
          ]);
        });
    });
  });

  describe('idempotency and plain JSON', () => {
    const history = [
      registered(AT),
      purchased('p1', 150_000, '2026-01-05T10:00:00.000Z'),
      complained('k1', '2026-01-06T10:00:00.000Z'),
      resolved('k1', '2026-01-07T10:00:00.000Z'),
      event('CampaignSent', { campaignId: 'summer', channel: 'email' }, '2026-01-08T10:00:00.000Z'),
      purchased('p2', 50_000, '2026-02-05T10:00:00.000Z', 'EUR'),
    ];

    it('survives a JSON round trip unchanged: no Date, Map or undefined values', () => {
      const doc = project(history);
      expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
    });

    it('applies one event of every customer type and stays plain JSON', () => {
      const at = (n: number) => `2026-03-${String(n).padStart(2, '0')}T00:00:00.000Z`;
      const everyType = [
        registered(at(1)),
        event('CustomerProfileUpdated', { phone: '+905550000000' }, at(2)),
        purchased('p1', 600_000, at(3)),
        event(
          'TierChanged',
          { from: 'bronze', to: 'silver', reason: 'upgrade', qualifyingSpend: 600_000, asOf: at(3) },
          at(3),
        ),
        event('PurchaseReturned', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(200_000) }, at(4)),
        event(
          'TierDowngradeWarned',
          { tier: 'silver', qualifyingSpend: 400_000, graceUntil: at(30), asOf: at(5) },
          at(5),
        ),
        event('TierDowngradeCancelled', { tier: 'silver', qualifyingSpend: 400_000, asOf: at(6) }, at(6)),
        event('TierFloorSet', { tier: 'silver' }, at(7)),
        complained('k1', at(8)),
        resolved('k1', at(9)),
        event('ComplaintReopened', { complaintId: 'k1', reason: 'again' }, at(10)),
        event(
          'ComplaintPrioritized',
          { complaintId: 'k1', priority: 'high', previousPriority: 'normal', reason: 'gold' },
          at(10),
        ),
        event(
          'ConsentGranted',
          {
            purpose: 'marketing',
            channel: 'sms',
            legalBasis: 'explicit_consent',
            source: 'store',
            evidenceRef: 'e1',
          },
          at(11),
        ),
        event('CampaignSent', { campaignId: 'c1', channel: 'sms' }, at(12)),
        event('CampaignOpened', { campaignId: 'c1', channel: 'sms' }, at(13)),
        event('CampaignClicked', { campaignId: 'c1', channel: 'sms' }, at(14)),
        event('ConsentWithdrawn', { purpose: 'marketing', channel: 'sms', source: 'sms-stop' }, at(15)),
        event('StageAdvanced', { from: 'lead', to: 'customer', trigger: 'command' }, at(16)),
        event('NpsAnswered', { surveyId: 'n1', score: 9 }, at(17)),
        event('SatisfactionAnswered', { surveyId: 's1', score: 4 }, at(18)),
        erased(at(19)),
      ];
      expect(new Set(everyType.map((e) => e.type))).toEqual(
        new Set(Object.keys(CUSTOMER_EVENT_SCHEMA_VERSIONS)),
      );
      const doc = project(everyType);
      // 21 types, one event each: the timeline keeps the newest TIMELINE_LIMIT (20) of them.
      expect(doc.timeline.map((entry) => entry.type)).toEqual(
        everyType
          .map((e) => e.type)
          .reverse()
          .slice(0, TIMELINE_LIMIT),
      );
      expect(doc.lastRevision).toBe(everyType.length - 1);
      expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
    });

    it('skips a redelivered event at or below the last applied revision', () => {
      const envelopes = stamp(history);
      const once = replay(envelopes);
      const twice = replay([...envelopes, envelopes[1], envelopes[5]]);
      expect(twice).toStrictEqual(once);
      expect(once.lastRevision).toBe(5);
    });

    it('evolves the same from a document that went through the read store (JSON)', () => {
      const envelopes = stamp(history);
      const stored = JSON.parse(JSON.stringify(replay(envelopes.slice(0, 3))));
      expect(envelopes.slice(3).reduce(customer360.evolve, stored)).toStrictEqual(replay(envelopes));
    });

    it('reads a version-1 Purchased (amount in kuruş) as TRY', () => {
      const v1 = envelope(
        event('Purchased', { purchaseId: 'p1', amount: tryAmount(0) }, AT),
        1,
        undefined,
        1,
      );
      const doc = replay([
        envelope(registered(AT), 0),
        { ...v1, data: { purchaseId: 'p1', amount: 12_345 } },
      ]);
      expect(doc.netSpend).toBe(12_345);
      expect(doc.purchases.byCurrency.TRY.purchaseCount).toBe(1);
    });
  });
});
