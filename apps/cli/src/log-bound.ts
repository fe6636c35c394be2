import { InvalidArgumentError } from 'commander';
import { isIsoInstant, toEpochMs } from '@crm/domain';

/** A bound on the event log: a global position, or an instant compared with each event's occurredAt. */
export type LogBound =
  | { readonly kind: 'position'; readonly position: number }
  | { readonly kind: 'instant'; readonly instant: string; readonly epochMs: number };

const POSITION = /^\d+$/;

/** A global position: a whole number ≥ 1 (the first event of the log is at position 1 or above). */
export function parsePosition(value: string): number {
  const position = Number(value);
  if (!POSITION.test(value) || !Number.isSafeInteger(position) || position < 1) {
    throw new InvalidArgumentError('expected a global position, a whole number ≥ 1');
  }
  return position;
}

/** `--from`/`--to`: digits are a position, anything else must be an ISO 8601 instant with a time zone. */
export function parseLogBound(value: string): LogBound {
  if (POSITION.test(value)) return { kind: 'position', position: parsePosition(value) };
  if (!isIsoInstant(value)) {
    throw new InvalidArgumentError(
      'expected a global position (e.g. 1500) or an ISO 8601 instant with a time zone (e.g. 2026-03-01T00:00:00Z)',
    );
  }
  return { kind: 'instant', instant: value, epochMs: toEpochMs(value) };
}
