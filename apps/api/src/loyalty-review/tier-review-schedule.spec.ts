import { readTierReviewSchedule, scheduledInstant } from './tier-review-schedule';

describe('readTierReviewSchedule', () => {
  it('runs daily at 02:00 Istanbul time by default', () => {
    expect(readTierReviewSchedule({})).toEqual({
      enabled: true,
      cron: '0 2 * * *',
      timeZone: 'Europe/Istanbul',
    });
  });

  it('takes the expression, the time zone and the switch from the environment', () => {
    expect(
      readTierReviewSchedule({
        TIER_REVIEW_ENABLED: 'false',
        TIER_REVIEW_CRON: '30 3 * * 1',
        TIER_REVIEW_TIME_ZONE: 'UTC',
      }),
    ).toEqual({ enabled: false, cron: '30 3 * * 1', timeZone: 'UTC' });
  });

  it('refuses a switch that is neither true nor false', () => {
    expect(() => readTierReviewSchedule({ TIER_REVIEW_ENABLED: 'no' })).toThrow(/TIER_REVIEW_ENABLED/);
  });
});

describe('scheduledInstant', () => {
  it('is the tick truncated to its minute, in UTC', () => {
    // 02:00:00.731 in Istanbul (UTC+3) is 23:00:00.731 UTC the day before.
    expect(scheduledInstant(new Date('2026-04-01T02:00:00.731+03:00'))).toBe('2026-03-31T23:00:00.000Z');
  });
});
