import type { EventEnvelope } from '@crm/domain';
import { project, testLog } from '../testing/envelope';
import { categoryMonthReport } from './category-month-report';
import type { ComplaintMonthsDocument } from './complaint-months.document';
import { complaintsByCategoryMonth } from './definition';

const HOUR = 3_600_000;

interface Step {
  readonly customer: string;
  readonly type: 'Complained' | 'ComplaintResolved' | 'ComplaintReopened';
  readonly complaintId: string;
  readonly at: string;
  readonly category?: string;
}

const opened = (customer: string, complaintId: string, category: string, at: string): Step => ({
  customer,
  type: 'Complained',
  complaintId,
  at,
  category,
});
const resolved = (customer: string, complaintId: string, at: string): Step => ({
  customer,
  type: 'ComplaintResolved',
  complaintId,
  at,
});
const reopened = (customer: string, complaintId: string, at: string): Step => ({
  customer,
  type: 'ComplaintReopened',
  complaintId,
  at,
});

const dataOf = ({ type, complaintId, category }: Step): Record<string, unknown> => {
  switch (type) {
    case 'Complained':
      return { complaintId, category, description: 'late', channel: 'web', slaHours: 72 };
    case 'ComplaintResolved':
      return { complaintId, firstContact: false, resolution: 'refunded' };
    case 'ComplaintReopened':
      return { complaintId, reason: 'still late' };
  }
};

/** given(steps) → the stored events and the documents, folded the way the runner folds them. */
const given = (
  ...steps: Step[]
): { events: EventEnvelope[]; docs: Record<string, ComplaintMonthsDocument> } => {
  const log = testLog();
  const events = steps.map((step) =>
    log.append({
      streamId: `customer-${step.customer}`,
      type: step.type,
      occurredAt: step.at,
      data: dataOf(step),
    }),
  );
  return { events, docs: project(complaintsByCategoryMonth, events) };
};

describe('complaints-by-category-month projection', () => {
  describe('given a complaint opened and resolved', () => {
    it('then its document holds the category, the months and the resolution time', () => {
      const { docs } = given(
        opened('c1', 'k1', 'billing', '2026-01-10T09:00:00Z'),
        resolved('c1', 'k1', '2026-01-11T09:00:00Z'),
      );
      expect(docs['c1:k1']).toEqual({
        customerId: 'c1',
        complaintId: 'k1',
        category: 'billing',
        openedAt: '2026-01-10T09:00:00Z',
        openedMonth: '2026-01',
        resolvedAt: '2026-01-11T09:00:00Z',
        resolvedMonth: '2026-01',
        resolutionMs: 24 * HOUR,
        reopenedMonths: [],
        activeUntilMonth: '2026-01',
        lastPosition: 2,
      });
    });
  });

  describe('given the same complaint id at two customers', () => {
    it('then they are two documents', () => {
      const { docs } = given(
        opened('c1', 'k1', 'billing', '2026-01-10T09:00:00Z'),
        opened('c2', 'k1', 'delivery', '2026-01-10T09:00:00Z'),
      );
      expect(Object.keys(docs).sort()).toEqual(['c1:k1', 'c2:k1']);
      expect(docs['c2:k1'].category).toBe('delivery');
    });
  });

  describe('given a complaint still open', () => {
    it('then it stays active until it is settled', () => {
      const { docs } = given(opened('c1', 'k1', 'billing', '2026-01-10T09:00:00Z'));
      expect(docs['c1:k1']).toMatchObject({ resolvedMonth: null, activeUntilMonth: '9999-12' });
    });
  });

  describe('given a resolved complaint that is reopened', () => {
    it('then the earlier resolution is withdrawn until the final one, timed from the original opening', () => {
      const { docs } = given(
        opened('c1', 'k1', 'billing', '2026-01-20T00:00:00Z'),
        resolved('c1', 'k1', '2026-01-22T00:00:00Z'),
        reopened('c1', 'k1', '2026-02-03T00:00:00Z'),
      );
      expect(docs['c1:k1']).toMatchObject({
        resolvedAt: null,
        resolutionMs: null,
        reopenedMonths: ['2026-02'],
        activeUntilMonth: '9999-12',
      });

      const settled = given(
        opened('c1', 'k1', 'billing', '2026-01-20T00:00:00Z'),
        resolved('c1', 'k1', '2026-01-22T00:00:00Z'),
        reopened('c1', 'k1', '2026-02-03T00:00:00Z'),
        resolved('c1', 'k1', '2026-02-05T00:00:00Z'),
      ).docs['c1:k1'];
      // 20 Jan 00:00 → 5 Feb 00:00 = 11 + 5 = 16 days = 384 hours.
      expect(settled).toMatchObject({ resolvedMonth: '2026-02', resolutionMs: 384 * HOUR });
    });
  });

  describe('given an instant with an offset', () => {
    it('then the month is the UTC month', () => {
      // 1 Feb 01:00 at +03:00 is 31 Jan 22:00 UTC.
      const { docs } = given(opened('c1', 'k1', 'billing', '2026-02-01T01:00:00+03:00'));
      expect(docs['c1:k1'].openedMonth).toBe('2026-01');
    });
  });

  describe('given a redelivered event', () => {
    it('then it is applied once', () => {
      const { events, docs } = given(
        opened('c1', 'k1', 'billing', '2026-01-20T00:00:00Z'),
        resolved('c1', 'k1', '2026-01-22T00:00:00Z'),
        reopened('c1', 'k1', '2026-02-03T00:00:00Z'),
      );
      const doc = docs['c1:k1'];
      expect(complaintsByCategoryMonth.evolve(doc, events[2])).toBe(doc);
    });
  });

  describe('documentId', () => {
    it('then complaint events on a customer stream map to customer:complaint and others are ignored', () => {
      const log = testLog();
      const onCustomer = log.append({
        streamId: 'customer-c1',
        type: 'ComplaintResolved',
        occurredAt: '2026-01-01T00:00:00Z',
        data: { complaintId: 'k1' },
      });
      const onOpportunity = log.append({ ...onCustomer, streamId: 'opportunity-o1' });
      expect(complaintsByCategoryMonth.documentId(onCustomer)).toBe('c1:k1');
      expect(complaintsByCategoryMonth.documentId(onOpportunity)).toBeNull();
    });
  });

  describe('the document', () => {
    it('then it is plain JSON', () => {
      const { docs } = given(opened('c1', 'k1', 'billing', '2026-01-10T09:00:00Z'));
      expect(JSON.parse(JSON.stringify(docs['c1:k1']))).toEqual(docs['c1:k1']);
    });
  });
});

