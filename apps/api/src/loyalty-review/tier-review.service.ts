import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '@crm/application';
import {
  DEFAULT_LOYALTY_POLICY,
  InvalidInputError,
  requireInstant,
  TierReviewSupersededError,
  toEpochMs,
} from '@crm/domain';
import { READ_STORE } from '@crm/platform';
import { projectionTarget } from '@crm/projection-runtime';
import { loyaltyTier, type LoyaltyTierDocument } from '@crm/projections/loyalty-tier';
import { type ReadStore, UnknownCollectionError } from '@crm/read-store';
import type { Principal } from '../auth/principal';
import type { CommandContext } from '../commands/command-context';
import { ExecuteCustomerCommand } from '../commands/execute-command';
import { CANDIDATE_FILTER, isDueForReview } from './tier-review-candidates';
import { tierReviewCommandId, tierReviewCorrelationId } from './tier-review-command-id';
import { type TierReviewSummary, TierReviewTally } from './tier-review-summary';

/** The actor recorded in every event a review appends. */
export const TIER_REVIEW_PRINCIPAL: Principal = {
  subject: 'tier-review',
  roles: ['service'],
  service: 'scheduler',
};

const PAGE_SIZE = 500;
/** Commands in flight at once: enough to overlap I/O without starving the API's own requests. */
const CONCURRENCY = 8;

/**
 * The loyalty review of RULES.md: finds the customers due for a warning, a downgrade or a cancellation in
 * the loyalty-tier read model and sends each one `ReviewTier {asOf}` through the command bus.
 */
@Injectable()
export class TierReviewService {
  private readonly logger = new Logger(TierReviewService.name);

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly commands: CommandBus,
  ) {}

  /** `onReviewed` gets the number of candidates reviewed so far after each concurrent batch (the CLI's progress). */
  async review(asOf: string, onReviewed?: (reviewed: number) => void): Promise<TierReviewSummary> {
    const instant = reviewInstant(asOf);
    const tally = new TierReviewTally(instant);
    const context: CommandContext = {
      principal: TIER_REVIEW_PRINCIPAL,
      correlationId: tierReviewCorrelationId(instant),
    };
    let reviewed = 0;
    for await (const candidates of this.candidatePages(instant)) {
      for (let start = 0; start < candidates.length; start += CONCURRENCY) {
        const batch = candidates.slice(start, start + CONCURRENCY);
        await Promise.all(
          batch.map((customerId) =>
            this.reviewOne(customerId, instant, context).then(tally.record, (error: unknown) => {
              if (error instanceof TierReviewSupersededError) {
                tally.supersede();
                return;
              }
              this.logger.warn(`review of ${customerId} at ${instant} failed: ${(error as Error).message}`);
              tally.fail();
            }),
          ),
        );
        reviewed += batch.length;
        onReviewed?.(reviewed);
      }
    }
    return tally.summary();
  }

  private reviewOne(customerId: string, asOf: string, context: CommandContext): Promise<CommandOutcome> {
    return this.commands.execute(
      new ExecuteCustomerCommand(
        // The review's events take effect at the reviewed instant, not when the run got to them.
        { type: 'ReviewTier', customerId, occurredAt: asOf, data: { asOf } },
        context,
        tierReviewCommandId(asOf, customerId),
      ),
    );
  }

  /** Customer ids due at `asOf`, page by page; the cursor is keyed on the id, so paging is stable. */
  private async *candidatePages(asOf: string): AsyncGenerator<string[]> {
    let cursor: string | undefined;
    do {
      const page = await this.loyaltyTiers(cursor);
      yield page.items
        .map((item) => item.body as LoyaltyTierDocument)
        .filter((doc) => isDueForReview(doc, asOf, DEFAULT_LOYALTY_POLICY))
        .map((doc) => doc.customerId);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  /**
   * The documents of the collection this code's loyalty-tier version writes (`projectionTarget`), not
   * whatever the alias serves: a version deployed before its `crm rebuild` is read in the shape this code
   * knows (ADR 0035).
   */
  private async loyaltyTiers(cursor: string | undefined) {
    try {
      return await this.store.find(await projectionTarget(this.store, loyaltyTier), {
        where: CANDIDATE_FILTER,
        limit: PAGE_SIZE,
        cursor,
      });
    } catch (error) {
      if (error instanceof UnknownCollectionError) {
        throw new ServiceUnavailableException('the loyalty_tier read model is not built yet');
      }
      throw error;
    }
  }
}

/**
 * The instant in UTC, so that one instant written with two offsets is one review. A future instant is
 * refused: the review would act on spend that may still change, and every review before it would then
 * append nothing for the customers it touched (the decider ignores reviews at or before the last one).
 */
function reviewInstant(asOf: string): string {
  const instant = new Date(requireInstant('asOf', asOf)).toISOString();
  if (toEpochMs(instant) > Date.now()) {
    throw new InvalidInputError('asOf', 'must not be in the future');
  }
  return instant;
}
