import { addDays, type EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import type { TierReviewSummary } from '../src/loyalty-review/tier-review-summary';
import { useEmbeddedApp, type RunningApp } from './support/embedded-app';
import { call, type HttpResult } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

// RULES.md "Loyalty tiers": gold ≥ 15,000.00 TRY, platinum ≥ 40,000.00 TRY, window (T − 365 days, T],
// 30 days of grace. One purchase of 15,000.00 TRY (1,500,000 kuruş) makes a customer gold.
const GOLD_SPEND = 1_500_000;
const REGISTERED_AT = '2024-02-01T09:00:00.000Z';
const GOLD_PURCHASE_AT = '2024-03-01T10:00:00.000Z';
// Exactly 365 days after the purchase (2024 is a leap year: Mar 1 → Mar 1), so it has left the window.
const FIRST_REVIEW = addDays(GOLD_PURCHASE_AT, 365);
const GRACE_UNTIL = addDays(FIRST_REVIEW, 30);
const NOTHING = {
  candidates: 0,
  warned: 0,
  downgraded: 0,
  cancelled: 0,
  unchanged: 0,
  failed: 0,
  superseded: 0,
  replayed: 0,
};
const TIER_EVENTS = ['TierChanged', 'TierDowngradeWarned', 'TierDowngradeCancelled'];

function tierReviewHarness(running: () => RunningApp) {
  /** Sends a setup request as admin and fails the test if it is refused. */
  const admin = async (method: string, path: string, body: unknown) => {
    const response = await call(running().baseUrl, method, path, { token: running().token('admin'), body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
  };
  const stream = (customerId: string): Promise<EventEnvelope[]> =>
    running().app.get<EventStore>(EVENT_STORE).readStream(`customer-${customerId}`);
  const register = (customerId: string) =>
    admin('POST', '/customers', {
      customerId,
      name: 'Elif Şahin',
      email: `${customerId}@example.com.tr`,
      registeredVia: 'web',
      occurredAt: REGISTERED_AT,
    });
  const purchase = (customerId: string, amount: number, occurredAt: string) =>
    admin('POST', `/customers/${customerId}/purchases`, {
      purchaseId: `p-${occurredAt.slice(0, 10)}`,
      amount: { amount, currency: 'TRY' },
      occurredAt,
    });
  return {
    admin,
    register,
    purchase,
    stream,
    head: () => running().app.get<EventStore>(EVENT_STORE).headPosition(),
    tierEvents: async (customerId: string) =>
      (await stream(customerId))
        .filter((event) => TIER_EVENTS.includes(event.type))
        .map(({ type, data }) => ({ type, data })),
    goldCustomer: async (customerId: string) => {
      await register(customerId);
      await purchase(customerId, GOLD_SPEND, GOLD_PURCHASE_AT);
    },
    /** Runs the review over HTTP once the read models show everything appended so far. */
    review: async (asOf: string): Promise<HttpResult<TierReviewSummary>> => {
      await waitForProjections(running());
      const { baseUrl, token } = running();
      return call<TierReviewSummary>(baseUrl, 'POST', '/loyalty/reviews', {
        token: token('admin'),
        body: { asOf },
      });
    },
  };
}

const warned = (tier: string, asOf: string) => ({
  type: 'TierDowngradeWarned',
  data: { tier, qualifyingSpend: 0, graceUntil: addDays(asOf, 30), asOf },
});
const downgraded = (from: string, to: string, asOf: string) => ({
  type: 'TierChanged',
  data: { from, to, reason: 'downgrade', qualifyingSpend: 0, asOf },
});
const upgradedToGold = {
  type: 'TierChanged',
  data: {
    from: 'bronze',
    to: 'gold',
    reason: 'upgrade',
    qualifyingSpend: GOLD_SPEND,
    asOf: GOLD_PURCHASE_AT,
  },
};

describe('Tier review: warn, then downgrade once the grace period is over', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);

  it('warns at the first review, waits through the grace period, then moves one tier down', async () => {
    await t.goldCustomer('lapsing');

    const first = await t.review(FIRST_REVIEW);
    const duringGraceHead = await t.head();
    const duringGrace = await t.review(addDays(GRACE_UNTIL, -1));
    const headAfterGraceReview = await t.head();
    const atGraceEnd = await t.review(GRACE_UNTIL);

    expect(first).toMatchObject({
      status: 200,
      body: { ...NOTHING, asOf: FIRST_REVIEW, candidates: 1, warned: 1 },
    });
    // Still warned and within grace: reviewed, nothing appended.
    expect(duringGrace.body).toEqual({
      ...NOTHING,
      asOf: addDays(GRACE_UNTIL, -1),
      candidates: 1,
      unchanged: 1,
    });
    expect(headAfterGraceReview).toBe(duringGraceHead);
    expect(atGraceEnd.body).toEqual({ ...NOTHING, asOf: GRACE_UNTIL, candidates: 1, downgraded: 1 });
    expect(await t.tierEvents('lapsing')).toEqual([
      upgradedToGold,
      warned('gold', FIRST_REVIEW),
      downgraded('gold', 'silver', GRACE_UNTIL),
    ]);
  });

  it('records the scheduler as the actor, a deterministic command id and the reviewed instant', async () => {
    const [warning] = (await t.stream('lapsing')).filter((event) => event.type === 'TierDowngradeWarned');

    expect(warning.occurredAt).toBe(FIRST_REVIEW);
    expect(warning.metadata).toMatchObject({
      actor: { id: 'tier-review', kind: 'service', roles: ['service'] },
      source: 'scheduler',
      commandId: 'tier-review-20250301T100000Z-lapsing',
      correlationId: 'tier-review-20250301T100000Z',
    });
  });
});

describe('Tier review: warn, then cancel after a recovery purchase', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);

  it('withdraws the warning once spend is back at the threshold, and leaves the customer alone after', async () => {
    await t.goldCustomer('recovering');
    await t.review(FIRST_REVIEW);
    // Spend at 2025-03-10: the 2024-03-01 purchase is out, 15,000.00 is in → exactly gold, no upgrade.
    await t.purchase('recovering', GOLD_SPEND, '2025-03-10T10:00:00.000Z');

    const recovered = await t.review('2025-03-11T10:00:00.000Z');
    const head = await t.head();
    const atGraceEnd = await t.review(GRACE_UNTIL);

    expect(recovered.body).toEqual({
      ...NOTHING,
      asOf: '2025-03-11T10:00:00.000Z',
      candidates: 1,
      cancelled: 1,
    });
    // Gold, spend 15,000.00 ≥ 15,000.00 at GRACE_UNTIL and no warning: not a candidate.
    expect(atGraceEnd.body).toEqual({ ...NOTHING, asOf: GRACE_UNTIL });
    expect(await t.head()).toBe(head);
    expect(await t.tierEvents('recovering')).toEqual([
      upgradedToGold,
      warned('gold', FIRST_REVIEW),
      {
        type: 'TierDowngradeCancelled',
        data: { tier: 'gold', qualifyingSpend: GOLD_SPEND, asOf: '2025-03-11T10:00:00.000Z' },
      },
    ]);
  });
});

