import { Agenda } from './agenda';
import { campaigns } from './campaigns';
import { complaining } from './complaints';
import { offerConsents } from './consents';
import { later, type Action, type CustomerSim } from './customer-sim';
import type { DemoCommand } from './demo-command';
import { commandIdOf, customerIdOf } from './ids';
import { becomeProspect, scheduleChurn } from './lifecycle';
import type { Timed } from './merge';
import type { ResolvedOptions } from './options';
import { openOpportunity } from './opportunity-timeline';
import { createPersona } from './persona';
import { mixSeed } from './prng';
import { shopping } from './purchases';
import { createRandom } from './random';
import { register } from './registration';
import { npsSurveys } from './surveys';
import { DAY_MS, SECOND_MS } from './time';

export interface TimedCommand extends Timed {
  readonly command: DemoCommand;
}

const createSim = (index: number, options: ResolvedOptions): CustomerSim => {
  const random = createRandom(mixSeed(options.seed, index));
  const persona = createPersona(index, options, random);
  return {
    index,
    customerId: customerIdOf(index),
    random,
    persona,
    agenda: new Agenda<Action>(),
    consents: new Set(),
    campaignsSent: new Set(),
    counters: { purchase: 0, return: 0, complaint: 0, survey: 0, consent: 0, opportunity: 0 },
    stage: 'lead',
    activeUntil: persona.activeUntil,
  };
};

const plan = (sim: CustomerSim): void => {
  const { random, persona } = sim;
  const start = persona.registeredAt;
  sim.agenda.schedule(start, register);
  offerConsents(sim, start);
  if (random.chance(0.5)) {
    later(sim, start, DAY_MS * (0.1 + random.exponential(4)), becomeProspect);
  }
  if (persona.buyer) {
    later(sim, start, DAY_MS * random.exponential(25), shopping);
  }
  later(sim, start, DAY_MS * (3 + random.exponential(30)), campaigns);
  later(sim, start, DAY_MS * random.exponential(365 / (0.15 + 0.8 * (1 - persona.mood))), complaining);
  later(sim, start, DAY_MS * (14 + random.exponential(150)), npsSurveys);
  for (let deal = persona.business ? random.int(1, 3) : 0; deal > 0; deal -= 1) {
    later(sim, start, DAY_MS * (2 + random.exponential(200)), openOpportunity);
  }
  scheduleChurn(sim, shopping);
};

/** One customer's commands in time order, strictly increasing by at least a second, cut off at `to`. */
export function* customerTimeline(index: number, options: ResolvedOptions): Generator<TimedCommand> {
  const sim = createSim(index, options);
  plan(sim);
  let sequence = 0;
  let last = -Infinity;
  for (let due = sim.agenda.takeEarliest(); due !== undefined; due = sim.agenda.takeEarliest()) {
    const at = Math.max(due.at, last + SECOND_MS);
    if (at > options.toMs) {
      return;
    }
    const draft = due.item(sim, at);
    if (draft !== null) {
      sequence += 1;
      last = at;
      yield {
        at,
        rank: index,
        command: { ...draft, commandId: commandIdOf(options.seed, sim.customerId, sequence) },
      };
    }
  }
}