describe('categoryMonthReport', () => {
  const history = given(
    opened('c1', 'k1', 'billing', '2026-01-10T09:00:00Z'),
    resolved('c1', 'k1', '2026-01-11T09:00:00Z'),
    opened('c2', 'k1', 'billing', '2026-01-20T00:00:00Z'),
    resolved('c2', 'k1', '2026-01-22T00:00:00Z'),
    opened('c1', 'k2', 'delivery', '2026-02-01T01:00:00+03:00'),
    reopened('c2', 'k1', '2026-02-03T00:00:00Z'),
    resolved('c2', 'k1', '2026-02-05T00:00:00Z'),
    opened('c3', 'k9', 'delivery', '2026-02-10T00:00:00Z'),
  );
  const complaints = Object.values(history.docs);

  describe('when January is asked for', () => {
    it('then each category shows its openings and final resolutions in January', () => {
      expect(categoryMonthReport(complaints, '2026-01')).toEqual([
        // c1:k1 and c2:k1 opened; only c1:k1 is finally resolved in January (24 h): c2:k1 was reopened.
        {
          category: 'billing',
          month: '2026-01',
          opened: 2,
          resolved: 1,
          reopened: 0,
          meanResolutionMs: 24 * HOUR,
        },
        // c1:k2 opened 1 Feb 01:00 +03:00 = 31 Jan 22:00 UTC.
        {
          category: 'delivery',
          month: '2026-01',
          opened: 1,
          resolved: 0,
          reopened: 0,
          meanResolutionMs: null,
        },
      ]);
    });
  });

  describe('when February is asked for', () => {
    it('then the reopened complaint counts its reopening and its final resolution from the original opening', () => {
      expect(categoryMonthReport(complaints, '2026-02')).toEqual([
        // c2:k1: 20 Jan → 5 Feb = 16 days = 384 h.
        {
          category: 'billing',
          month: '2026-02',
          opened: 0,
          resolved: 1,
          reopened: 1,
          meanResolutionMs: 384 * HOUR,
        },
        {
          category: 'delivery',
          month: '2026-02',
          opened: 1,
          resolved: 0,
          reopened: 0,
          meanResolutionMs: null,
        },
      ]);
    });
  });

  describe('when a month without complaint events is asked for', () => {
    it('then there are no rows', () => {
      expect(categoryMonthReport(complaints, '2026-03')).toEqual([]);
    });
  });
});
