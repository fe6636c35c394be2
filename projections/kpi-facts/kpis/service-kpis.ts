import type { ComplaintFact, KpiFact } from '../kpi-fact';
import { between, HOUR_IN_MS, meanOfTotal, medianOf, ratio, within, type Kpi, type Period } from './kpi';

const resolvedIn = (facts: readonly KpiFact[], period: Period): ComplaintFact[] =>
  facts.filter(
    (fact): fact is ComplaintFact =>
      fact.kind === 'complaint' && fact.openedAt !== null && within(fact.resolvedAt, period),
  );

/** Final resolution − original opening. */
export const resolutionMs = (fact: ComplaintFact): number =>
  between(fact.openedAt ?? '', fact.resolvedAt ?? '');

/** Resolved with `firstContact: true` and never reopened. */
export const isFirstContactResolution = (fact: ComplaintFact): boolean =>
  fact.firstContact === true && !fact.reopened;

export const isWithinSla = (fact: ComplaintFact): boolean => resolutionMs(fact) <= fact.slaHours * HOUR_IN_MS;

/** What the service KPIs need of the complaints resolved in a period. */
export interface ServiceTotals {
  readonly records: number;
  readonly totalMs: number;
  /** Every resolution time, for the median. */
  readonly times: readonly number[];
  readonly firstContact: number;
  readonly withinSla: number;
}

const RESOLUTION =
  'ComplaintResolved.occurredAt − Complained.occurredAt; a reopened complaint counts from the original ' +
  'opening to its final resolution. Over complaints finally resolved in the period.';

export const serviceKpisOf = ({ records, totalMs, times, firstContact, withinSla }: ServiceTotals): Kpi[] => [
  {
    key: 'complaint_resolution_time_avg',
    value: meanOfTotal(totalMs, records, HOUR_IN_MS),
    unit: 'hours',
    definition: `Average of ${RESOLUTION}`,
    records,
  },
  {
    key: 'complaint_resolution_time_median',
    value: medianOf(times, HOUR_IN_MS),
    unit: 'hours',
    definition: `Median of ${RESOLUTION}`,
    records,
  },
  {
    key: 'first_contact_resolution_rate',
    value: ratio(firstContact, records),
    unit: 'ratio',
    definition:
      'Complaints resolved with firstContact: true and never reopened ÷ all complaints resolved in the period.',
    records,
  },
  {
    key: 'sla_attainment',
    value: ratio(withinSla, records),
    unit: 'ratio',
    definition:
      'Complaints resolved within their SLA (resolution time ≤ slaHours) ÷ all complaints resolved in the period.',
    records,
  },
];

/** RULES.md, Service: resolution time, first-contact resolution rate and SLA attainment. */
export const serviceKpis = (facts: readonly KpiFact[], period: Period): Kpi[] => {
  const resolved = resolvedIn(facts, period);
  const times = resolved.map(resolutionMs);
  return serviceKpisOf({
    records: resolved.length,
    totalMs: times.reduce((sum, time) => sum + time, 0),
    times,
    firstContact: resolved.filter(isFirstContactResolution).length,
    withinSla: resolved.filter(isWithinSla).length,
  });
};
