import type { EventEnvelope } from '@crm/domain';
import { project, testLog } from '../testing/envelope';
import { opportunities } from './definition';
import type { OpportunityDocument } from './opportunity.document';
import { opportunityLog, type OpportunityStep } from './opportunities.fixtures';

const given = (
  ...steps: OpportunityStep[]
): { events: EventEnvelope[]; docs: Record<string, OpportunityDocument> } => {
  const events = opportunityLog(steps);
  return { events, docs: project(opportunities, events) };
};

describe('opportunities projection', () => {
  describe('given an opportunity opened at qualification', () => {
    it('then it is open with the amount, currency and probability of its opening', () => {
      const { docs } = given({
        open: 'o1',
        customerId: 'c1',
        amount: 1_000_000,
        stage: 'qualification',
        at: '2024-01-01T09:00:00Z',
      });
      expect(docs.o1).toEqual({
        opportunityId: 'o1',
        customerId: 'c1',
        title: 'Deal o1',
        status: 'open',
        stage: 'qualification',
        amount: 1_000_000,
        currency: 'TRY',
        probability: 10,
        openedAt: '2024-01-01T09:00:00Z',
        closedAt: null,
        stageEnteredAt: '2024-01-01T09:00:00Z',
        stagesEntered: [{ stage: 'qualification', at: '2024-01-01T09:00:00Z' }],
        lastRevision: 0,
      });
    });
  });

  describe('given it advanced to proposal', () => {
    it('then the stage, probability and time entered the stage follow', () => {
      const { docs } = given(
        {
          open: 'o1',
          customerId: 'c1',
          amount: 1_000_000,
          stage: 'qualification',
          at: '2024-01-01T09:00:00Z',
        },
        { advance: 'o1', from: 'qualification', to: 'proposal', at: '2024-01-10T09:00:00Z' },
      );
      expect(docs.o1).toMatchObject({
        status: 'open',
        stage: 'proposal',
        probability: 50,
        stageEnteredAt: '2024-01-10T09:00:00Z',
        stagesEntered: [
          { stage: 'qualification', at: '2024-01-01T09:00:00Z' },
          { stage: 'proposal', at: '2024-01-10T09:00:00Z' },
        ],
      });
    });
  });

  describe('given it was won', () => {
    it('then it is closed as won at its stage, with the won amount and probability 100', () => {
      const { docs } = given(
        { open: 'o1', customerId: 'c1', amount: 1_000_000, stage: 'negotiation', at: '2024-01-01T09:00:00Z' },
        { win: 'o1', atStage: 'negotiation', amount: 950_000, at: '2024-02-01T09:00:00Z' },
      );
      expect(docs.o1).toMatchObject({
        status: 'won',
        stage: 'negotiation',
        amount: 950_000,
        probability: 100,
        openedAt: '2024-01-01T09:00:00Z',
        closedAt: '2024-02-01T09:00:00Z',
      });
    });
  });

  describe('given it was lost', () => {
    it('then it is closed as lost at its stage with probability 0, and the free-text reason is not kept', () => {
      const { docs } = given(
        {
          open: 'o1',
          customerId: 'c1',
          amount: 1_000_000,
          stage: 'qualification',
          at: '2024-01-01T09:00:00Z',
        },
        { advance: 'o1', from: 'qualification', to: 'needs_analysis', at: '2024-01-05T09:00:00Z' },
        { lose: 'o1', atStage: 'needs_analysis', at: '2024-01-20T09:00:00Z' },
      );
      expect(docs.o1).toMatchObject({
        status: 'lost',
        stage: 'needs_analysis',
        probability: 0,
        closedAt: '2024-01-20T09:00:00Z',
      });
      expect(JSON.stringify(docs.o1)).not.toContain('too expensive');
    });
  });

  describe('given a redelivered event', () => {
    it('then it is applied once', () => {
      const { events, docs } = given(
        { open: 'o1', customerId: 'c1', amount: 1_000, stage: 'qualification', at: '2024-01-01T09:00:00Z' },
        { advance: 'o1', from: 'qualification', to: 'proposal', at: '2024-01-10T09:00:00Z' },
      );
      expect(opportunities.evolve(docs.o1, events[1])).toBe(docs.o1);
      expect(opportunities.evolve(docs.o1, events[0])).toBe(docs.o1);
    });
  });

  describe('documentId', () => {
    it('then opportunity-stream events map to the opportunity and customer streams are ignored', () => {
      const [opened] = opportunityLog([
        { open: 'o9', customerId: 'c1', amount: 1, stage: 'qualification', at: '2024-01-01T09:00:00Z' },
      ]);
      const customerEvent = testLog().append({
        streamId: 'customer-c1',
        type: 'OpportunityOpened',
        occurredAt: '2024-01-01T09:00:00Z',
        data: {},
      });
      expect(opportunities.documentId(opened)).toBe('o9');
      expect(opportunities.documentId(customerEvent)).toBeNull();
    });
  });
});