describe('Tier review: an admin floor', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);

  it('downgrades to the floor and no further, and never warns a customer held by it', async () => {
    await t.goldCustomer('floor-silver');
    await t.goldCustomer('floor-gold');
    // Floors set before the reviewed instants: a review acts on the floor held at its own T.
    const floorAt = '2024-06-01T09:00:00.000Z';
    await t.admin('PUT', '/customers/floor-silver/tier-floor', { tier: 'silver', occurredAt: floorAt });
    await t.admin('PUT', '/customers/floor-gold/tier-floor', { tier: 'gold', occurredAt: floorAt });

    const first = await t.review(FIRST_REVIEW);
    const atGraceEnd = await t.review(GRACE_UNTIL);
    const head = await t.head();
    const dayAfter = await t.review(addDays(GRACE_UNTIL, 1));

    expect(first.body).toMatchObject({ candidates: 1, warned: 1 });
    expect(atGraceEnd.body).toMatchObject({ candidates: 1, downgraded: 1 });
    // Silver at a silver floor with spend 0 < 5,000.00: held there, so not a candidate.
    expect(dayAfter.body).toEqual({ ...NOTHING, asOf: addDays(GRACE_UNTIL, 1) });
    expect(await t.head()).toBe(head);
    expect(await t.tierEvents('floor-silver')).toEqual([
      upgradedToGold,
      warned('gold', FIRST_REVIEW),
      downgraded('gold', 'silver', GRACE_UNTIL),
    ]);
    expect(await t.tierEvents('floor-gold')).toEqual([upgradedToGold]);
  });
});

