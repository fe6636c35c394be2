import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { readTierReviewSchedule, TIER_REVIEW_SCHEDULE } from './tier-review-schedule';
import { TierReviewController } from './tier-review.controller';
import { TierReviewScheduler } from './tier-review.scheduler';
import { TierReviewService } from './tier-review.service';

/** The daily loyalty tier review: scheduled, on demand over HTTP, and from the `crm` CLI. */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    TierReviewService,
    TierReviewScheduler,
    { provide: TIER_REVIEW_SCHEDULE, useFactory: () => readTierReviewSchedule(process.env) },
  ],
  controllers: [TierReviewController],
  exports: [TierReviewService],
})
export class LoyaltyReviewModule {}
