import type { Decider, DecisionContext, Recorded } from '../shared/decider';
import { DomainError, type DomainErrorCode } from '../shared/domain-error';
import type { DomainEvent } from '../shared/envelope';

/** A past event for `given`: without `occurredAt` it is taken to have happened at the context's `now`. */
export type GivenEvent<TEvent extends DomainEvent> = TEvent & { readonly occurredAt?: string };

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen<TEvent extends DomainEvent> {
  then(expected: TEvent[]): void;
  thenNothing(): void;
  thenThrows(expected: ErrorClass | DomainErrorCode, message?: string | RegExp): void;
}

export interface DeciderWhen<TCommand, TEvent extends DomainEvent> {
  when(command: TCommand, context?: Partial<DecisionContext> & Record<string, unknown>): DeciderThen<TEvent>;
}

/**
 * `deciderSpec(decider, context)` returns `given(events).when(command).then(events)`; in the style of Emmett's
 * DeciderSpecification, but the decider's context (the `now`) is explicit.
 */
export const deciderSpec =
  <TCommand, TState, TEvent extends DomainEvent>(
    decider: Decider<TCommand, TState, TEvent>,
    defaultContext: DecisionContext & Record<string, unknown>,
  ) =>
  (givenEvents: GivenEvent<TEvent>[]): DeciderWhen<TCommand, TEvent> => ({
    when(command, contextOverride = {}) {
      const context = { ...defaultContext, ...contextOverride } as DecisionContext;
      const decide = (): TEvent[] => {
        const state = givenEvents.reduce(
          (current, event) =>
            decider.evolve(current, {
              ...event,
              occurredAt: event.occurredAt ?? context.now,
            } as Recorded<TEvent>),
          decider.initialState(),
        );
        return decider.decide(command, state, context);
      };
      return {
        then(expected) {
          expect(decide()).toEqual(expected);
        },
        thenNothing() {
          expect(decide()).toEqual([]);
        },
        thenThrows(expected, message) {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeDefined();
          if (typeof expected === 'string') {
            expect(thrown).toBeInstanceOf(DomainError);
            expect((thrown as DomainError).code).toBe(expected);
          } else {
            expect(thrown).toBeInstanceOf(expected);
          }
          if (message !== undefined) {
            expect((thrown as Error).message).toMatch(message);
          }
        },
      };
    },
  });
