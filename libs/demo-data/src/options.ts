export interface DemoDataOptions {
  readonly customers: number;
  readonly seed: number;
  readonly from: string;
  /** Inclusive: no command occurs after it. */
  readonly to: string;
}

export const DEFAULT_DEMO_DATA_OPTIONS: DemoDataOptions = {
  customers: 10_000,
  seed: 42,
  from: '2024-11-23T00:00:00.000Z',
  to: '2026-11-22T00:00:00.000Z',
};

export interface ResolvedOptions {
  readonly customers: number;
  readonly seed: number;
  readonly fromMs: number;
  readonly toMs: number;
}

export const resolveOptions = (options: Partial<DemoDataOptions> = {}): ResolvedOptions => {
  const { customers, seed, from, to } = { ...DEFAULT_DEMO_DATA_OPTIONS, ...options };
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (!Number.isSafeInteger(customers) || customers < 0) {
    throw new RangeError(`customers must be a non-negative integer, got ${customers}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 2^32-1, got ${seed}`);
  }
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs >= toMs) {
    throw new RangeError(`from (${from}) and to (${to}) must be ISO instants with from before to`);
  }
  return { customers, seed, fromMs, toMs };
};
