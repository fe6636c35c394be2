import { project } from '../testing/envelope';
import { opportunities } from './definition';
import { opportunityLog } from './opportunities.fixtures';
import { pipelineSummary } from './pipeline-summary';

const none = { count: 0, amount: '0', weightedAmount: '0' };

describe('pipelineSummary', () => {
  describe('given open, advanced, won and lost opportunities in two currencies', () => {
    const docs = Object.values(
      project(
        opportunities,
        opportunityLog([
          {
            open: 'o1',
            customerId: 'c1',
            amount: 1_000_000,
            stage: 'qualification',
            at: '2024-01-01T09:00:00Z',
          },
          {
            open: 'o2',
            customerId: 'c2',
            amount: 2_000_000,
            stage: 'qualification',
            at: '2024-01-02T09:00:00Z',
          },
          { advance: 'o2', from: 'qualification', to: 'proposal', at: '2024-01-09T09:00:00Z' },
          {
            open: 'o3',
            customerId: 'c1',
            amount: 400_000,
            stage: 'needs_analysis',
            at: '2024-01-03T09:00:00Z',
          },
          {
            open: 'o4',
            customerId: 'c3',
            amount: 300_000,
            currency: 'EUR',
            stage: 'negotiation',
            at: '2024-01-04T09:00:00Z',
          },
          { open: 'o5', customerId: 'c4', amount: 999, stage: 'qualification', at: '2024-01-05T09:00:00Z' },
          { open: 'o6', customerId: 'c5', amount: 7_000_000, stage: 'proposal', at: '2024-01-06T09:00:00Z' },
          { win: 'o6', atStage: 'proposal', amount: 7_000_000, at: '2024-01-20T09:00:00Z' },
          {
            open: 'o7',
            customerId: 'c6',
            amount: 3_000_000,
            stage: 'negotiation',
            at: '2024-01-07T09:00:00Z',
          },
          { lose: 'o7', atStage: 'negotiation', at: '2024-01-21T09:00:00Z' },
        ]),
      ),
    );

    it('then only open ones count, per currency and stage, weighted by the default probabilities', () => {
      expect(pipelineSummary(docs)).toEqual({
        currencies: [
          {
            currency: 'EUR',
            stages: {
              qualification: none,
              needs_analysis: none,
              proposal: none,
              // 300,000 × 75% = 225,000
              negotiation: { count: 1, amount: '300000', weightedAmount: '225000' },
            },
            total: { count: 1, amount: '300000', weightedAmount: '225000' },
          },
          {
            currency: 'TRY',
            stages: {
              // (1,000,000 + 999) × 10% = 100,099.9 → rounded down to 100,099
              qualification: { count: 2, amount: '1000999', weightedAmount: '100099' },
              // 400,000 × 25% = 100,000
              needs_analysis: { count: 1, amount: '400000', weightedAmount: '100000' },
              // 2,000,000 × 50% = 1,000,000 (advanced from qualification)
              proposal: { count: 1, amount: '2000000', weightedAmount: '1000000' },
              negotiation: none,
            },
            // 100,099.9 + 100,000 + 1,000,000 = 1,200,099.9 → 1,200,099 (won o6 and lost o7 excluded)
            total: { count: 4, amount: '3400999', weightedAmount: '1200099' },
          },
        ],
      });
    });

    it('then the summary is plain JSON', () => {
      const summary = pipelineSummary(docs);
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    });
  });

  describe('given open amounts whose sum passes 2^53', () => {
    it('then the totals stay exact, as decimal strings', () => {
      const [one] = Object.values(
        project(
          opportunities,
          opportunityLog([
            {
              open: 'o1',
              customerId: 'c1',
              amount: 1_000_000_000_001,
              stage: 'proposal',
              at: '2024-01-01T09:00:00Z',
            },
          ]),
        ),
      );
      // 17,000 × 1,000,000,000,001 = 17,000,000,000,017,000: past 2^53 − 1, where a number would round it.
      const docs = Array.from({ length: 17_000 }, () => one);

      expect(pipelineSummary(docs).currencies[0].total).toEqual({
        count: 17_000,
        amount: '17000000000017000',
        weightedAmount: '8500000000008500',
      });
      expect(Number.isSafeInteger(17_000 * 1_000_000_000_001)).toBe(false);
    });
  });

  describe('given no open opportunities', () => {
    it('then the pipeline is empty', () => {
      expect(pipelineSummary([])).toEqual({ currencies: [] });
    });
  });
});
