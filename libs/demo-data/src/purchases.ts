import { PURCHASE_CHANNELS } from './catalogue';
import { customerCommand, later, nextOrdinal, type Action, type CustomerSim } from './customer-sim';
import { becomeLoyal } from './lifecycle';
import { askSatisfaction } from './surveys';
import { DAY_MS } from './time';

const CONVERTED_BY_PURCHASE = new Set(['lead', 'prospect', 'churned']);

const returnOf =
  (purchaseId: string, amount: number): Action =>
  (sim, at) => {
    const partial = amount > 1 && sim.random.chance(0.4);
    return customerCommand(sim, at, 'ReturnPurchase', {
      returnId: `${sim.customerId}-r${nextOrdinal(sim, 'return')}`,
      purchaseId,
      amount: { amount: partial ? sim.random.int(1, amount - 1) : amount, currency: 'TRY' },
    });
  };

const scheduleFollowUps = (sim: CustomerSim, at: number, purchaseId: string, amount: number): void => {
  if (sim.random.chance(0.07)) {
    later(sim, at, DAY_MS * (1 + sim.random.exponential(5)), returnOf(purchaseId, amount));
  }
  if (sim.stage === 'customer' && sim.counters.purchase >= 4 && sim.random.chance(0.35)) {
    later(sim, at, DAY_MS * sim.random.exponential(10), becomeLoyal);
  }
  if (sim.random.chance(0.12)) {
    later(sim, at, DAY_MS * (1 + sim.random.exponential(3)), askSatisfaction);
  }
};

export const purchaseOf =
  (amount: number, channel: string): Action =>
  (sim, at) => {
    const purchaseId = `${sim.customerId}-p${nextOrdinal(sim, 'purchase')}`;
    if (CONVERTED_BY_PURCHASE.has(sim.stage)) {
      sim.stage = 'customer';
    }
    scheduleFollowUps(sim, at, purchaseId, amount);
    return customerCommand(sim, at, 'RecordPurchase', {
      purchaseId,
      amount: { amount, currency: 'TRY' },
      channel,
    });
  };

const basket = (sim: CustomerSim): number =>
  Math.max(1_000, Math.round(sim.random.logNormal(sim.persona.basketMedian, 0.7)));

/** A self-renewing purchase process that stops when the customer drifts away (`activeUntil`). */
export const shopping: Action = (sim, at) => {
  const next = at + DAY_MS * sim.random.exponential(365 / sim.persona.purchasesPerYear);
  if (next < sim.activeUntil) {
    later(sim, at, next - at, shopping);
  }
  return purchaseOf(basket(sim), sim.random.pick(PURCHASE_CHANNELS))(sim, at);
};

export const impulsePurchase: Action = (sim, at) =>
  at < sim.activeUntil ? purchaseOf(basket(sim), 'web')(sim, at) : null;
