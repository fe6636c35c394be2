/** A measured run: how many events an operation handled and how long it took. */
export interface Measurement {
  readonly events: number;
  readonly nanos: bigint;
}

/** A table cell: a measurement, or why there is none. */
export type Outcome =
  | { readonly kind: 'measured'; readonly measurement: Measurement; readonly note?: string }
  | { readonly kind: 'n/a'; readonly reason: string }
  | { readonly kind: 'failed'; readonly error: string };

export function now(): bigint {
  return process.hrtime.bigint();
}

export function eventsPerSecond(m: Measurement): number {
  return m.nanos === 0n ? Number.POSITIVE_INFINITY : (m.events * 1e9) / Number(m.nanos);
}

export function rate(outcome: Outcome): number | undefined {
  return outcome.kind === 'measured' ? eventsPerSecond(outcome.measurement) : undefined;
}

export function seconds(m: Measurement): string {
  return (Number(m.nanos) / 1e9).toFixed(2);
}
