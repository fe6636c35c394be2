/** `2025-03-01T10:00:00.000Z` → `20250301T100000Z`; milliseconds stay when they are not zero. */
export const compactInstant = (utcIso: string): string => utcIso.replace(/[-:]/g, '').replace('.000Z', 'Z');

/**
 * The command id of one customer's review at one instant. Fixed by (instant, customer), so running the
 * same review again is answered as a replay and appends nothing. Customer ids are at most 64 characters
 * of `A-Za-z0-9_-`, so the id stays within the command-id pattern `^[A-Za-z0-9._:-]{1,128}$`.
 */
export const tierReviewCommandId = (utcIso: string, customerId: string): string =>
  `tier-review-${compactInstant(utcIso)}-${customerId}`;

/** One correlation id for every event a review run appends, so the audit trail groups them. */
export const tierReviewCorrelationId = (utcIso: string): string => `tier-review-${compactInstant(utcIso)}`;
