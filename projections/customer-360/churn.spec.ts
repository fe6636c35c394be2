import {
  complained,
  day,
  given,
  purchased,
  registered,
  reopened,
  resolved,
  tick,
} from './customer-360.fixtures';
import { median } from './churn';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Purchases on days 0, 50 and 100: median gap 50 days, so the threshold is max(100, 60) = 100 days. */
const steadyBuyer = [
  registered(day(-10)),
  purchased('p1', 10_000, day(0)),
  purchased('p2', 10_000, day(50)),
  purchased('p3', 10_000, day(100)),
];

describe('customer-360: churn risk (as of the latest event applied)', () => {
  it('is not at risk with fewer than 2 purchases, however long ago', () => {
    given([registered(day(-10)), purchased('p1', 10_000, day(0))])
      .when(tick(day(1000)))
      .then((doc) => {
        expect(doc.churnRisk).toBe(false);
        expect(doc.churn.gapThresholdMs).toBeNull();
        expect(doc.churn.msSinceLastPurchase).toBe(1000 * DAY);
      });
  });

  it('is not at risk exactly at the threshold', () => {
    given(steadyBuyer)
      .when(tick(day(200)))
      .then((doc) => {
        expect(doc.churn).toEqual({
          risk: false,
          reasons: [],
          evaluatedAt: day(200),
          medianGapMs: 50 * DAY,
          gapThresholdMs: 100 * DAY,
          msSinceLastPurchase: 100 * DAY,
          complaintsOverSla: [],
        });
        expect(doc.churnRisk).toBe(false);
      });
  });

  it('is at risk one millisecond past the threshold', () => {
    given(steadyBuyer)
      .when(tick(new Date(Date.parse(day(200)) + 1).toISOString()))
      .then((doc) => {
        expect(doc.churnRisk).toBe(true);
        expect(doc.churn.reasons).toEqual(['purchase_gap']);
      });
  });

  it('uses the 60-day floor when twice the median gap is shorter', () => {
    // gaps 10 and 10 days: 2 × 10 = 20 < 60, so the threshold is 60 days.
    const frequent = [
      registered(day(-1)),
      purchased('p1', 1, day(0)),
      purchased('p2', 1, day(10)),
      purchased('p3', 1, day(20)),
    ];
    given(frequent)
      .when(tick(day(80)))
      .then((doc) => {
        expect(doc.churn.gapThresholdMs).toBe(60 * DAY);
        expect(doc.churnRisk).toBe(false);
      });
    given(frequent)
      .when(tick(day(81)))
      .then((doc) => expect(doc.churnRisk).toBe(true));
  });

  it('takes the mean of the two middle gaps for an even number of gaps', () => {
    // gaps 30, 40, 50, 100 days (sorted 30, 40, 50, 100): median (40 + 50) ÷ 2 = 45, threshold 90 days.
    const history = [
      registered(day(-1)),
      purchased('p1', 1, day(0)),
      purchased('p2', 1, day(30)),
      purchased('p3', 1, day(130)),
      purchased('p4', 1, day(170)),
      purchased('p5', 1, day(220)),
    ];
    given(history)
      .when(tick(day(310)))
      .then((doc) => {
        expect(doc.churn.medianGapMs).toBe(45 * DAY);
        expect(doc.churn.gapThresholdMs).toBe(90 * DAY);
        expect(doc.churnRisk).toBe(false);
      });
    given(history)
      .when(tick(day(311)))
      .then((doc) => expect(doc.churnRisk).toBe(true));
  });

  it('clears the gap risk when the customer buys again', () => {
    given([...steadyBuyer, tick(day(250))])
      .when(purchased('p4', 10_000, day(251)))
      .then((doc) => expect(doc.churnRisk).toBe(false));
  });

  it('is at risk while a complaint is open longer than its SLA, counted from the original opening', () => {
    const history = [registered(day(0)), complained('k1', day(1), 24)];
    given(history)
      .when(tick(new Date(Date.parse(day(1)) + 24 * HOUR).toISOString()))
      .then((doc) => expect(doc.churnRisk).toBe(false));
    given(history)
      .when(tick(new Date(Date.parse(day(1)) + 24 * HOUR + 1).toISOString()))
      .then((doc) => {
        expect(doc.churnRisk).toBe(true);
        expect(doc.churn.reasons).toEqual(['complaint_over_sla']);
        expect(doc.churn.complaintsOverSla).toEqual(['k1']);
      });
    // Resolved within the SLA, reopened, still open 30 hours after the original opening: over its 24 hours.
    given([...history, resolved('k1', day(1, '02:00:00.000'))])
      .when(reopened('k1', day(1, '20:00:00.000')), tick(day(2, '06:00:00.000')))
      .then((doc) => expect(doc.churn.complaintsOverSla).toEqual(['k1']));
  });

  it('is not at risk once the late complaint is resolved', () => {
    given([registered(day(0)), complained('k1', day(1), 24), tick(day(5))])
      .when(resolved('k1', day(6)))
      .then((doc) => {
        expect(doc.churnRisk).toBe(false);
        expect(doc.churn.complaintsOverSla).toEqual([]);
      });
  });

  it('reports both reasons when both hold', () => {
    given([...steadyBuyer, complained('k1', day(150), 72)])
      .when(tick(day(300)))
      .then((doc) => expect(doc.churn.reasons).toEqual(['purchase_gap', 'complaint_over_sla']));
  });

  it('evaluates as of the latest occurredAt, not an earlier back-dated event', () => {
    given([...steadyBuyer, tick(day(250))])
      .when(tick(day(150)))
      .then((doc) => {
        expect(doc.asOf).toBe(day(250));
        expect(doc.churn.evaluatedAt).toBe(day(250));
        expect(doc.churnRisk).toBe(true);
      });
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
