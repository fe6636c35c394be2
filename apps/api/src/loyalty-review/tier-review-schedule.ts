export interface TierReviewSchedule {
  readonly enabled: boolean;
  /** Five-field cron expression (minute hour day-of-month month day-of-week), or six with seconds. */
  readonly cron: string;
  /** IANA time zone the cron expression is read in. */
  readonly timeZone: string;
}

export const TIER_REVIEW_SCHEDULE = Symbol('TierReviewSchedule');

/**
 * `TIER_REVIEW_ENABLED` (default `true`), `TIER_REVIEW_CRON` (default `0 2 * * *`) and
 * `TIER_REVIEW_TIME_ZONE` (default `Europe/Istanbul`): the daily review at 02:00 Istanbul time.
 */
export function readTierReviewSchedule(env: NodeJS.ProcessEnv): TierReviewSchedule {
  const enabled = env.TIER_REVIEW_ENABLED ?? 'true';
  if (enabled !== 'true' && enabled !== 'false') {
    throw new Error(`TIER_REVIEW_ENABLED must be "true" or "false", got "${enabled}"`);
  }
  return {
    enabled: enabled === 'true',
    cron: env.TIER_REVIEW_CRON ?? '0 2 * * *',
    timeZone: env.TIER_REVIEW_TIME_ZONE ?? 'Europe/Istanbul',
  };
}

/** The instant a scheduled run reviews: the tick's time truncated to the minute it was scheduled for. */
export const scheduledInstant = (firedAt: Date): string =>
  new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000).toISOString();
