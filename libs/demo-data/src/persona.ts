import { REGISTRATION_CHANNELS } from './catalogue';
import type { ResolvedOptions } from './options';
import type { Random } from './random';
import { DAY_MS, toSecond } from './time';

export interface Persona {
  readonly registeredAt: number;
  readonly registeredVia: (typeof REGISTRATION_CHANNELS)[number];
  readonly buyer: boolean;
  readonly purchasesPerYear: number;
  /** Median basket in kuruş; individual baskets scatter log-normally around it. */
  readonly basketMedian: number;
  readonly activeUntil: number;
  /** 0 (unhappy) to 1 (delighted): drives survey scores and complaint frequency. */
  readonly mood: number;
  readonly business: boolean;
}

const LAST_REGISTRATION_BEFORE_END_MS = 14 * DAY_MS;

/** Registrations follow the customer index so the merged timeline can admit customers in index order. */
const registrationInstant = (index: number, options: ResolvedOptions, random: Random): number => {
  const span = options.toMs - options.fromMs;
  const window = Math.max(span - LAST_REGISTRATION_BEFORE_END_MS, span / 2);
  const share = (index + random.next()) / Math.max(1, options.customers);
  return toSecond(options.fromMs + share ** 0.75 * window);
};

export const createPersona = (index: number, options: ResolvedOptions, random: Random): Persona => {
  const registeredAt = registrationInstant(index, options, random);
  return {
    registeredAt,
    registeredVia: random.pick(REGISTRATION_CHANNELS),
    buyer: random.chance(0.82),
    purchasesPerYear: Math.min(40, random.logNormal(5, 0.8)),
    basketMedian: Math.round(random.logNormal(60_000, 0.6)),
    activeUntil: random.chance(0.35) ? registeredAt + random.exponential(300 * DAY_MS) : Infinity,
    mood: random.next(),
    business: random.chance(0.12),
  };
};
