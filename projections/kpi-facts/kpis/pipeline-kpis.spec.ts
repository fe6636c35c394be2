import { history, MARCH, TRY, valueOf } from '../kpi-facts.fixtures';
import { pipelineKpis } from './pipeline-kpis';

const opened = (stage: string, probability: number, amount: number) => ({
  customerId: 'c1',
  amount: TRY(amount),
  stage,
  probability,
});

describe('pipeline KPIs', () => {
  const h = history();
  // o1: qualification 03-01T12 → proposal 03-05T12 (4 days) → won 03-11T12 (6 days); cycle 10 days.
  h.deal('o1', 'OpportunityOpened', '2026-03-01T12:00:00Z', opened('qualification', 10, 1_000_000));
  h.deal('o1', 'OpportunityStageAdvanced', '2026-03-05T12:00:00Z', { to: 'proposal', probability: 50 });
  h.deal('o1', 'OpportunityWon', '2026-03-11T12:00:00Z', { atStage: 'proposal', amount: TRY(900_000) });
  // o2: qualification 03-02 → lost there 03-22 (20 days).
  h.deal('o2', 'OpportunityOpened', '2026-03-02T00:00:00Z', opened('qualification', 10, 500_000));
  h.deal('o2', 'OpportunityLost', '2026-03-22T00:00:00Z', { atStage: 'qualification' });
  // o3: opened in February at proposal, advanced to negotiation in March, open at `to`.
  h.deal('o3', 'OpportunityOpened', '2026-02-10T00:00:00Z', opened('proposal', 50, 200_001));
  h.deal('o3', 'OpportunityStageAdvanced', '2026-03-03T00:00:00Z', { to: 'negotiation', probability: 75 });
  // o4: opened after `to`: not in the pipeline as of `to`.
  h.deal('o4', 'OpportunityOpened', '2026-04-02T00:00:00Z', opened('negotiation', 75, 1_000));
  const kpis = pipelineKpis(h.input().facts, MARCH);

  it('then close rate = 1 won ÷ (1 won + 1 lost) and the average cycle = (10 + 20) / 2 = 15 days', () => {
    expect(valueOf(kpis, 'close_rate')).toEqual({ value: 0.5, records: 2 });
    expect(valueOf(kpis, 'average_opportunity_cycle')).toEqual({ value: 15, records: 2 });
  });

  it('then the weighted pipeline as of `to` is o3 only: ⌊200 001 × 75 / 100⌋ = 150 000', () => {
    expect(valueOf(kpis, 'weighted_pipeline.TRY')).toEqual({ value: 150_000, records: 1 });
  });

  it('then qualification lost 1 of the 2 that entered it; proposal lost none of 1 (o3 entered it in February)', () => {
    expect(valueOf(kpis, 'stage_loss_rate.qualification')).toEqual({ value: 0.5, records: 2 });
    expect(valueOf(kpis, 'stage_loss_rate.proposal')).toEqual({ value: 0, records: 1 });
    expect(valueOf(kpis, 'stage_loss_rate.needs_analysis')).toEqual({ value: null, records: 0 });
  });

  it('then time in stage averages the stays that ended in the period', () => {
    // qualification: o1 4 days, o2 20 days → 12; proposal: o1 6 days and o3 2026-02-10 → 03-03 = 21 days → 13.5
    expect(valueOf(kpis, 'average_time_in_stage.qualification')).toEqual({ value: 12, records: 2 });
    expect(valueOf(kpis, 'average_time_in_stage.proposal')).toEqual({ value: 13.5, records: 2 });
    expect(valueOf(kpis, 'average_time_in_stage.negotiation')).toEqual({ value: null, records: 0 });
  });
});

describe('close rate at a decimal half', () => {
  it('given 139 won and 661 lost in March, then close rate = 139 ÷ 800 = 0.17375, reported as 0.1738', () => {
    const h = history();
    for (let deal = 0; deal < 800; deal++) {
      h.deal(`o${deal}`, 'OpportunityOpened', '2026-03-01T00:00:00Z', opened('qualification', 10, 1_000));
      if (deal < 139) {
        h.deal(`o${deal}`, 'OpportunityWon', '2026-03-10T00:00:00Z', {
          atStage: 'qualification',
          amount: TRY(1_000),
        });
      } else {
        h.deal(`o${deal}`, 'OpportunityLost', '2026-03-10T00:00:00Z', { atStage: 'qualification' });
      }
    }

    expect(valueOf(pipelineKpis(h.input().facts, MARCH), 'close_rate')).toEqual({
      value: 0.1738,
      records: 800,
    });
  });
});
