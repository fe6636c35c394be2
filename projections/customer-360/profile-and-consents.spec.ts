import { erased, event, given, purchased, registered } from './customer-360.fixtures';

const AT = '2026-01-01T09:00:00.000Z';

describe('customer-360: profile, erasure and consents', () => {
  describe('profile', () => {
    it('takes name, email, phone and address from registration, with lower-cased search keys', () => {
      given([registered(AT)]).then((doc) => {
        expect(doc.registered).toBe(true);
        expect(doc.registeredAt).toBe(AT);
        expect(doc.registeredVia).toBe('web');
        expect(doc.profile).toStrictEqual({
          name: 'Ayşe Yılmaz',
          email: 'Ayse.Yilmaz@Example.com.tr',
          phone: '+905551112233',
          address: { line1: 'Bağdat Cd. 12', city: 'İstanbul', country: 'TR' },
          nameLower: 'ayşe yılmaz',
          emailLower: 'ayse.yilmaz@example.com.tr',
        });
      });
    });

    it('keeps the last known values after updates, leaving fields the update does not carry', () => {
      given([registered(AT)])
        .when(
          event('CustomerProfileUpdated', { email: 'ayse@yeni.com.tr' }, '2026-02-01T09:00:00.000Z'),
          event(
            'CustomerProfileUpdated',
            {
              name: 'Ayşe Demir',
              address: { line1: 'Atatürk Blv. 5', city: 'Ankara', postalCode: '06100', country: 'TR' },
            },
            '2026-03-01T09:00:00.000Z',
          ),
        )
        .then((doc) => {
          expect(doc.profile).toStrictEqual({
            name: 'Ayşe Demir',
            email: 'ayse@yeni.com.tr',
            phone: '+905551112233',
            address: { line1: 'Atatürk Blv. 5', city: 'Ankara', postalCode: '06100', country: 'TR' },
            nameLower: 'ayşe demir',
            emailLower: 'ayse@yeni.com.tr',
          });
        });
    });
  });

  describe('erasure', () => {
    const history = [
      registered(AT),
      purchased('p1', 600_000, '2026-01-05T10:00:00.000Z'),
      event(
        'TierChanged',
        {
          from: 'bronze',
          to: 'silver',
          reason: 'upgrade',
          qualifyingSpend: 600_000,
          asOf: '2026-01-05T10:00:00.000Z',
        },
        '2026-01-05T10:00:00.000Z',
      ),
      event(
        'NpsAnswered',
        { surveyId: 's1', score: 3, comment: 'Ayşe here, call me' },
        '2026-01-06T10:00:00.000Z',
      ),
    ];

    it('marks the customer erased and shows every personal field it held as erased, out of search', () => {
      given(history)
        .when(erased('2026-02-01T00:00:00.000Z'))
        .then((doc) => {
          expect(doc.erased).toBe(true);
          expect(doc.erasedAt).toBe('2026-02-01T00:00:00.000Z');
          expect(doc.profile).toStrictEqual({
            name: '[erased]',
            email: '[erased]',
            phone: '[erased]',
            address: { line1: '[erased]', city: '[erased]', country: 'TR' },
            nameLower: null,
            emailLower: null,
          });
        });
    });

    it('given events read after the key was destroyed, then a rebuild shows the same erased profile', () => {
      const [first, ...rest] = history;
      const sealedAway = event(
        'CustomerRegistered',
        {
          customerId: 'c1',
          name: '[erased]',
          email: '[erased]',
          phone: '[erased]',
          address: { line1: '[erased]', city: '[erased]', country: 'TR' },
          registeredVia: 'web',
          stage: 'lead',
        },
        first.occurredAt,
      );
      given([sealedAway, ...rest])
        .when(erased('2026-02-01T00:00:00.000Z'))
        .then((doc) => {
          expect(doc.profile.name).toBe('[erased]');
          expect(doc.profile.nameLower).toBeNull();
          expect(doc.profile.address).toEqual({ line1: '[erased]', city: '[erased]', country: 'TR' });
        });
    });

    it('keeps tier history, purchase totals and survey scores, and no personal data anywhere', () => {
      given(history)
        .when(erased('2026-02-01T00:00:00.000Z'))
        .then((doc) => {
          expect(doc.tier).toBe('silver');
          expect(doc.loyalty.history).toHaveLength(1);
          expect(doc.netSpend).toBe(600_000);
          expect(doc.nps).toEqual({ surveyId: 's1', score: 3, at: '2026-01-06T10:00:00.000Z' });
          const text = JSON.stringify(doc);
          for (const personal of ['Ayşe', 'Yılmaz', 'Example', '+90555', 'Bağdat', 'call me']) {
            expect(text).not.toContain(personal);
          }
        });
    });

    it('ignores a profile update that arrives after erasure', () => {
      given([...history, erased('2026-02-01T00:00:00.000Z')])
        .when(event('CustomerProfileUpdated', { name: 'Ayşe' }, '2026-02-02T00:00:00.000Z'))
        .then((doc) => expect(doc.profile.name).toBe('[erased]'));
    });
  });

  describe('consents', () => {
    const grant = (channel: 'email' | 'sms', at: string, evidenceRef = `ev-${channel}`) =>
      event(
        'ConsentGranted',
        { purpose: 'marketing', channel, legalBasis: 'explicit_consent', source: 'web-form', evidenceRef },
        at,
      );

    it('holds the active consent per purpose × channel with legal basis, source, time and evidence', () => {
      given([registered(AT)])
        .when(
          grant('sms', '2026-01-02T00:00:00.000Z'),
          grant('email', '2026-01-03T00:00:00.000Z'),
          event(
            'ConsentGranted',
            {
              purpose: 'analytics',
              channel: 'email',
              legalBasis: 'legitimate_interest',
              source: 'store',
              evidenceRef: 'rec-9',
            },
            '2026-01-04T00:00:00.000Z',
          ),
        )
        .then((doc) => {
          expect(doc.consents.active).toEqual([
            {
              purpose: 'analytics',
              channel: 'email',
              legalBasis: 'legitimate_interest',
              source: 'store',
              evidenceRef: 'rec-9',
              grantedAt: '2026-01-04T00:00:00.000Z',
            },
            {
              purpose: 'marketing',
              channel: 'email',
              legalBasis: 'explicit_consent',
              source: 'web-form',
              evidenceRef: 'ev-email',
              grantedAt: '2026-01-03T00:00:00.000Z',
            },
            {
              purpose: 'marketing',
              channel: 'sms',
              legalBasis: 'explicit_consent',
              source: 'web-form',
              evidenceRef: 'ev-sms',
              grantedAt: '2026-01-02T00:00:00.000Z',
            },
          ]);
        });
    });

    it('replaces a consent granted again with new evidence', () => {
      given([registered(AT), grant('email', '2026-01-02T00:00:00.000Z')])
        .when(grant('email', '2026-01-09T00:00:00.000Z', 'ev-renewed'))
        .then((doc) => {
          expect(doc.consents.active).toHaveLength(1);
          expect(doc.consents.active[0]).toMatchObject({
            evidenceRef: 'ev-renewed',
            grantedAt: '2026-01-09T00:00:00.000Z',
          });
        });
    });

    it('drops a withdrawn consent and records both changes in the history, newest first', () => {
      given([registered(AT), grant('email', '2026-01-02T00:00:00.000Z')])
        .when(
          event(
            'ConsentWithdrawn',
            { purpose: 'marketing', channel: 'email', source: 'unsubscribe-link' },
            '2026-01-05T00:00:00.000Z',
          ),
        )
        .then((doc) => {
          expect(doc.consents.active).toEqual([]);
          expect(doc.consents.history).toEqual([
            {
              action: 'withdrawn',
              purpose: 'marketing',
              channel: 'email',
              source: 'unsubscribe-link',
              at: '2026-01-05T00:00:00.000Z',
            },
            {
              action: 'granted',
              purpose: 'marketing',
              channel: 'email',
              source: 'web-form',
              at: '2026-01-02T00:00:00.000Z',
            },
          ]);
        });
    });

    it('keeps a short history of the latest 10 changes', () => {
      const changes = Array.from({ length: 12 }, (_, i) =>
        grant('email', `2026-01-${String(i + 2).padStart(2, '0')}T00:00:00.000Z`, `ev-${i}`),
      );
      given([registered(AT), ...changes]).then((doc) => {
        expect(doc.consents.history).toHaveLength(10);
        expect(doc.consents.history[0].at).toBe('2026-01-13T00:00:00.000Z');
        expect(doc.consents.history[9].at).toBe('2026-01-04T00:00:00.000Z');
      });
    });
  });
});
