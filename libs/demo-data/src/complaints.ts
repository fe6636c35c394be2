import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_DESCRIPTIONS,
  REOPEN_REASONS,
  RESOLUTIONS,
} from './catalogue';
import { customerCommand, later, nextOrdinal, type Action, type CustomerSim } from './customer-sim';
import { askSatisfaction } from './surveys';
import { DAY_MS, HOUR_MS } from './time';

const SLA_CHOICES = [24, 48, 120] as const;

const handlingTime = (sim: CustomerSim, medianHours: number): number =>
  HOUR_MS * (0.25 + sim.random.logNormal(medianHours, 1.1));

const reopen =
  (complaintId: string): Action =>
  (sim, at) => {
    if (sim.random.chance(0.9)) {
      later(sim, at, handlingTime(sim, 30), resolve(complaintId, true));
    }
    return customerCommand(sim, at, 'ReopenComplaint', {
      complaintId,
      reason: sim.random.pick(REOPEN_REASONS),
    });
  };

const resolve =
  (complaintId: string, reopened: boolean): Action =>
  (sim, at) => {
    if (!reopened && sim.random.chance(0.12)) {
      later(sim, at, HOUR_MS + DAY_MS * sim.random.exponential(3), reopen(complaintId));
    }
    if (sim.random.chance(0.4)) {
      later(sim, at, DAY_MS * sim.random.exponential(1), askSatisfaction);
    }
    return customerCommand(sim, at, 'ResolveComplaint', {
      complaintId,
      firstContact: !reopened && sim.random.chance(0.65),
      resolution: sim.random.pick(RESOLUTIONS),
    });
  };

/** Unhappier customers complain more often: from about 0.15 to 0.95 complaints a year. */
export const complaining: Action = (sim, at) => {
  const perYear = 0.15 + 0.8 * (1 - sim.persona.mood);
  later(sim, at, DAY_MS * sim.random.exponential(365 / perYear), complaining);
  const complaintId = `${sim.customerId}-q${nextOrdinal(sim, 'complaint')}`;
  if (sim.random.chance(0.93)) {
    later(sim, at, handlingTime(sim, 20), resolve(complaintId, false));
  }
  const category = sim.random.pick(COMPLAINT_CATEGORIES);
  const sla = sim.random.chance(0.3) ? { slaHours: sim.random.pick(SLA_CHOICES) } : {};
  return customerCommand(sim, at, 'OpenComplaint', {
    complaintId,
    category,
    description: COMPLAINT_DESCRIPTIONS[category],
    channel: sim.random.pick(COMPLAINT_CHANNELS),
    ...sla,
  });
};
