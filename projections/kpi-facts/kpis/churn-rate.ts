import type { KpiCustomer } from '../../kpi-customers';
import { DAY_IN_MS, ratio, type Kpi, type KpiPolicy, type Period } from './kpi';

/** Every purchase instant of the customer, any currency, in time order. */
export const purchaseTimes = (customer: KpiCustomer): number[] =>
  [...customer.purchases.atMs].sort((a, b) => a - b);

/** Active at T: a purchase in (T − window, T]. */
const activeAt = (times: readonly number[], ms: number, windowMs: number): boolean =>
  times.some((time) => time > ms - windowMs && time <= ms);

/** Becomes churned at p + window for a purchase p with no later purchase in (p, p + window]. */
const churnedIn = (times: readonly number[], period: Period, windowMs: number): boolean =>
  times.some((time, index) => {
    const churnAt = time + windowMs;
    const next = times[index + 1];
    return churnAt > period.fromMs && churnAt <= period.toMs && (next === undefined || next > churnAt);
  });

export const churnRateKpiOf = (churned: number, active: number, policy: KpiPolicy): Kpi => ({
  key: 'churn_rate',
  value: ratio(churned, active),
  unit: 'ratio',
  definition: `Customers who became churned in the period (no purchase for ${policy.churnInactivityDays} days after having had one) ÷ customers with a purchase in the ${policy.churnInactivityDays} days before \`from\`.`,
  records: active,
});

/** RULES.md, Churn: customers who became churned in the period ÷ customers active at its start. */
export const churnRateKpi = (customers: readonly KpiCustomer[], period: Period, policy: KpiPolicy): Kpi => {
  const windowMs = policy.churnInactivityDays * DAY_IN_MS;
  const ledgers = customers.map(purchaseTimes);
  const active = ledgers.filter((times) => activeAt(times, period.fromMs, windowMs)).length;
  const churned = ledgers.filter((times) => churnedIn(times, period, windowMs)).length;
  return churnRateKpiOf(churned, active, policy);
};
