/** Requests per second per caller; `RATE_LIMIT_PER_SECOND`, default 1,000. */
export function readRateLimit(env: NodeJS.ProcessEnv): number {
  const raw = env.RATE_LIMIT_PER_SECOND ?? '1000';
  const limit = Number(raw);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new Error(`RATE_LIMIT_PER_SECOND must be a positive whole number, got "${raw}"`);
  }
  return limit;
}