describe('Tier review: the same instant twice', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);

  it('appends nothing the second time, however the instant is written', async () => {
    await t.goldCustomer('twice');
    const first = await t.review(FIRST_REVIEW);
    const head = await t.head();

    const again = await t.review(FIRST_REVIEW);
    const inIstanbulTime = await t.review('2025-03-01T13:00:00+03:00');

    expect(first.body).toEqual({ ...NOTHING, asOf: FIRST_REVIEW, candidates: 1, warned: 1 });
    // Same command id → the first outcome is returned as a replay: counted as warned, nothing appended.
    const replay = { ...NOTHING, asOf: FIRST_REVIEW, candidates: 1, warned: 1, replayed: 1 };
    expect(again.body).toEqual(replay);
    expect(inIstanbulTime.body).toEqual(replay);
    expect(await t.head()).toBe(head);
    expect(await t.tierEvents('twice')).toEqual([upgradedToGold, warned('gold', FIRST_REVIEW)]);
  });
});

describe('Tier review: customers not due', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);
  const notDue = ['steady', 'bronze', 'erased'];

  beforeAll(async () => {
    await t.goldCustomer('lapsing');
    // Gold on a purchase inside the window at FIRST_REVIEW (2024-12-01 > 2024-03-01T10:00).
    await t.register('steady');
    await t.purchase('steady', GOLD_SPEND, '2024-12-01T10:00:00.000Z');
    // 1,000.00 TRY: bronze, which no review touches.
    await t.register('bronze');
    await t.purchase('bronze', 100_000, GOLD_PURCHASE_AT);
    // Silver (5,000.00) whose spend has lapsed, but erased: out of tier lists, so out of reviews.
    await t.register('erased');
    await t.purchase('erased', 500_000, GOLD_PURCHASE_AT);
    await t.admin('POST', '/customers/erased/erasure', { reason: 'KVKK request 17' });
  });

  it('reviews only the customer due and leaves the others’ streams as they were', async () => {
    const before = await Promise.all(notDue.map(async (id) => (await t.stream(id)).length));
    const head = await t.head();

    const result = await t.review(FIRST_REVIEW);

    expect(result.body).toEqual({ ...NOTHING, asOf: FIRST_REVIEW, candidates: 1, warned: 1 });
    expect(await t.head()).toBe(head + 1);
    expect(await Promise.all(notDue.map(async (id) => (await t.stream(id)).length))).toEqual(before);
  });

  it('refuses an instant that is not one, and an instant in the future, appending nothing', async () => {
    const head = await t.head();

    const malformed = await t.review('2025-03-01');
    const future = await t.review(addDays(new Date().toISOString(), 1));

    expect(malformed).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(future).toMatchObject({ status: 422, body: { code: 'invalid_input' } });
    expect(await t.head()).toBe(head);
  });
});

describe('Tier review at an instant before the customer’s loyalty record', () => {
  const running = useEmbeddedApp();
  const t = tierReviewHarness(running);

  it('appends nothing for a customer registered now and reviewed a month ago', async () => {
    // Registered and silver (6,000.00 ≥ 5,000.00 TRY) today; at T = 30 days ago they did not exist,
    // though the read model lists them as silver with spend 0 at T, so they are a candidate.
    const now = new Date().toISOString();
    await t.admin('POST', '/customers', {
      customerId: 'new-today',
      name: 'Deniz Kaya',
      email: 'new-today@example.com.tr',
      registeredVia: 'web',
    });
    await t.purchase('new-today', 600_000, now);
    const head = await t.head();
    const monthAgo = addDays(now, -30);

    const result = await t.review(monthAgo);

    expect(result.body).toEqual({ ...NOTHING, asOf: monthAgo, candidates: 1, unchanged: 1 });
    expect(await t.head()).toBe(head);
  });

  it('refuses a review earlier than the last one, as superseded, appending nothing', async () => {
    await t.goldCustomer('reviewed');
    await t.review(GRACE_UNTIL);
    const head = await t.head();

    const earlier = await t.review(FIRST_REVIEW);

    // Warned at GRACE_UNTIL; a review at FIRST_REVIEW (30 days before) would decide before it.
    expect(earlier.body).toMatchObject({ asOf: FIRST_REVIEW, superseded: 1, failed: 0 });
    expect(await t.head()).toBe(head);
    expect(await t.tierEvents('reviewed')).toEqual([upgradedToGold, warned('gold', GRACE_UNTIL)]);
  });
});
