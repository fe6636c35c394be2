import { Command, InvalidArgumentError } from 'commander';
import { isIsoInstant } from '@crm/domain';
import { TierReviewService } from '../../api/src/loyalty-review/tier-review.service';
import { withApiContext } from './api-context';

const parseInstant = (value: string): string => {
  if (!isIsoInstant(value)) {
    throw new InvalidArgumentError(
      'expected an ISO 8601 instant with a time zone, e.g. 2026-04-01T02:00:00+03:00',
    );
  }
  return value;
};

/** `crm loyalty …`: the loyalty ladder's operations. */
export function loyaltyCommand(): Command {
  const loyalty = new Command('loyalty').description('loyalty ladder operations');
  loyalty
    .command('review')
    .description(
      'send ReviewTier to every customer due for a downgrade warning, a downgrade or a cancellation; ' +
        'prints the summary as JSON. Running it again at the same instant appends nothing.',
    )
    .requiredOption('--as-of <instant>', 'the instant to review at (not in the future)', parseInstant)
    .action(async (options: { asOf: string }) => {
      const summary = await withApiContext((app) => app.get(TierReviewService).review(options.asOf));
      console.log(JSON.stringify(summary));
      if (summary.failed > 0) process.exitCode = 1;
    });
  return loyalty;
}
