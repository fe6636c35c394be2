import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { scheduledInstant, TIER_REVIEW_SCHEDULE, type TierReviewSchedule } from './tier-review-schedule';
import type { TierReviewSummary } from './tier-review-summary';
import { TierReviewService } from './tier-review.service';

export const TIER_REVIEW_JOB = 'tier-review';

/** Registers the daily review with the scheduler (unless disabled); the registry stops it on shutdown. */
@Injectable()
export class TierReviewScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TierReviewScheduler.name);

  constructor(
    @Inject(TIER_REVIEW_SCHEDULE) private readonly schedule: TierReviewSchedule,
    private readonly reviews: TierReviewService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.schedule.enabled) return;
    // An invalid expression or time zone throws here, so a misconfigured API fails at start-up.
    const job = CronJob.from({
      cronTime: this.schedule.cron,
      timeZone: this.schedule.timeZone,
      onTick: async () => {
        await this.runScheduled(new Date());
      },
      // A tick that finds the previous run still going waits for it instead of overlapping it.
      waitForCompletion: true,
      start: true,
      name: TIER_REVIEW_JOB,
    });
    this.registry.addCronJob(TIER_REVIEW_JOB, job);
    this.logger.log(`tier review scheduled at "${this.schedule.cron}" (${this.schedule.timeZone})`);
  }

  /** One scheduled run; failures are logged, the next tick tries again. */
  async runScheduled(firedAt: Date): Promise<TierReviewSummary | undefined> {
    try {
      const summary = await this.reviews.review(scheduledInstant(firedAt));
      this.logger.log(`tier review done: ${JSON.stringify(summary)}`);
      return summary;
    } catch (error) {
      this.logger.error(`tier review failed: ${(error as Error).stack ?? String(error)}`);
      return undefined;
    }
  }
}
