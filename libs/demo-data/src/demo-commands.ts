import { customerTimeline, type TimedCommand } from './customer-timeline';
import type { DemoCommand } from './demo-command';
import { customerIdOf } from './ids';
import { mergeTimelines } from './merge';
import { resolveOptions, type DemoDataOptions, type ResolvedOptions } from './options';

function* timelines(options: ResolvedOptions): Generator<Iterator<TimedCommand>> {
  for (let index = 0; index < options.customers; index += 1) {
    yield customerTimeline(index, options);
  }
}

/** The whole demo history as one timeline: non-decreasing `occurredAt`, generated lazily. */
export function* demoCommands(options?: Partial<DemoDataOptions>): Generator<DemoCommand> {
  for (const timed of mergeTimelines(timelines(resolveOptions(options)))) {
    yield timed.command;
  }
}

export const demoCustomerIds = (options?: Partial<DemoDataOptions>): string[] =>
  Array.from({ length: resolveOptions(options).customers }, (_, index) => customerIdOf(index));
