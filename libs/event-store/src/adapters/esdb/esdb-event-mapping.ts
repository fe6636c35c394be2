import { createHash } from 'node:crypto';
import { type EventEnvelope, type EventMetadata, type NewEvent, STREAM_NAME_PREFIXES } from '@crm/domain';
import type {
  AppendExpectedRevision,
  JSONEventData,
  JSONType,
  Position,
  RecordedEvent,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../../event-store';

/**
 * Pure conversions between our envelope (libs/domain/src/shared/envelope.ts) and the shapes of
 * `@eventstore/db-client` 6.2.1. No I/O here: everything in this file is unit-tested without a server.
 *
 * Layout of one of our events inside EventStoreDB:
 *   - ESDB event id      = our event id (a UUID v5 from the command id); a non-UUID id is mapped to a
 *                          UUID v5 in {@link ESDB_ID_NAMESPACE} and the original kept in `metadata.eventId`.
 *   - ESDB event type    = our `type`.
 *   - ESDB data (JSON)   = our `data`, byte for byte as JSON.
 *   - ESDB metadata JSON = {@link EsdbStoredMetadata}: the envelope fields ESDB does not own.
 *   - ESDB stream revision (bigint) = our `revision` (number), both from 0.
 *   - ESDB `created`              = our `recordedAt`.
 *   - ESDB `$all` commit position = our global `position` (see docs/adr/0003-esdb-global-position.md).
 */

/** Bumped if the layout of {@link EsdbStoredMetadata} ever changes. */
export const ESDB_METADATA_FORMAT = 1;

/** Namespace for mapping non-UUID event ids to deterministic UUIDs (a fixed random v4). */
export const ESDB_ID_NAMESPACE = '8b0d7f52-6d0e-4d53-9a43-3c2f1c1e5a71';

export interface EsdbStoredMetadata {
  readonly format: number;
  /** Our event id; equal to the ESDB id unless the id is not a UUID. */
  readonly eventId: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
  /** Read by EventStoreDB's system projections (`$by_correlation_id`); informational only for us. */
  readonly $correlationId: string;
  readonly $causationId: string;
  /**
   * A random id per call of `append`, the same on every event of that call. Reading the appended revisions
   * back, the adapter tells its own write (this attempt's id) from the server's answer to a retry, which
   * points at the events an earlier attempt wrote (another id, or none on events written before it
   * existed). See docs/adr/0021-esdb-adapter-client-and-server-behaviour.md.
   */
  readonly attempt?: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** RFC 4122 §4.3 name-based UUID (version 5, SHA-1). */
export function uuidV5(name: string, namespace: string = ESDB_ID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id EventStoreDB stores for one of our events (lower case, as the server returns it). */
export function toEsdbEventId(eventId: string): string {
  return isUuid(eventId) ? eventId.toLowerCase() : uuidV5(eventId);
}

/**
 * Our event as the `EventData` that `appendToStream` takes (the shape `jsonEvent({ id, ... })` builds), tagged
 * with the append `attempt` that writes it when given.
 */
export function toEsdbEventData(event: NewEvent, attempt?: string): JSONEventData {
  const metadata: EsdbStoredMetadata = {
    format: ESDB_METADATA_FORMAT,
    eventId: event.id,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    metadata: event.metadata,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
    ...(attempt === undefined ? {} : { attempt }),
  };
  return {
    id: toEsdbEventId(event.id),
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONType,
    metadata: metadata as unknown as JSONType,
  };
}

/** Thrown when `$all` or a stream holds an event that was not written by this adapter. */
export class ForeignEsdbEventError extends Error {
  override readonly name = 'ForeignEsdbEventError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

export function parseStoredMetadata(raw: unknown, where: string): EsdbStoredMetadata {
  if (
    !isRecord(raw) ||
    typeof raw['schemaVersion'] !== 'number' ||
    typeof raw['occurredAt'] !== 'string' ||
    typeof raw['eventId'] !== 'string' ||
    !isRecord(raw['metadata'])
  ) {
    throw new ForeignEsdbEventError(`${where} has no CRM envelope metadata (not written by EsdbEventStore)`);
  }
  return raw as unknown as EsdbStoredMetadata;
}

/** The append attempt that wrote a recorded event, if it carries one (see {@link EsdbStoredMetadata.attempt}). */
export function attemptOf(recorded: RecordedEvent): string | undefined {
  const metadata = recorded.metadata;
  if (!isRecord(metadata)) return undefined;
  const attempt = metadata['attempt'];
  return typeof attempt === 'string' ? attempt : undefined;
}

// ---------------------------------------------------------------- revisions

/** Our revision (a JS number from 0) as an ESDB stream revision. */
export function toStreamRevision(revision: number): bigint {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`A stream revision must be a non-negative safe integer, got ${revision}`);
  }
  return BigInt(revision);
}

/** An ESDB stream revision as our revision. */
export function fromStreamRevision(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Stream revision ${revision} does not fit a JS number`);
  }
  return Number(revision);
}

/** Our expected revision as the client's `expectedRevision` option of `appendToStream`. */
export function toAppendExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return 'no_stream';
    case 'stream_exists':
      return 'stream_exists';
    case 'any':
      return 'any';
    default:
      if (expected === -1) return 'no_stream';
      return toStreamRevision(expected);
  }
}

/** The client's `CurrentRevision` (from `WrongExpectedVersionError.actualVersion`) as ours: -1 = no stream. */
export function fromCurrentRevision(actual: bigint | string | undefined): number {
  if (typeof actual === 'bigint') return actual < 0n ? -1 : fromStreamRevision(actual);
  return -1;
}

// ---------------------------------------------------------------- positions

const U64_MAX = (1n << 64n) - 1n;

/**
 * The global position of an event as a JS number: the `$all` commit position. For every event written
 * through the gRPC API commit == prepare (self-committed prepare records), so nothing is lost. A commit
 * position the server reports as "unknown" (-1 or 2^64-1, older servers reading from a stream index)
 * falls back to the prepare position. See docs/adr/0003-esdb-global-position.md.
 */
export function fromPosition(position: Position | undefined, where: string): number {
  if (position === undefined) {
    throw new Error(`${where} carries no $all position (EventStoreDB older than 22.6?)`);
  }
  let value = position.commit;
  if (value <= 0n || value === U64_MAX) value = position.prepare;
  if (value <= 0n || value === U64_MAX) {
    // Position 0 holds the first epoch record, never a user event: 0 means "not reported".
    throw new Error(
      `${where} carries no valid $all position (commit ${position.commit}, prepare ${position.prepare})`,
    );
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${where}: $all position ${value} does not fit a JS number`);
  }
  return Number(value);
}

