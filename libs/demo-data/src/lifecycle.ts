import type { LifecycleStage } from '@crm/domain';
import { customerCommand, later, type Action, type CustomerSim } from './customer-sim';
import { DAY_MS } from './time';

const advanceFrom =
  (from: LifecycleStage, to: LifecycleStage): Action =>
  (sim, at) => {
    if (sim.stage !== from) {
      return null;
    }
    sim.stage = to;
    return customerCommand(sim, at, 'AdvanceStage', { to });
  };

export const becomeProspect = advanceFrom('lead', 'prospect');
export const becomeLoyal = advanceFrom('customer', 'loyal');
export const becomeAdvocate = advanceFrom('loyal', 'advocate');

/** RULES.md: churned means no purchase for a year after having had one, so only buyers can churn. */
export const churn =
  (winBack: Action): Action =>
  (sim, at) => {
    if (sim.stage === 'churned' || sim.counters.purchase === 0) {
      return null;
    }
    sim.stage = 'churned';
    if (sim.random.chance(0.3)) {
      const returnsAt = at + DAY_MS * (20 + sim.random.exponential(120));
      sim.activeUntil = returnsAt + sim.random.exponential(240 * DAY_MS);
      later(sim, at, returnsAt - at, winBack);
      scheduleChurn(sim, winBack);
    }
    return customerCommand(sim, at, 'AdvanceStage', { to: 'churned' });
  };

export const scheduleChurn = (sim: CustomerSim, winBack: Action): void => {
  if (Number.isFinite(sim.activeUntil)) {
    later(sim, sim.activeUntil, DAY_MS * sim.random.int(120, 300), churn(winBack));
  }
};
