import { toEpochMs, upcast, type EventEnvelope } from '@crm/domain';
import type { Customer360 } from './customer-360.document';
import { customer360, withDerivedFlagsAt } from './definition';

export interface Customer360AsOf {
  /** Include events with `occurredAt` at or before this ISO instant. */
  readonly instant?: string;
  /** Include events at or below this stream revision. */
  readonly revision?: number;
}

/**
 * The customer 360 as it stood at an instant and/or revision, by replaying one customer stream through
 * the projection's own `evolve`, each event upcast first as the projection runtime does (the API reads the
 * stream through the upcasting event store already; upcasting a current event changes nothing). Events of other streams than the first customer event's are ignored.
 * With an instant, `asOf`, churn risk and CLV are those at that instant. Returns null when no event of
 * the stream falls inside the bounds.
 */
export const customer360AsOf = (
  events: readonly EventEnvelope[],
  asOf: Customer360AsOf,
): Customer360 | null => {
  const first = events.find((event) => customer360.documentId(event) !== null);
  if (first === undefined) {
    return null;
  }
  const id = customer360.documentId(first) as string;
  const untilMs = asOf.instant === undefined ? Number.POSITIVE_INFINITY : toEpochMs(asOf.instant);
  const untilRevision = asOf.revision ?? Number.POSITIVE_INFINITY;
  const included = events
    .filter(
      (event) =>
        event.streamId === first.streamId &&
        customer360.documentId(event) === id &&
        event.revision <= untilRevision &&
        toEpochMs(event.occurredAt) <= untilMs,
    )
    .sort((a, b) => a.revision - b.revision)
    .map(upcast);
  if (included.length === 0) {
    return null;
  }
  const folded = included.reduce(customer360.evolve, customer360.initial(id));
  // A view at T shows churn risk and CLV at T, not at the last event before it (RULES: time comes from
  // an explicit "as of" instant).
  if (asOf.instant === undefined) return folded;
  // In UTC, like every `occurredAt`, so that one instant written with an offset reads the same.
  return withDerivedFlagsAt(folded, new Date(untilMs).toISOString());
};
