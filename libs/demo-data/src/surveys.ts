import { NPS_COMMENTS } from './catalogue';
import { customerCommand, later, nextOrdinal, type Action, type CustomerSim } from './customer-sim';
import { becomeAdvocate } from './lifecycle';
import { DAY_MS } from './time';

const scoreBetween = (sim: CustomerSim, min: number, max: number): number => {
  const noisy = sim.persona.mood * (max - min) + min + (sim.random.next() - 0.5) * (max - min) * 0.4;
  return Math.min(max, Math.max(min, Math.round(noisy)));
};

const surveyId = (sim: CustomerSim, kind: string): string =>
  `${sim.customerId}-${kind}${nextOrdinal(sim, 'survey')}`;

export const askSatisfaction: Action = (sim, at) =>
  customerCommand(sim, at, 'AnswerSatisfaction', {
    surveyId: surveyId(sim, 'csat'),
    score: scoreBetween(sim, 1, 5),
  });

export const npsSurveys: Action = (sim, at) => {
  later(sim, at, DAY_MS * (30 + sim.random.exponential(210)), npsSurveys);
  const score = scoreBetween(sim, 0, 10);
  if (score >= 9 && sim.stage === 'loyal' && sim.random.chance(0.5)) {
    later(sim, at, DAY_MS * sim.random.exponential(5), becomeAdvocate);
  }
  const comment = sim.random.chance(0.2) ? { comment: sim.random.pick(NPS_COMMENTS) } : {};
  return customerCommand(sim, at, 'AnswerNps', { surveyId: surveyId(sim, 'nps'), score, ...comment });
};
