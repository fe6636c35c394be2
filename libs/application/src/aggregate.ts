import {
  customerDecider,
  customerStateCodec,
  customerStream,
  type CustomerCommand,
  type CustomerDecisionContext,
  type CustomerEvent,
  type CustomerState,
  type DomainEvent,
  type LoyaltyPolicy,
  opportunityDecider,
  opportunityStream,
  type OpportunityCommand,
  type OpportunityEvent,
  type OpportunityState,
  type Recorded,
  type StateCodec,
} from '@crm/domain';

/** What the executor needs to run any decider: where its stream is, and how to decide and evolve. */
export interface Aggregate<TCommand, TState, TEvent extends DomainEvent> {
  readonly name: string;
  readonly streamOf: (command: TCommand) => string;
  readonly decide: (command: TCommand, state: TState, now: string) => TEvent[];
  readonly evolve: (state: TState, event: Recorded<TEvent>) => TState;
  readonly initialState: () => TState;
  /** How its state is written into a snapshot; aggregates without one have no snapshots. */
  readonly stateCodec?: StateCodec<TState>;
}

export type CustomerAggregate = Aggregate<CustomerCommand, CustomerState, CustomerEvent>;
export type OpportunityAggregate = Aggregate<OpportunityCommand, OpportunityState, OpportunityEvent>;

export const customerAggregate = (loyaltyPolicy?: LoyaltyPolicy): CustomerAggregate => ({
  name: 'customer',
  streamOf: (command) => customerStream(command.customerId),
  decide: (command, state, now) => {
    const context: CustomerDecisionContext = { now, loyaltyPolicy };
    return customerDecider.decide(command, state, context);
  },
  evolve: customerDecider.evolve,
  initialState: customerDecider.initialState,
  stateCodec: customerStateCodec,
});

export const opportunityAggregate = (): OpportunityAggregate => ({
  name: 'opportunity',
  streamOf: (command) => opportunityStream(command.opportunityId),
  decide: (command, state, now) => opportunityDecider.decide(command, state, { now }),
  evolve: opportunityDecider.evolve,
  initialState: opportunityDecider.initialState,
});
