import { InvalidArgumentError } from 'commander';
import { type EventEnvelope, isValidId, toEpochMs } from '@crm/domain';
import type { LogBound } from './log-bound';

/**
 * What `crm export` writes: one customer's stream or the global log, narrowed by bounds. Every bound is
 * inclusive, as in `crm replay`: from ≤ position ≤ to, and instants compared with occurredAt.
 */
export interface ExportSelection {
  readonly customerId?: string;
  readonly from?: LogBound;
  readonly to?: LogBound;
  /** Only events strictly after this position: how an interrupted export resumes. */
  readonly after?: number;
}

export function parseCustomerId(value: string): string {
  if (!isValidId(value)) {
    throw new InvalidArgumentError('a customer id is 1-64 characters of A-Z, a-z, 0-9, _ or -');
  }
  return value;
}

/** Why the selection cannot run, or undefined when it can. */
export function selectionProblem({ customerId, from, to }: ExportSelection): string | undefined {
  if (customerId === undefined && from === undefined && to === undefined) {
    return 'choose what to export: --customer <id>, or --from and/or --to (the whole log: --from 1)';
  }
  if (from?.kind === 'position' && to?.kind === 'position' && from.position > to.position) {
    return `--from ${from.position} is after --to ${to.position}`;
  }
  if (from?.kind === 'instant' && to?.kind === 'instant' && from.epochMs > to.epochMs) {
    return `--from ${from.instant} is after --to ${to.instant}`;
  }
  return undefined;
}

/** The last position read before the first one that can match; 0 reads from the start of the log. */
export function scanStart({ from, after }: ExportSelection): number {
  return Math.max(after ?? 0, from?.kind === 'position' ? from.position - 1 : 0);
}

/** The last position that can match, at most `head`: an export is a snapshot of the log when it starts. */
export function scanEnd({ to }: ExportSelection, head: number): number {
  return to?.kind === 'position' ? Math.min(to.position, head) : head;
}

export function selects(selection: ExportSelection): (event: EventEnvelope) => boolean {
  const { from, to, after } = selection;
  return (event) => {
    if (after !== undefined && event.position <= after) return false;
    if (from?.kind === 'position' && event.position < from.position) return false;
    if (to?.kind === 'position' && event.position > to.position) return false;
    if (from?.kind !== 'instant' && to?.kind !== 'instant') return true;
    const occurredAt = toEpochMs(event.occurredAt);
    return (
      (from?.kind !== 'instant' || occurredAt >= from.epochMs) &&
      (to?.kind !== 'instant' || occurredAt <= to.epochMs)
    );
  };
}
