const positiveWholeNumber = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name] ?? String(fallback);
  const value = /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
};

/** Requests per second per caller; `RATE_LIMIT_PER_SECOND`, default 1,000. */
export const readRateLimit = (env: NodeJS.ProcessEnv): number =>
  positiveWholeNumber(env, 'RATE_LIMIT_PER_SECOND', 1_000);

/** Failed authentications per client address per minute before it is refused; `AUTH_FAILURES_PER_MINUTE`, default 30. */
export const readAuthFailureLimit = (env: NodeJS.ProcessEnv): number =>
  positiveWholeNumber(env, 'AUTH_FAILURES_PER_MINUTE', 30);
