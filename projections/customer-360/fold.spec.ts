import type { EventEnvelope } from '@crm/domain';
import type { Customer360 } from './customer-360.document';
import {
  CUSTOMER_ID,
  complained,
  day,
  event,
  purchased,
  registered,
  reopened,
  replay,
  resolved,
  returned,
  stamp,
  tick,
} from './customer-360.fixtures';
import { customer360 } from './definition';
import { compareInstants } from './instant-order';

const fold = customer360.fold as NonNullable<typeof customer360.fold>;

/** Bulk replays fold with `step` and `finalize` once (ADR 0011): it must give what `evolve` gives. */
const stepped = (envelopes: readonly EventEnvelope[]): Customer360 =>
  fold.finalize(envelopes.reduce(fold.step, customer360.initial(CUSTOMER_ID)));

// Purchases out of time order, churn over a gap and an open complaint past its SLA, campaigns in any order.
const history = stamp([
  registered(day(0)),
  purchased('p1', 120_000, day(3)),
  purchased('p2', 80_000, day(40)),
  purchased('p0', 20_000, day(1)),
  event('CampaignSent', { campaignId: 'winter', channel: 'email' }, day(41)),
  event('CampaignSent', { campaignId: 'autumn', channel: 'email' }, day(42)),
  event('CampaignOpened', { campaignId: 'winter', channel: 'email' }, day(43)),
  event('CampaignOpened', { campaignId: 'winter', channel: 'email' }, day(44)),
  returned('r1', 'p1', 20_000, day(45)),
  complained('k1', day(50)),
  resolved('k1', day(51)),
  reopened('k1', day(52)),
  complained('k2', day(60), 24),
  purchased('p3', 10_000, day(70), 'EUR'),
  tick(day(200)),
  purchased('p4', 5_000, day(201, '12:30:00.000')),
]);

describe('customer-360 fold (step per event, finalize once)', () => {
  it('gives what evolve gives after every event of a history', () => {
    for (let length = 1; length <= history.length; length++) {
      expect(stepped(history.slice(0, length))).toStrictEqual(replay(history.slice(0, length)));
    }
  });

  it('finalizes a document read back from the store (derived flags already set) to the same result', () => {
    const stored = JSON.parse(JSON.stringify(replay(history.slice(0, 8)))) as Customer360;
    const resumed = fold.finalize(history.slice(8).reduce(fold.step, stored));
    expect(resumed).toStrictEqual(replay(history));
  });

  it('derives churn and CLV in finalize only, from the steps it is given', () => {
    const raw = history.reduce(fold.step, customer360.initial(CUSTOMER_ID));
    expect(raw.churn.evaluatedAt).toBeNull();
    expect(fold.finalize(raw).churn).toMatchObject({ evaluatedAt: day(201, '12:30:00.000'), risk: true });
  });

  it('leaves the document as it is for a redelivered event', () => {
    const doc = history.slice(0, 5).reduce(fold.step, customer360.initial(CUSTOMER_ID));
    expect(fold.step(doc, history[2])).toBe(doc);
  });
});

describe('ordering instants', () => {
  it('orders UTC instants of one layout as text and any other pair by their time', () => {
    expect(compareInstants('2026-01-02T00:00:00.000Z', '2026-01-01T23:59:59.999Z')).toBeGreaterThan(0);
    expect(compareInstants('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(0);
    // Different layouts and offsets: 10:00+03:00 is 07:00Z.
    expect(compareInstants('2026-01-01T10:00:00+03:00', '2026-01-01T08:00:00Z')).toBeLessThan(0);
    expect(compareInstants('2026-01-01T08:00:00Z', '2026-01-01T07:59:59.500Z')).toBeGreaterThan(0);
    // T24:00 is the next midnight: equal to it, though its text sorts before.
    expect(compareInstants('2026-01-01T24:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe(0);
  });
});
