import { type Given, givenCustomer, purchased, returned } from '../testing/customer-history';
import { testLog } from '../testing/envelope';
import { loyaltyTier } from './definition';
import type { LoyaltyTierDocument } from './loyalty-tier.document';

const STREAM = 'customer-c1';
const registered = (at: string): Given => ({
  type: 'CustomerRegistered',
  occurredAt: at,
  data: { customerId: 'c1', name: 'Ayşe', email: 'a@example.com', registeredVia: 'web', stage: 'lead' },
});
const tierChanged = (at: string, from: string, to: string, reason: string, spend: number): Given => ({
  type: 'TierChanged',
  occurredAt: at,
  data: { from, to, reason, qualifyingSpend: spend, asOf: at },
});

const given = (...events: Given[]) => givenCustomer<LoyaltyTierDocument>(loyaltyTier, ...events);

describe('loyalty-tier projection', () => {
  describe('given a newly registered customer', () => {
    it('then they are a listed bronze member with no qualifying spend', () => {
      const { doc } = given(registered('2024-01-01T09:00:00Z'));
      expect(doc).toMatchObject({
        customerId: 'c1',
        tier: 'bronze',
        floor: 'bronze',
        listed: true,
        erased: false,
        qualifyingSpend: 0,
        asOf: '2024-01-01T09:00:00Z',
        downgradeWarning: null,
        lastChange: null,
      });
    });
  });

  describe('given purchases that earned an upgrade', () => {
    it('then the tier, the spend and the last change follow the events', () => {
      const { doc } = given(
        registered('2024-01-01T09:00:00Z'),
        purchased('2024-02-01T10:00:00Z', 300_000),
        purchased('2024-03-01T10:00:00Z', 250_000),
        tierChanged('2024-03-01T10:00:00Z', 'bronze', 'silver', 'upgrade', 550_000),
      );
      expect(doc.tier).toBe('silver');
      expect(doc.qualifyingSpend).toBe(550_000);
      expect(doc.lastChange).toEqual({
        from: 'bronze',
        to: 'silver',
        reason: 'upgrade',
        qualifyingSpend: 550_000,
        asOf: '2024-03-01T10:00:00Z',
      });
      expect(doc.history).toHaveLength(1);
    });
  });

  describe('given spend older than the 365-day window', () => {
    it('then a return counts on its own date and old purchases are pruned', () => {
      const { doc } = given(
        purchased('2024-03-01T00:00:00Z', 300_000),
        returned('2024-06-01T00:00:00Z', 100_000),
        purchased('2025-02-15T00:00:00Z', 200_000),
        purchased('2025-03-05T00:00:00Z', 10_000),
      );
      // Window (2024-03-05, 2025-03-05]: the March 2024 purchase is out, its June return is in.
      expect(doc.qualifyingSpend).toBe(-100_000 + 200_000 + 10_000);
      expect(doc.spend).toEqual({
        atMs: [
          Date.parse('2024-06-01T00:00:00Z'),
          Date.parse('2025-02-15T00:00:00Z'),
          Date.parse('2025-03-05T00:00:00Z'),
        ],
        amount: [-100_000, 200_000, 10_000],
      });
    });

    it('then a purchase exactly 365 days before the latest event no longer counts', () => {
      const { doc } = given(
        purchased('2024-01-01T00:00:00Z', 700_000),
        purchased('2024-12-31T00:00:00Z', 1_000),
      );
      expect(doc.qualifyingSpend).toBe(1_000);
      expect(doc.spend.atMs).toHaveLength(1);
    });

    it('then a back-dated event does not move the window backwards', () => {
      const { doc } = given(
        purchased('2025-01-10T00:00:00Z', 5_000),
        purchased('2024-12-01T00:00:00Z', 2_000),
      );
      expect(doc.asOf).toBe('2025-01-10T00:00:00Z');
      expect(doc.qualifyingSpend).toBe(7_000);
    });
  });

  describe('given purchases in other currencies', () => {
    it('then only TRY counts and nothing else is kept', () => {
      const { doc } = given(
        purchased('2024-05-01T00:00:00Z', 900_000, 'EUR'),
        purchased('2024-05-02T00:00:00Z', 1_000),
      );
      expect(doc.qualifyingSpend).toBe(1_000);
      expect(doc.spend).toEqual({ atMs: [Date.parse('2024-05-02T00:00:00Z')], amount: [1_000] });
    });
  });

  describe('given a stored Purchased v1 (plain kuruş)', () => {
    it('then it is upcast and counts as TRY', () => {
      const { doc } = given({
        type: 'Purchased',
        schemaVersion: 1,
        occurredAt: '2024-05-01T00:00:00Z',
        data: { purchaseId: 'p1', amount: 12_345 },
      });
      expect(doc.qualifyingSpend).toBe(12_345);
    });
  });

  describe('given a downgrade warning', () => {
    const warned: Given = {
      type: 'TierDowngradeWarned',
      occurredAt: '2025-04-01T00:00:00Z',
      data: {
        tier: 'silver',
        qualifyingSpend: 0,
        graceUntil: '2025-05-01T00:00:00Z',
        asOf: '2025-04-01T00:00:00Z',
      },
    };

    it('then the warning is outstanding with its grace period', () => {
      const { doc } = given(
        tierChanged('2024-03-01T10:00:00Z', 'bronze', 'silver', 'upgrade', 550_000),
        warned,
      );
      expect(doc.tier).toBe('silver');
      expect(doc.downgradeWarning).toEqual({
        tier: 'silver',
        qualifyingSpend: 0,
        graceUntil: '2025-05-01T00:00:00Z',
        warnedAt: '2025-04-01T00:00:00Z',
      });
    });

    it('then a cancellation clears it', () => {
      const { doc } = given(warned, {
        type: 'TierDowngradeCancelled',
        occurredAt: '2025-04-10T00:00:00Z',
        data: { tier: 'silver', qualifyingSpend: 600_000, asOf: '2025-04-10T00:00:00Z' },
      });
      expect(doc.downgradeWarning).toBeNull();
    });

    it('then the downgrade after grace clears it and becomes the last change', () => {
      const { doc } = given(
        tierChanged('2024-03-01T10:00:00Z', 'bronze', 'silver', 'upgrade', 550_000),
        warned,
        tierChanged('2025-05-01T00:00:00Z', 'silver', 'bronze', 'downgrade', 0),
      );
      expect(doc.tier).toBe('bronze');
      expect(doc.downgradeWarning).toBeNull();
      expect(doc.lastChange).toMatchObject({ from: 'silver', to: 'bronze', reason: 'downgrade' });
      expect(doc.history.map((change) => change.to)).toEqual(['silver', 'bronze']);
    });
  });

  describe('given a floor set by an admin', () => {
    it('then the floor is recorded and the tier is not raised', () => {
      const { doc } = given(registered('2024-01-01T09:00:00Z'), {
        type: 'TierFloorSet',
        occurredAt: '2024-01-02T09:00:00Z',
        data: { tier: 'gold' },
      });
      expect(doc).toMatchObject({ tier: 'bronze', floor: 'gold' });
    });
  });

  describe('given an erased customer', () => {
    it('then the tier history stays but they drop out of tier lists', () => {
      const { doc } = given(tierChanged('2024-03-01T10:00:00Z', 'bronze', 'silver', 'upgrade', 550_000), {
        type: 'CustomerErased',
        occurredAt: '2024-06-01T00:00:00Z',
        data: { reason: 'KVKK-42' },
      });
      expect(doc).toMatchObject({ tier: 'silver', erased: true, listed: false });
      expect(doc.history).toHaveLength(1);
    });
  });

  describe('given a redelivered event', () => {
    it('then it is applied once', () => {
      const { events, doc } = given(purchased('2024-05-01T00:00:00Z', 1_000));
      expect(loyaltyTier.evolve(doc, events[0])).toBe(doc);
    });
  });

  describe('documentId', () => {
    it('then customer-stream events map to the customer and others are ignored', () => {
      const log = testLog();
      const customer = log.append({ ...purchased('2024-05-01T00:00:00Z', 1), streamId: STREAM });
      const other = log.append({ ...purchased('2024-05-01T00:00:00Z', 1), streamId: 'opportunity-o1' });
      expect(loyaltyTier.documentId(customer)).toBe('c1');
      expect(loyaltyTier.documentId(other)).toBeNull();
    });
  });

  describe('the document', () => {
    it('then it is plain JSON', () => {
      const { doc } = given(registered('2024-01-01T09:00:00Z'), purchased('2024-02-01T10:00:00Z', 300_000));
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    });
  });
});