/** Our global position as an ESDB `$all` position (commit == prepare, see {@link fromPosition}). */
export function toPosition(position: number): Position {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`A global position must be a non-negative safe integer, got ${position}`);
  }
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

/**
 * The position a checkpoint of a filtered subscription reports, or `null` when it names none. The server's
 * catch-up phase checkpoints at the position of the last event its filter matched in the page it read, or
 * at the page's start when nothing matched; read from the start of a fresh `$all`, that start is (0,0).
 * Everything up to and including the checkpoint has been considered (and any match sent before it), so the
 * value is reported as it is: a record boundary, valid to resubscribe from. Never throws for (0,0) or an
 * unknown position; only a position past 2^53 - 1 throws (a `RangeError`, as everywhere else).
 */
export function checkpointPosition(position: Position): number | null {
  let value = position.commit;
  if (value <= 0n || value === U64_MAX) value = position.prepare;
  if (value <= 0n || value === U64_MAX) return null;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`A filter checkpoint's $all position ${value} does not fit a JS number`);
  }
  return Number(value);
}

/** `fromPosition` for `readAll`/`subscribeToAll` when reading strictly after `after`; 0 means the start. */
export function toReadPosition(after: number): Position | 'start' {
  return after <= 0 ? 'start' : toPosition(after);
}

// ---------------------------------------------------------------- stream names and filtering

/**
 * This system's streams by default: the domain's own list (`STREAM_NAME_PREFIXES`, derived from its stream
 * categories and the shared access log), not a copy of it.
 */
export const DEFAULT_STREAM_PREFIXES: readonly string[] = STREAM_NAME_PREFIXES;

/** Whether a recorded event belongs to this system: not a system event, in one of our stream prefixes. */
export function isOwnEvent(streamId: string, type: string, prefixes: readonly string[]): boolean {
  if (type.startsWith('$') || streamId.startsWith('$')) return false;
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}

// ---------------------------------------------------------------- recorded events

/** A recorded ESDB event as our envelope. `streamId` is our stream name (any namespace already stripped). */
export function fromRecordedEvent(
  recorded: RecordedEvent,
  streamId: string = recorded.streamId,
): EventEnvelope {
  const where = `Event ${recorded.id} at ${recorded.streamId}@${recorded.revision}`;
  if (!recorded.isJson) throw new ForeignEsdbEventError(`${where} is not JSON`);
  const stored = parseStoredMetadata(recorded.metadata, where);
  return {
    id: stored.eventId,
    type: recorded.type,
    schemaVersion: stored.schemaVersion,
    streamId,
    revision: fromStreamRevision(recorded.revision),
    position: fromPosition(recorded.position, where),
    occurredAt: stored.occurredAt,
    recordedAt: recorded.created.toISOString(),
    data: recorded.data,
    metadata: stored.metadata,
  };
}

/** Whether the event's occurredAt is at or before `until` (both ISO instants, compared as instants). */
export function occurredAtOrBefore(event: { readonly occurredAt: string }, until: string): boolean {
  const at = Date.parse(event.occurredAt);
  const limit = Date.parse(until);
  if (Number.isNaN(at) || Number.isNaN(limit)) return event.occurredAt <= until;
  return at <= limit;
}

/** The `maxCount` to read a revision range [from, to]; `undefined` reads to the end; 0 means nothing to read. */
export function revisionRangeCount(fromRevision: number, toRevision: number | undefined): number | undefined {
  if (toRevision === undefined) return undefined;
  return Math.max(0, toRevision - fromRevision + 1);
}

// ---------------------------------------------------------------- idempotency

export type DuplicateMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'all'; readonly stored: readonly EventEnvelope[] }
  | { readonly kind: 'partial'; readonly duplicateIds: readonly string[] };

/**
 * Which of the ids of an append are already stored in the stream. `all`: every id is stored (a retry);
 * the stored envelopes are returned in the order of `events`. `partial`: some but not all.
 */
export function matchStoredIds(
  stored: readonly EventEnvelope[],
  events: readonly NewEvent[],
): DuplicateMatch {
  const byId = new Map<string, EventEnvelope>();
  for (const envelope of stored) byId.set(envelope.id, envelope);
  const found: EventEnvelope[] = [];
  const duplicateIds: string[] = [];
  for (const event of events) {
    const envelope = byId.get(event.id);
    if (envelope) {
      found.push(envelope);
      duplicateIds.push(event.id);
    }
  }
  if (events.length > 0 && found.length === events.length) return { kind: 'all', stored: found };
  if (duplicateIds.length > 0) return { kind: 'partial', duplicateIds };
  return { kind: 'none' };
}
