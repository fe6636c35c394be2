export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly attempts: number };

/** Calls `step` up to `maxAttempts` times, returning its first value or the last failure. */
export function attempt<T>(step: () => T, maxAttempts: number): Attempt<T> {
  let error = '';
  for (let attempts = 1; attempts <= maxAttempts; attempts++) {
    try {
      return { ok: true, value: step() };
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      if (attempts === maxAttempts) return { ok: false, error, attempts };
    }
  }
  return { ok: false, error, attempts: maxAttempts };
}
