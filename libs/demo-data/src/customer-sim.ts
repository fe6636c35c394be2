import type { CustomerCommand, LifecycleStage } from '@crm/domain';
import type { Agenda } from './agenda';
import type { DraftCommand } from './demo-command';
import type { Persona } from './persona';
import type { Random } from './random';
import { isoOf, toSecond } from './time';

/** Returns null when, by the time it comes due, the action no longer applies (e.g. the stage moved on). */
export type Action = (sim: CustomerSim, at: number) => DraftCommand | null;

type Counter = 'purchase' | 'return' | 'complaint' | 'survey' | 'consent' | 'opportunity';

/** What the generator must remember about one customer to only issue commands the deciders accept. */
export interface CustomerSim {
  readonly index: number;
  readonly customerId: string;
  readonly random: Random;
  readonly persona: Persona;
  readonly agenda: Agenda<Action>;
  readonly consents: Set<string>;
  readonly campaignsSent: Set<string>;
  readonly counters: Record<Counter, number>;
  stage: LifecycleStage;
  activeUntil: number;
}

export const nextOrdinal = (sim: CustomerSim, counter: Counter): number => {
  sim.counters[counter] += 1;
  return sim.counters[counter];
};

export const later = (sim: CustomerSim, at: number, delayMs: number, action: Action): void =>
  sim.agenda.schedule(toSecond(at + delayMs), action);

type CustomerCommandOf<T extends CustomerCommand['type']> = Extract<CustomerCommand, { type: T }>;

export const customerCommand = <T extends CustomerCommand['type']>(
  sim: CustomerSim,
  at: number,
  type: T,
  data: CustomerCommandOf<T>['data'],
): DraftCommand => ({
  aggregate: 'customer',
  command: { type, customerId: sim.customerId, occurredAt: isoOf(at), data } as CustomerCommandOf<T>,
});
