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

const nps = (answers: readonly AnswerFact[], days: number): Kpi => {
  const promoters = answers.filter((answer) => answer.score >= 9).length;
  const detractors = answers.filter((answer) => answer.score <= 6).length;
  return {
    key: 'nps',
    value: answers.length === 0 ? null : Math.round(((promoters - detractors) * 100) / answers.length),
    unit: 'NPS points',
    definition: `% promoters (9–10) − % detractors (0–6) over each customer's latest NPS answer in the ${days} days ending at \`to\`, rounded to an integer from −100 to 100.`,
    records: answers.length,
  };
};

const csat = (answers: readonly AnswerFact[], days: number): Kpi => ({
  key: 'csat',
  value: ratio(answers.filter((answer) => answer.score >= 4).length, answers.length),
  unit: 'ratio',
  definition: `Satisfaction answers of 4–5 (on 1–5) ÷ all satisfaction answers in the ${days} days ending at \`to\`.`,
  records: answers.length,
});

/** RULES.md, NPS and satisfaction; the window ends at the period's `to`, whatever its `from`. */
export const surveyKpis = (facts: readonly KpiFact[], period: Period, policy: KpiPolicy): Kpi[] => [
  nps(latestPerCustomer(answersInWindow(facts, 'nps', period, policy)), policy.surveyWindowDays),
  csat(answersInWindow(facts, 'csat', period, policy), policy.surveyWindowDays),
];
