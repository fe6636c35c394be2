export const SECOND_MS = 1000;
export const HOUR_MS = 60 * 60 * SECOND_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Whole seconds look like real timestamps and keep ISO strings short. */
export const toSecond = (ms: number): number => Math.round(ms / SECOND_MS) * SECOND_MS;

export const isoOf = (ms: number): string => new Date(ms).toISOString();
