import type { ComplaintFact, KpiFact } from '../kpi-fact';
import { between, HOUR_IN_MS, meanOf, medianOf, ratio, within, type Kpi, type Period } from './kpi';

const resolvedIn = (facts: readonly KpiFact[], period: Period): ComplaintFact[] =>
  facts.filter(
    (fact): fact is ComplaintFact =>
      fact.kind === 'complaint' && fact.openedAt !== null && within(fact.resolvedAt, period),
  );

const resolutionMs = (fact: ComplaintFact): number => between(fact.openedAt ?? '', fact.resolvedAt ?? '');

const RESOLUTION =
  'ComplaintResolved.occurredAt − Complained.occurredAt; a reopened complaint counts from the original ' +
  'opening to its final resolution. Over complaints finally resolved in the period.';

/** RULES.md, Service: resolution time, first-contact resolution rate and SLA attainment. */
export const serviceKpis = (facts: readonly KpiFact[], period: Period): Kpi[] => {
  const resolved = resolvedIn(facts, period);
  const times = resolved.map(resolutionMs);
  const records = resolved.length;
  const firstContact = resolved.filter((fact) => fact.firstContact === true && !fact.reopened).length;
  const withinSla = resolved.filter((fact) => resolutionMs(fact) <= fact.slaHours * HOUR_IN_MS).length;
  return [
    {
      key: 'complaint_resolution_time_avg',
      value: meanOf(times, HOUR_IN_MS),
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
};
