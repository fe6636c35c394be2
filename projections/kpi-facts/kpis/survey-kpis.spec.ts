import { history, MARCH, valueOf } from '../kpi-facts.fixtures';
import { DEFAULT_KPI_POLICY } from './kpi';
import { surveyKpis } from './survey-kpis';

describe('NPS and CSAT', () => {
  const h = history();
  // The 90-day window ending 2026-04-01 starts after 2026-01-01T00:00Z.
  h.on('c1', 'NpsAnswered', '2025-12-31T00:00:00Z', { surveyId: 's', score: 0 }); // outside the window
  h.on('c1', 'NpsAnswered', '2026-02-01T00:00:00Z', { surveyId: 's', score: 3 });
  h.on('c1', 'NpsAnswered', '2026-03-01T00:00:00Z', { surveyId: 's', score: 10 }); // c1's latest: promoter
  h.on('c2', 'NpsAnswered', '2026-03-05T00:00:00Z', { surveyId: 's', score: 6 }); // detractor
  h.on('c3', 'NpsAnswered', '2026-03-06T00:00:00Z', { surveyId: 's', score: 8 }); // passive
  h.on('c4', 'NpsAnswered', '2026-03-07T00:00:00Z', { surveyId: 's', score: 9 }); // promoter
  h.on('c5', 'NpsAnswered', '2026-04-02T00:00:00Z', { surveyId: 's', score: 0 }); // after `to`
  h.on('c1', 'SatisfactionAnswered', '2026-03-01T00:00:00Z', { surveyId: 's', score: 5 });
  h.on('c1', 'SatisfactionAnswered', '2026-03-02T00:00:00Z', { surveyId: 's', score: 2 });
  h.on('c2', 'SatisfactionAnswered', '2026-03-02T00:00:00Z', { surveyId: 's', score: 4 });
  const kpis = surveyKpis(h.input().facts, MARCH, DEFAULT_KPI_POLICY);

  it('then NPS = 2 promoters − 1 detractor over 4 latest answers = 25', () => {
    expect(valueOf(kpis, 'nps')).toEqual({ value: 25, records: 4 });
  });

  it('then CSAT counts every answer in the window: 2 of 3 are 4–5', () => {
    expect(valueOf(kpis, 'csat')).toEqual({ value: 0.6667, records: 3 });
  });
});
