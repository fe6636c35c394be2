import { SHARED_ACCESS_LOG_STREAM } from '../data-access/sensitive-record-viewed';
import { STREAM_CATEGORIES } from '../shared/ids';

/**
 * Every stream this domain writes starts with one of these: `<category>-` for each of its categories
 * (`customer-<id>`, `opportunity-<id>`, `access-<id>`) and the one shared access log (`audit-access`),
 * which is outside every category on purpose. Derived from those two definitions, never listed by hand:
 * an event store that reads only "our" streams (EventStoreDB's `$all` holds system streams too) filters
 * by this list, so a stream missing from it would never leave the store.
 */
export const STREAM_NAME_PREFIXES: readonly string[] = Object.freeze([
  ...STREAM_CATEGORIES.map((category) => `${category}-`),
  SHARED_ACCESS_LOG_STREAM,
]);
