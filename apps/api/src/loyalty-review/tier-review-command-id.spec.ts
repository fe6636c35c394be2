import { COMMAND_ID } from '../commands/command-context';
import { tierReviewCommandId, tierReviewCorrelationId } from './tier-review-command-id';

describe('tier review command ids', () => {
  it('are fixed by the instant and the customer', () => {
    expect(tierReviewCommandId('2025-03-01T10:00:00.000Z', 'c-1')).toBe('tier-review-20250301T100000Z-c-1');
    expect(tierReviewCorrelationId('2025-03-01T10:00:00.000Z')).toBe('tier-review-20250301T100000Z');
  });

  it('keep milliseconds when the instant has them', () => {
    expect(tierReviewCommandId('2025-03-01T10:00:00.250Z', 'c-1')).toBe(
      'tier-review-20250301T100000.250Z-c-1',
    );
  });

  it('fit the command-id pattern for the longest customer id', () => {
    // 12 ("tier-review-") + 16 (instant) + 1 + 64 = 93 characters, within 128.
    const id = tierReviewCommandId('2025-03-01T10:00:00.000Z', 'x'.repeat(64));

    expect(id).toHaveLength(93);
    expect(id).toMatch(COMMAND_ID);
  });
});
