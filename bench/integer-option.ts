/** A command-line option that must be an integer of at least `min`, or a RangeError naming it. */
export function integerOption(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`--${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return n;
}
