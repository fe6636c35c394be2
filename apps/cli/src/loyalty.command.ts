import { Command, InvalidArgumentError } from 'commander';
import { isIsoInstant } from '@crm/domain';
import { TierReviewService } from '../../api/src/loyalty-review/tier-review.service';
import { withApiContext } from './api-context';
import { ProgressReporter, withProgressOption } from './progress-reporter';

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
  const review = loyalty
    .command('review')
    .description(
      'send ReviewTier to every customer due for a downgrade warning, a downgrade or a cancellation; ' +
        'prints the summary as JSON. Running it again at the same instant appends nothing.',
    )
    .requiredOption('--as-of <instant>', 'the instant to review at (not in the future)', parseInstant);
  withProgressOption(review).action(async (options: { asOf: string; progress?: boolean }) => {
    // How many customers are due is known only once the candidate pages are read: count and rate, no ETA.
    const bar = new ProgressReporter({
      label: 'loyalty review',
      unit: 'customers',
      progress: options.progress,
    });
    bar.start();
    const summary = await withApiContext((app) =>
      app.get(TierReviewService).review(options.asOf, (reviewed) => bar.update(reviewed, reviewed, '')),
    ).finally(() => bar.stop());
    console.log(JSON.stringify(summary));
    if (summary.failed > 0) process.exitCode = 1;
  });
  return loyalty;
}
