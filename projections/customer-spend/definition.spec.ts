import { type Given, givenCustomer, purchased, returned } from '../testing/customer-history';
import { testLog } from '../testing/envelope';
import type { CustomerSpendDocument } from './customer-spend.document';
import { customerSpend } from './definition';

const erased = (at: string): Given => ({
  type: 'CustomerErased',
  occurredAt: at,
  data: { reason: 'KVKK-7' },
});

const given = (...events: Given[]) => givenCustomer<CustomerSpendDocument>(customerSpend, ...events);

describe('customer-spend projection', () => {
  describe('given purchases and a return', () => {
    it('then the ledger holds every purchase and every return on its own date, in every currency', () => {
      const { doc } = given(
        purchased('2025-01-10T09:00:00Z', 150_000),
        purchased('2025-02-01T09:00:00Z', 900, 'EUR'),
        returned('2025-02-05T09:00:00Z', 50_000),
      );
      expect(doc.purchases).toEqual({
        atMs: [Date.parse('2025-01-10T09:00:00Z'), Date.parse('2025-02-01T09:00:00Z')],
        amount: [150_000, 900],
        currency: ['TRY', 'EUR'],
      });
      expect(doc.returns).toEqual({
        atMs: [Date.parse('2025-02-05T09:00:00Z')],
        amount: [50_000],
        currency: ['TRY'],
      });
    });

    it('then the last purchase is the latest purchase, not the return', () => {
      const { doc } = given(
        purchased('2025-01-10T09:00:00Z', 1_000),
        returned('2025-03-01T00:00:00Z', 1_000),
      );
      expect(doc.lastPurchaseAt).toBe('2025-01-10T09:00:00Z');
      expect(doc.lastPurchaseMs).toBe(Date.parse('2025-01-10T09:00:00Z'));
    });
  });

  describe('given a back-dated purchase after a later one', () => {
    it('then it joins the ledger without moving the last purchase back', () => {
      const { doc } = given(
        purchased('2025-06-01T00:00:00Z', 2_000),
        purchased('2024-06-01T00:00:00Z', 1_000),
      );
      expect(doc.purchases.atMs).toHaveLength(2);
      expect(doc.lastPurchaseAt).toBe('2025-06-01T00:00:00Z');
    });
  });

  describe('given a stored Purchased v1 (plain kuruş)', () => {
    it('then it is upcast to TRY money', () => {
      const { doc } = given({
        type: 'Purchased',
        schemaVersion: 1,
        occurredAt: '2024-05-01T00:00:00Z',
        data: { purchaseId: 'p1', amount: 12_345 },
      });
      expect(doc.purchases).toEqual({
        atMs: [Date.parse('2024-05-01T00:00:00Z')],
        amount: [12_345],
        currency: ['TRY'],
      });
    });
  });

  describe('given an erased customer', () => {
    it('then the ledger stays and the customer is no longer listed', () => {
      const { doc } = given(purchased('2025-01-10T09:00:00Z', 1_000), erased('2025-02-01T00:00:00Z'));
      expect(doc).toMatchObject({ erased: true, listed: false });
      expect(doc.purchases.atMs).toHaveLength(1);
    });
  });

  describe('given a redelivered event', () => {
    it('then it is applied once', () => {
      const { events, doc } = given(purchased('2025-01-10T09:00:00Z', 1_000));
      expect(customerSpend.evolve(doc, events[0])).toBe(doc);
    });
  });

  describe('given an event it does not handle', () => {
    it('then the document is unchanged', () => {
      const log = testLog();
      const stage = log.append({
        streamId: 'customer-c1',
        type: 'StageAdvanced',
        occurredAt: '2025-01-01T00:00:00Z',
        data: { from: 'lead', to: 'prospect' },
      });
      const doc = customerSpend.initial('c1');
      expect(customerSpend.evolve(doc, stage)).toBe(doc);
      expect(customerSpend.documentId(stage)).toBeNull();
    });
  });

  describe('documentId', () => {
    it('then customer-stream events map to the customer and others are ignored', () => {
      const log = testLog();
      const customer = log.append({ ...purchased('2025-01-01T00:00:00Z', 1), streamId: 'customer-c9' });
      const other = log.append({ ...purchased('2025-01-01T00:00:00Z', 1), streamId: 'opportunity-o1' });
      expect(customerSpend.documentId(customer)).toBe('c9');
      expect(customerSpend.documentId(other)).toBeNull();
    });
  });

  describe('the document', () => {
    it('then it is plain JSON and starts listed with an empty ledger', () => {
      expect(customerSpend.initial('c1')).toEqual({
        customerId: 'c1',
        purchases: { atMs: [], amount: [], currency: [] },
        returns: { atMs: [], amount: [], currency: [] },
        lastPurchaseAt: null,
        lastPurchaseMs: null,
        erased: false,
        listed: true,
        lastRevision: -1,
      });
      const { doc } = given(purchased('2025-01-10T09:00:00Z', 1_000), returned('2025-01-11T09:00:00Z', 500));
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    });
  });
});
