import { DAY_IN_MS, type EventEnvelope } from '@crm/domain';
import { mulberry32 } from '@crm/demo-data';
import { kpiCustomers, type KpiCustomer } from '../../kpi-customers';
import { project } from '../../testing/envelope';
import { kpiFacts } from '../definition';
import type { KpiFact } from '../kpi-fact';
import { computeKpis } from '../kpis/all-kpis';
import type { Kpi, Period } from '../kpis/kpi';
import { KpiAggregates } from './kpi-aggregates';
import { HISTORY_END_MS, HISTORY_START_MS, randomHistory } from './random-history.fixtures';

const byId = <T>(documents: Record<string, T>): Array<[string, T]> =>
  Object.entries(documents).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The read models after `events`, in id order as the read store lists them. */
const readModels = (events: readonly EventEnvelope[]) => ({
  facts: byId(project(kpiFacts, events)) as Array<[string, KpiFact]>,
  customers: byId(project(kpiCustomers, events)) as Array<[string, KpiCustomer]>,
});

/** The scan over every fact and customer: the reference the aggregates must equal. */
const reference = (models: ReturnType<typeof readModels>, period: Period): Kpi[] =>
  computeKpis(
    {
      facts: models.facts.map(([, fact]) => fact),
      customers: models.customers.map(([, customer]) => customer),
    },
    period,
  );

const aggregatesOf = (models: ReturnType<typeof readModels>): KpiAggregates => {
  const aggregates = new KpiAggregates();
  for (const [id, fact] of models.facts) aggregates.putFact(id, fact);
  for (const [id, customer] of models.customers) aggregates.putCustomer(id, customer);
  return aggregates;
};

/**
 * Windows of every shape: up to 731 days, bounds on event instants (a fact at `to` counts, at `from` not),
 * a millisecond either side of them, on midnights, and anywhere.
 */
const randomPeriods = (seed: number, events: readonly EventEnvelope[], count: number): Period[] => {
  const random = mulberry32(seed);
  const instants = events.map((event) => Date.parse(event.occurredAt));
  const bound = (): number => {
    const choice = random();
    if (choice < 0.5) return instants[Math.floor(random() * instants.length)] + Math.floor(random() * 3) - 1;
    if (choice < 0.7) return HISTORY_START_MS + Math.floor(random() * 800) * DAY_IN_MS;
    return (
      HISTORY_START_MS -
      30 * DAY_IN_MS +
      Math.floor(random() * (HISTORY_END_MS - HISTORY_START_MS + 60 * DAY_IN_MS))
    );
  };
  return Array.from({ length: count }, () => {
    const toMs = bound();
    const length = random() < 0.3 ? 731 * DAY_IN_MS : 1 + Math.floor(random() * 731 * DAY_IN_MS);
    const fromMs =
      random() < 0.5 ? toMs - length : Math.max(toMs - 731 * DAY_IN_MS, Math.min(bound(), toMs - 1));
    return { fromMs, toMs };
  });
};

describe('KPI aggregates', () => {
  describe.each([1, 2, 3])('given a random history (seed %i) of 60 customers and 30 deals', (seed) => {
    const events = randomHistory(seed, 60);
    const models = readModels(events);
    const aggregates = aggregatesOf(models);

    it('then every KPI of 150 random periods equals the scan over every fact, value, records and definition', () => {
      for (const period of randomPeriods(seed, events, 150)) {
        expect({ period, kpis: aggregates.report(period) }).toEqual({
          period,
          kpis: reference(models, period),
        });
      }
    });

    it('when the facts arrive as they were part-way, then as they are, then the reports equal those built at once', () => {
      const incremental = new KpiAggregates();
      for (const cut of [0.3, 0.7, 1]) {
        const part = readModels(events.slice(0, Math.floor(events.length * cut)));
        for (const [id, fact] of part.facts) incremental.putFact(id, fact);
        for (const [id, customer] of part.customers) incremental.putCustomer(id, customer);
        const [period] = randomPeriods(seed + cut, events, 1);
        expect(incremental.report(period)).toEqual(reference(part, period));
      }
      for (const period of randomPeriods(seed + 7, events, 40)) {
        expect(incremental.report(period)).toEqual(aggregates.report(period));
      }
    });
  });

  describe('given no facts at all', () => {
    it('then the report has the fixed entries with null values and no records', () => {
      const period = { fromMs: HISTORY_START_MS, toMs: HISTORY_END_MS };
      expect(new KpiAggregates().report(period)).toEqual(computeKpis({ facts: [], customers: [] }, period));
    });
  });
});
