import { event, given, registered } from './customer-360.fixtures';

const AT = '2026-01-01T09:00:00.000Z';

describe('customer-360: lifecycle stage and loyalty tier', () => {
  describe('lifecycle stage', () => {
    it('starts as lead at registration', () => {
      given([registered(AT)]).then((doc) => {
        expect(doc.stage).toBe('lead');
        expect(doc.stageSince).toBe(AT);
      });
    });

    it('follows StageAdvanced, into churned and back', () => {
      given([registered(AT)])
        .when(
          event(
            'StageAdvanced',
            { from: 'lead', to: 'customer', trigger: 'command' },
            '2026-01-02T00:00:00.000Z',
          ),
          event(
            'StageAdvanced',
            { from: 'customer', to: 'churned', trigger: 'command' },
            '2026-06-02T00:00:00.000Z',
          ),
          event(
            'StageAdvanced',
            { from: 'churned', to: 'customer', trigger: 'purchase' },
            '2026-07-02T00:00:00.000Z',
          ),
        )
        .then((doc) => {
          expect(doc.stage).toBe('customer');
          expect(doc.stageSince).toBe('2026-07-02T00:00:00.000Z');
        });
    });
  });

  describe('loyalty tier', () => {
    const upgrade = event(
      'TierChanged',
      {
        from: 'bronze',
        to: 'gold',
        reason: 'upgrade',
        qualifyingSpend: 1_600_000,
        asOf: '2026-01-10T00:00:00.000Z',
      },
      '2026-01-10T00:00:00.000Z',
    );
    const warned = event(
      'TierDowngradeWarned',
      {
        tier: 'gold',
        qualifyingSpend: 900_000,
        graceUntil: '2027-02-09T00:00:00.000Z',
        asOf: '2027-01-10T00:00:00.000Z',
      },
      '2027-01-10T00:00:00.000Z',
    );

    it('holds the tier and every change in the tier history', () => {
      given([registered(AT), upgrade]).then((doc) => {
        expect(doc.tier).toBe('gold');
        expect(doc.loyalty.history).toEqual([
          {
            from: 'bronze',
            to: 'gold',
            reason: 'upgrade',
            qualifyingSpend: 1_600_000,
            asOf: '2026-01-10T00:00:00.000Z',
            at: '2026-01-10T00:00:00.000Z',
          },
        ]);
      });
    });

    it('shows the floor and an outstanding downgrade warning', () => {
      given([registered(AT), upgrade])
        .when(event('TierFloorSet', { tier: 'silver' }, '2026-02-01T00:00:00.000Z'), warned)
        .then((doc) => {
          expect(doc.loyalty.floor).toBe('silver');
          expect(doc.loyalty.downgradeWarning).toEqual({
            tier: 'gold',
            qualifyingSpend: 900_000,
            graceUntil: '2027-02-09T00:00:00.000Z',
            warnedAt: '2027-01-10T00:00:00.000Z',
          });
        });
    });

    it('clears the warning when it is cancelled', () => {
      given([registered(AT), upgrade, warned])
        .when(
          event(
            'TierDowngradeCancelled',
            { tier: 'gold', qualifyingSpend: 1_500_000, asOf: '2027-01-20T00:00:00.000Z' },
            '2027-01-20T00:00:00.000Z',
          ),
        )
        .then((doc) => expect(doc.loyalty.downgradeWarning).toBeNull());
    });

    it('clears the warning when the downgrade happens', () => {
      given([registered(AT), upgrade, warned])
        .when(
          event(
            'TierChanged',
            {
              from: 'gold',
              to: 'silver',
              reason: 'downgrade',
              qualifyingSpend: 900_000,
              asOf: '2027-02-09T00:00:00.000Z',
            },
            '2027-02-09T00:00:00.000Z',
          ),
        )
        .then((doc) => {
          expect(doc.tier).toBe('silver');
          expect(doc.loyalty.downgradeWarning).toBeNull();
          expect(doc.loyalty.history.map((change) => change.reason)).toEqual(['upgrade', 'downgrade']);
        });
    });
  });
});
