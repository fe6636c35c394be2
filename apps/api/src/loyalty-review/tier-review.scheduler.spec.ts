import { SchedulerRegistry, ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { TIER_REVIEW_SCHEDULE, type TierReviewSchedule } from './tier-review-schedule';
import { TIER_REVIEW_JOB, TierReviewScheduler } from './tier-review.scheduler';
import { TierReviewService } from './tier-review.service';

describe('TierReviewScheduler', () => {
  const reviewed: string[] = [];
  const reviews = {
    review: async (asOf: string) => {
      reviewed.push(asOf);
      return { asOf };
    },
  };

  const boot = async (schedule: TierReviewSchedule) => {
    const module = await Test.createTestingModule({
      imports: [ScheduleModule.forRoot()],
      providers: [
        TierReviewScheduler,
        { provide: TierReviewService, useValue: reviews },
        { provide: TIER_REVIEW_SCHEDULE, useValue: schedule },
      ],
    }).compile();
    return module.init();
  };

  beforeEach(() => reviewed.splice(0));

  it('registers a running job at 02:00 Istanbul time, 23:00 UTC, and stops it on shutdown', async () => {
    const app = await boot({ enabled: true, cron: '0 2 * * *', timeZone: 'Europe/Istanbul' });
    const registry = app.get(SchedulerRegistry);
    const job = registry.getCronJob(TIER_REVIEW_JOB);
    const next = job.nextDate().toUTC();

    expect(job.isActive).toBe(true);
    expect({ hour: next.hour, minute: next.minute }).toEqual({ hour: 23, minute: 0 });
    await app.close();
    expect(registry.doesExist('cron', TIER_REVIEW_JOB)).toBe(false);
  });

  it('registers nothing when disabled', async () => {
    const app = await boot({ enabled: false, cron: '0 2 * * *', timeZone: 'Europe/Istanbul' });

    expect(app.get(SchedulerRegistry).getCronJobs().size).toBe(0);
    await app.close();
  });

  it('fails at start-up on an expression that is not cron', async () => {
    await expect(boot({ enabled: true, cron: 'every night', timeZone: 'Europe/Istanbul' })).rejects.toThrow();
  });

  it('reviews at the minute the run was scheduled for', async () => {
    const app = await boot({ enabled: false, cron: '0 2 * * *', timeZone: 'Europe/Istanbul' });

    await app.get(TierReviewScheduler).runScheduled(new Date('2026-04-01T02:00:00.412+03:00'));

    expect(reviewed).toEqual(['2026-03-31T23:00:00.000Z']);
    await app.close();
  });
});
