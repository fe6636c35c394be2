import type { DecisionContext } from './decider';
import { requireInstant } from './instant';

/** The instant a command takes effect, and so the `occurredAt` of its events: its own `occurredAt` if given, else `now`. */
export const commandTime = (command: { readonly occurredAt?: string }, context: DecisionContext): string =>
  command.occurredAt === undefined
    ? requireInstant('now', context.now)
    : requireInstant('occurredAt', command.occurredAt);
