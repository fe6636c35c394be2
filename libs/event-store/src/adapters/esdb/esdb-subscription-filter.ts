import { eventTypeFilter, type Filter, type Position, streamNameFilter } from '@eventstore/db-client';

/** Where a filter by type sends its checkpoints: the subscription they belong to. */
export interface CheckpointSink {
  /** A checkpoint of the server's filter, as the client hands it over. */
  checkpoint(position: Position): void;
  /** Anything that went wrong while taking one. */
  fail(error: unknown): void;
}

/**
 * The server-side filter of a subscription to `$all`: our stream prefixes, or, given `types`, the event
 * types (a subscription takes one filter; the stream prefixes are then checked on the client). A filter by
 * type hands its checkpoints to `sink`.
 *
 * The client awaits `checkpointReached` inside its Transform's `async _transform`, with no try/catch
 * (`@eventstore/db-client` 6.2.1, `dist/streams/utils/Subscription.js`):
 *
 *     if (resp.hasCheckpoint?.() && __classPrivateFieldGet(this, _Subscription_checkpointReached, "f")) {
 *         ...
 *         await __classPrivateFieldGet(this, _Subscription_checkpointReached, "f").call(this, this, position);
 *     }
 *
 * A throw there rejects `_transform`'s promise, which nobody handles (an unhandled rejection ends a Node 20
 * process), and `next()` is never called, so the subscription stalls. The callback below therefore never
 * throws and never returns a rejected promise: it returns nothing, and routes any error to `sink.fail`, the
 * subscription's own failure path.
 */
export function subscriptionFilter(
  serverPrefixes: string[],
  types: readonly string[] | undefined,
  sink: () => CheckpointSink | undefined,
): Filter {
  if (types === undefined) return streamNameFilter({ prefixes: serverPrefixes });
  return eventTypeFilter({
    regex: exactlyOneOf(types),
    checkpointReached: (_subscription, position) => {
      const target = sink();
      try {
        target?.checkpoint(position);
      } catch (error) {
        target?.fail(error);
      }
    },
  });
}

/** A regex matching exactly one of `values` (an empty list matches nothing). */
function exactlyOneOf(values: readonly string[]): string {
  if (values.length === 0) return '(?!)';
  return `^(?:${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}
