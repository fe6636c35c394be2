import { toEpochMs } from '@crm/domain';
import type { KpiCustomer } from '../../kpi-customers';
import { ratio, within, type Kpi, type Period } from './kpi';

export const optInGrowthKpiOf = (
  granted: number,
  withdrawn: number,
  erased: number,
  atStart: number,
): Kpi => ({
  key: 'opt_in_list_growth',
  value: ratio(granted - withdrawn - erased, atStart),
  unit: 'ratio',
  definition:
    '(E-mail marketing consents granted − withdrawn − erased customers that held one) in the period ÷ e-mail marketing opt-ins at `from`.',
  records: atStart,
});

/** Whether the last e-mail marketing change at or before `ms` was a grant (erasure aside). */
export const heldAt = (customer: KpiCustomer, ms: number): boolean =>
  customer.emailOptIns.filter((change) => toEpochMs(change.at) <= ms).at(-1)?.granted === true;

export const erasedBy = (customer: KpiCustomer, ms: number): boolean =>
  customer.erasedAt !== null && toEpochMs(customer.erasedAt) <= ms;

/**
 * RULES.md, Campaigns and consent: (e-mail marketing grants − withdrawals − erased customers that held
 * one) in the period ÷ e-mail marketing opt-ins at its start.
 */
export const optInGrowthKpi = (customers: readonly KpiCustomer[], period: Period): Kpi => {
  const atStart = customers.filter(
    (customer) => heldAt(customer, period.fromMs) && !erasedBy(customer, period.fromMs),
  ).length;
  const changes = customers.flatMap((customer) =>
    customer.emailOptIns.filter((change) => within(change.at, period)),
  );
  const granted = changes.filter((change) => change.granted).length;
  const withdrawn = changes.length - granted;
  const erased = customers.filter(
    (customer) =>
      customer.erasedAt !== null &&
      within(customer.erasedAt, period) &&
      heldAt(customer, toEpochMs(customer.erasedAt)),
  ).length;
  return optInGrowthKpiOf(granted, withdrawn, erased, atStart);
};
