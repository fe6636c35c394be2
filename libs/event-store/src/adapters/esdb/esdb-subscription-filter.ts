import { eventTypeFilter, type Filter, streamNameFilter } from '@eventstore/db-client';
import { fromPosition } from './esdb-event-mapping';

/**
 * The server-side filter of a subscription to `$all`: our stream prefixes, or, given `types`, the event
 * types (a subscription takes one filter; the stream prefixes are then checked on the client). A filter by
 * type reports how far it has read through `onReadThrough`, one position short of each checkpoint: were an
 * event at the checkpoint's own position still to come, a consumer that saved it would skip that event
 * after a restart; positions are byte offsets, so nothing lies between.
 */
export function subscriptionFilter(
  serverPrefixes: string[],
  types: readonly string[] | undefined,
  onReadThrough: (position: number) => void,
): Filter {
  if (types === undefined) return streamNameFilter({ prefixes: serverPrefixes });
  return eventTypeFilter({
    regex: exactlyOneOf(types),
    checkpointReached: (_, position) => onReadThrough(fromPosition(position, 'a filter checkpoint') - 1),
  });
}

/** A regex matching exactly one of `values` (an empty list matches nothing). */
function exactlyOneOf(values: readonly string[]): string {
  if (values.length === 0) return '(?!)';
  return `^(?:${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}
