import { toEpochMs } from '@crm/domain';
import type { AnswerFact, KpiFact } from '../kpi-fact';
import { DAY_IN_MS, ratio, type Kpi, type KpiPolicy, type Period } from './kpi';

const answersInWindow = (
  facts: readonly KpiFact[],
  kind: 'nps' | 'csat',
  period: Period,
  policy: KpiPolicy,
): AnswerFact[] => {
  const window = { fromMs: period.toMs - policy.surveyWindowDays * DAY_IN_MS, toMs: period.toMs };
  return facts.filter(
    (fact): fact is AnswerFact =>
      fact.kind === kind && fact.atMs !== null && fact.atMs > window.fromMs && fact.atMs <= window.toMs,
  );
};

/** Each customer's latest answer; ties on the instant go to the later fact in the input order. */
const latestPerCustomer = (answers: readonly AnswerFact[]): AnswerFact[] => {
  const latest = new Map<string | null, AnswerFact>();
  for (const answer of answers) {
    const current = latest.get(answer.customerId);
    if (current === undefined || toEpochMs(answer.at ?? '') >= toEpochMs(current.at ?? '')) {
      latest.set(answer.customerId, answer);
    }
  }
  return [...latest.values()];
};

export const isPromoter = (score: number): boolean => score >= 9;
export const isDetractor = (score: number): boolean => score <= 6;
export const isSatisfied = (score: number): boolean => score >= 4;

export const npsKpi = (promoters: number, detractors: number, answers: number, days: number): Kpi => ({
  key: 'nps',
  value: answers === 0 ? null : Math.round(((promoters - detractors) * 100) / answers),
  unit: 'NPS points',
  definition: `% promoters (9–10) − % detractors (0–6) over each customer's latest NPS answer in the ${days} days ending at \`to\`, rounded to an integer from −100 to 100.`,
  records: answers,
});

export const csatKpi = (satisfied: number, answers: number, days: number): Kpi => ({
  key: 'csat',
  value: ratio(satisfied, answers),
  unit: 'ratio',
  definition: `Satisfaction answers of 4–5 (on 1–5) ÷ all satisfaction answers in the ${days} days ending at \`to\`.`,
  records: answers,
});

const nps = (answers: readonly AnswerFact[], days: number): Kpi =>
  npsKpi(
    answers.filter((answer) => isPromoter(answer.score)).length,
    answers.filter((answer) => isDetractor(answer.score)).length,
    answers.length,
    days,
  );

const csat = (answers: readonly AnswerFact[], days: number): Kpi =>
  csatKpi(answers.filter((answer) => isSatisfied(answer.score)).length, answers.length, days);

/** RULES.md, NPS and satisfaction; the window ends at the period's `to`, whatever its `from`. */
export const surveyKpis = (facts: readonly KpiFact[], period: Period, policy: KpiPolicy): Kpi[] => [
  nps(latestPerCustomer(answersInWindow(facts, 'nps', period, policy)), policy.surveyWindowDays),
  csat(answersInWindow(facts, 'csat', period, policy), policy.surveyWindowDays),
];
