import { toEpochMs } from '@crm/domain';
import type { KpiCustomer } from '../../kpi-customers';
import { purchaseTimes } from '../kpis/churn-rate';
import { DAY_IN_MS, type KpiPolicy } from '../kpis/kpi';
import { erasedBy, heldAt } from '../kpis/opt-in-growth';
import { contribution, countedOnce, steps, type Contribution } from './contribution';

/** A lead counts in its instant's period; its conversion counts once it happened (y), if within the window. */
const lead = (customer: KpiCustomer, policy: KpiPolicy): Contribution[] => {
  if (customer.leadAt === null) return [];
  const leadMs = toEpochMs(customer.leadAt);
  const customerMs = customer.customerAt === null ? null : toEpochMs(customer.customerAt);
  const converted =
    customerMs !== null && customerMs - leadMs <= policy.leadConversionDays * DAY_IN_MS
      ? [contribution('lead', leadMs, [0, 1], Math.max(leadMs, customerMs))]
      : [];
  return [contribution('lead', leadMs, [1, 0]), ...converted];
};

const optIns = (customer: KpiCustomer): Contribution[] => {
  const changes = customer.emailOptIns.map((change) =>
    contribution('optInChange', toEpochMs(change.at), [change.granted ? 1 : 0, change.granted ? 0 : 1, 0]),
  );
  const erasedMs = customer.erasedAt === null ? null : toEpochMs(customer.erasedAt);
  const erasedHolding =
    erasedMs !== null && heldAt(customer, erasedMs) ? [contribution('optInChange', erasedMs, [0, 0, 1])] : [];
  const instants = [
    ...customer.emailOptIns.map((change) => toEpochMs(change.at)),
    ...(erasedMs === null ? [] : [erasedMs]),
  ];
  const holding = steps('optedIn', instants, (ms) => [
    heldAt(customer, ms) && !erasedBy(customer, ms) ? 1 : 0,
  ]);
  return [...changes, ...erasedHolding, ...holding];
};

/**
 * Active at T means a purchase in (T − window, T]: the union of [p, p + window) over purchases p. Each run
 * of overlapping spans is +1 at its start and −1 at its end, and its end is the instant the customer
 * becomes churned (no purchase in the window after the last one).
 */
const churn = (customer: KpiCustomer, policy: KpiPolicy): Contribution[] => {
  const windowMs = policy.churnInactivityDays * DAY_IN_MS;
  const runs: Array<{ start: number; end: number }> = [];
  for (const ms of purchaseTimes(customer)) {
    const last = runs.at(-1);
    if (last !== undefined && ms <= last.end) last.end = ms + windowMs;
    else runs.push({ start: ms, end: ms + windowMs });
  }
  return [
    ...runs.flatMap(({ start, end }) => [
      contribution('active', start, [1]),
      contribution('active', end, [-1]),
    ]),
    ...countedOnce(
      'churned',
      runs.map((run) => run.end),
    ),
  ];
};

/** What one customer adds to the customer-level KPI series (lead conversion, opt-in growth, churn). */
export const customerContributions = (customer: KpiCustomer, policy: KpiPolicy): Contribution[] => [
  ...lead(customer, policy),
  ...optIns(customer),
  ...churn(customer, policy),
];
