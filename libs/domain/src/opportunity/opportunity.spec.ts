import type { GivenEvent } from '../testing/decider-spec';
import { deciderSpec } from '../testing/decider-spec';
import type { OpportunityCommand } from './opportunity.commands';
import { opportunityDecider } from './opportunity.decide';
import type { OpportunityEvent } from './opportunity.events';
import { DEFAULT_OPPORTUNITY_POLICY, type OpenOpportunityStage } from './opportunity-policy';

const NOW = '2026-06-01T12:00:00.000Z';
const given = deciderSpec(opportunityDecider, { now: NOW });
const amount = { amount: 12_000_000, currency: 'TRY' };

type CommandOf<T extends OpportunityCommand['type']> = Extract<OpportunityCommand, { type: T }>;
const command = <T extends OpportunityCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  opportunityId = 'o-1',
) => ({ type, opportunityId, data }) as unknown as CommandOf<T>;

const opened = (stage: OpenOpportunityStage = 'qualification'): GivenEvent<OpportunityEvent> => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId: 'o-1',
    customerId: 'c-1001',
    title: 'Fleet renewal',
    amount,
    stage,
    probability: DEFAULT_OPPORTUNITY_POLICY.probabilities[stage],
  },
});
const advanced = (
  from: OpenOpportunityStage,
  to: OpenOpportunityStage,
  probability: number,
): OpportunityEvent => ({
  type: 'OpportunityStageAdvanced',
  data: { from, to, probability },
});
const open = (stage?: OpenOpportunityStage) =>
  command('OpenOpportunity', {
    customerId: 'c-1001',
    title: 'Fleet renewal',
    amount,
    ...(stage ? { stage } : {}),
  });

const everyLaterCommand = (): OpportunityCommand[] => [
  command('AdvanceOpportunityStage', { to: 'proposal' }),
  command('WinOpportunity', {}),
  command('LoseOpportunity', { reason: 'price' }),
];

describe('Opportunity', () => {
  describe('when not yet opened', () => {
    it('opens at qualification with a 10% probability', () => {
      given([])
        .when(open())
        .then([opened('qualification')]);
    });

    it('opens at a later stage when asked', () => {
      given([])
        .when(open('proposal'))
        .then([opened('proposal')]);
    });

    it.each([
      ['an invalid customer id', { customerId: 'c 1' }, 'customerId'],
      ['no title', { title: '' }, 'title'],
      ['a fractional amount', { amount: { amount: 1.5, currency: 'TRY' } }, 'amount'],
      ['a terminal stage', { stage: 'won' }, 'stage'],
    ])('refuses to open with %s', (_situation, overrides, field) => {
      given([])
        .when({ ...open(), data: { ...open().data, ...(overrides as object) } } as OpportunityCommand)
        .thenThrows('invalid_input', field);
    });

    it('refuses an invalid opportunity id', () => {
      given([])
        .when(command('OpenOpportunity', open().data, 'o/1'))
        .thenThrows('invalid_input', 'opportunityId');
    });

    it.each(everyLaterCommand().map((c) => [c.type, c]))('refuses %s as not found', (_type, anyCommand) => {
      given([]).when(anyCommand).thenThrows('not_found', 'o-1');
    });
  });

  describe('when open', () => {
    it('refuses to open it again', () => {
      given([opened()]).when(open()).thenThrows('already_exists');
    });

    it('advances to the next stage with its probability', () => {
      given([opened()])
        .when(command('AdvanceOpportunityStage', { to: 'needs_analysis' }))
        .then([advanced('qualification', 'needs_analysis', 25)]);
    });

    it('skips ahead to negotiation', () => {
      given([opened()])
        .when(command('AdvanceOpportunityStage', { to: 'negotiation' }))
        .then([advanced('qualification', 'negotiation', 75)]);
    });

    it('refuses to move back a stage', () => {
      given([opened(), advanced('qualification', 'proposal', 50)])
        .when(command('AdvanceOpportunityStage', { to: 'needs_analysis' }))
        .thenThrows('invalid_transition', 'only move forward');
    });

    it('refuses to stay at the same stage', () => {
      given([opened()])
        .when(command('AdvanceOpportunityStage', { to: 'qualification' }))
        .thenThrows('invalid_transition');
    });

    it('refuses to advance to won or lost; those have their own commands', () => {
      given([opened()])
        .when(command('AdvanceOpportunityStage', { to: 'won' as OpenOpportunityStage }))
        .thenThrows('invalid_input', 'to');
    });

    it('uses an overridden probability table', () => {
      const opportunityPolicy = {
        probabilities: { qualification: 5, needs_analysis: 20, proposal: 40, negotiation: 80 },
      };
      given([opened()])
        .when(command('AdvanceOpportunityStage', { to: 'proposal' }), { opportunityPolicy })
        .then([advanced('qualification', 'proposal', 40)]);
    });

    it('is won at its current stage', () => {
      given([opened(), advanced('qualification', 'negotiation', 75)])
        .when(command('WinOpportunity', {}))
        .then([{ type: 'OpportunityWon', data: { atStage: 'negotiation', amount } }]);
    });

    it('is lost at its current stage with a reason', () => {
      given([opened(), advanced('qualification', 'proposal', 50)])
        .when(command('LoseOpportunity', { reason: 'chose a competitor' }))
        .then([{ type: 'OpportunityLost', data: { atStage: 'proposal', reason: 'chose a competitor' } }]);
    });

    it('refuses to be lost without a reason', () => {
      given([opened()])
        .when(command('LoseOpportunity', { reason: '' }))
        .thenThrows('invalid_input', 'reason');
    });
  });

  describe.each([
    ['won', { type: 'OpportunityWon', data: { atStage: 'qualification', amount } } as OpportunityEvent],
    [
      'lost',
      { type: 'OpportunityLost', data: { atStage: 'qualification', reason: 'budget' } } as OpportunityEvent,
    ],
  ])('when %s', (status, closing) => {
    it.each(everyLaterCommand().map((c) => [c.type, c]))(
      'refuses %s because it is closed',
      (_type, anyCommand) => {
        given([opened(), closing]).when(anyCommand).thenThrows('invalid_transition', `already ${status}`);
      },
    );

    it('refuses to open it again', () => {
      given([opened(), closing]).when(open()).thenThrows('already_exists');
    });
  });
});
