import type { DomainEvent } from './envelope';

/** What a decision may know besides state: the current instant, handed in by the caller. */
export interface DecisionContext {
  readonly now: string;
}

/** An event as evolve sees it: its data plus the instant it occurred (an envelope satisfies this). */
export type Recorded<TEvent extends DomainEvent> = TEvent & { readonly occurredAt: string };

export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  readonly decide: (command: TCommand, state: TState, context: DecisionContext) => TEvent[];
  readonly evolve: (state: TState, event: Recorded<TEvent>) => TState;
  readonly initialState: () => TState;
}
