import type { KpiCustomer } from '../../kpi-customers';
import { atOrBefore, between, DAY_IN_MS, ratio, within, type Kpi, type KpiPolicy, type Period } from './kpi';

/** The UTC calendar month of an instant, `YYYY-MM`. */
export const cohortMonth = (at: string | number): string => new Date(at).toISOString().slice(0, 7);

export const leadConversionKpi = (
  month: string,
  leads: number,
  converted: number,
  policy: KpiPolicy,
): Kpi => ({
  key: `lead_conversion.${month}`,
  value: ratio(converted, leads),
  unit: 'ratio',
  definition: `Customers who entered lead in ${month} (within the period) and reached customer within ${policy.leadConversionDays} days ÷ customers who entered lead in ${month}.`,
  records: leads,
});

const converted = (customer: KpiCustomer, period: Period, policy: KpiPolicy): boolean =>
  customer.leadAt !== null &&
  atOrBefore(customer.customerAt, period.toMs) &&
  between(customer.leadAt, customer.customerAt) <= policy.leadConversionDays * DAY_IN_MS;

/**
 * RULES.md, lead conversion per cohort month, for the leads that entered in the period (a month cut by
 * the period counts only its part inside). Conversions after `to` are not seen yet.
 */
export const leadConversionKpis = (
  customers: readonly KpiCustomer[],
  period: Period,
  policy: KpiPolicy,
): Kpi[] => {
  const cohorts = new Map<string, KpiCustomer[]>();
  for (const customer of customers) {
    if (customer.leadAt !== null && within(customer.leadAt, period)) {
      const month = cohortMonth(customer.leadAt);
      cohorts.set(month, [...(cohorts.get(month) ?? []), customer]);
    }
  }
  return [...cohorts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, leads]) =>
      leadConversionKpi(
        month,
        leads.length,
        leads.filter((lead) => converted(lead, period, policy)).length,
        policy,
      ),
    );
};
