import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import { RunTierReviewDto } from './run-tier-review.dto';
import type { TierReviewSummary } from './tier-review-summary';
import { TierReviewSummaryDto } from './tier-review-summary.dto';
import { TierReviewService } from './tier-review.service';

const ERRORS: ReadonlyArray<[number, string]> = [
  [400, 'Malformed JSON, unknown fields or an asOf that is not an ISO 8601 instant'],
  [401, 'Missing, invalid or expired bearer token'],
  [403, 'Only admins run reviews'],
  [422, 'asOf is in the future'],
  [429, 'Rate limit exceeded'],
  [503, 'The loyalty-tier read model has not been built yet'],
];

// No @Roles: admin only. A review touches every customer, so it stays with operators.
@ApiTags('loyalty')
@ApiBearerAuth()
@Controller('loyalty/reviews')
export class TierReviewController {
  constructor(private readonly reviews: TierReviewService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the loyalty tier review at an instant',
    description:
      'Sends ReviewTier {asOf} to every customer due for a downgrade warning, a downgrade or a cancellation. ' +
      'Running it again at the same instant appends nothing.',
  })
  @ApiResponse({ status: 200, type: TierReviewSummaryDto, description: 'What the review did' })
  @applyDecorators(
    ...ERRORS.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponseDto })),
  )
  run(@Body() body: RunTierReviewDto): Promise<TierReviewSummary> {
    return this.reviews.review(body.asOf);
  }
}
