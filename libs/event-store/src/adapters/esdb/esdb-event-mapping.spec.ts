import type { EventEnvelope, NewEvent } from '@crm/domain';
import { jsonEvent, type JSONRecordedEvent, type RecordedEvent } from '@eventstore/db-client';
import { STREAM_NAME_PREFIXES } from '@crm/domain';
import {
  attemptOf,
  checkpointPosition,
  DEFAULT_STREAM_PREFIXES,
  ESDB_METADATA_FORMAT,
  ForeignEsdbEventError,
  fromCurrentRevision,
  fromPosition,
  fromRecordedEvent,
  fromStreamRevision,
  isOwnEvent,
  isUuid,
  matchStoredIds,
  occurredAtOrBefore,
  revisionRangeCount,
  toAppendExpectedRevision,
  toEsdbEventData,
  toEsdbEventId,
  toPosition,
  toReadPosition,
  toStreamRevision,
  uuidV5,
} from './esdb-event-mapping';

const metadata = {
  actor: { id: 'svc-api', kind: 'service' as const, roles: ['service'] },
  commandId: 'cmd-42',
  correlationId: 'corr-42',
  causationId: 'cause-42',
  source: 'api',
  tenantId: 'tenant-1',
  reason: 'KVKK request',
};

const event: NewEvent = {
  id: '0f8fad5b-d9cb-569f-a165-70867728950e',
  type: 'Purchased',
  schemaVersion: 2,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data: { amount: 125.5, sku: 'A-1', tags: ['x'], none: null },
  metadata,
};

/** The shape the client hands back for a JSON event (see dist/utils/convertGrpcEvent.js: convertGrpcRecord). */
function recorded(overrides: Partial<JSONRecordedEvent> = {}): RecordedEvent {
  const written = toEsdbEventData(event);
  return {
    streamId: 'customer-1',
    id: written.id,
    isJson: true,
    revision: 4n,
    type: written.type,
    created: new Date('2026-03-01T10:00:01.234Z'),
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: 4_096n, prepare: 4_096n },
    ...overrides,
  } as RecordedEvent;
}

describe('esdb event mapping', () => {
  describe('envelope -> ESDB event data', () => {
    it('keeps id, type and data, and puts the envelope fields ESDB does not own in the metadata JSON', () => {
      const data = toEsdbEventData(event);

      expect(data).toEqual({
        id: event.id,
        contentType: 'application/json',
        type: 'Purchased',
        data: event.data,
        metadata: {
          format: ESDB_METADATA_FORMAT,
          eventId: event.id,
          schemaVersion: 2,
          occurredAt: event.occurredAt,
          metadata,
          $correlationId: 'corr-42',
          $causationId: 'cause-42',
        },
      });
    });

    it('builds exactly what the client helper jsonEvent({ id, type, data, metadata }) builds', () => {
      const ours = toEsdbEventData(event);
      const theirs = jsonEvent({ id: ours.id, type: ours.type, data: ours.data, metadata: ours.metadata });
      expect(ours).toEqual(theirs);
    });

    it('passes UUID ids through (lower-cased) and maps other ids to a deterministic UUID v5', () => {
      expect(toEsdbEventId('0F8FAD5B-D9CB-569F-A165-70867728950E')).toBe(
        '0f8fad5b-d9cb-569f-a165-70867728950e',
      );
      const mapped = toEsdbEventId('evt-1');
      expect(isUuid(mapped)).toBe(true);
      expect(mapped[14]).toBe('5');
      expect(toEsdbEventId('evt-1')).toBe(mapped);
      expect(toEsdbEventId('evt-2')).not.toBe(mapped);
      expect(toEsdbEventData({ ...event, id: 'evt-1' })).toMatchObject({
        id: mapped,
        metadata: { eventId: 'evt-1' },
      });
    });

    it('tags every event of an append with its attempt id, which attemptOf reads back', () => {
      const data = toEsdbEventData(event, 'attempt-1');
      expect(data.metadata).toMatchObject({ eventId: event.id, attempt: 'attempt-1' });
      expect(attemptOf(recorded({ metadata: JSON.parse(JSON.stringify(data.metadata)) }))).toBe('attempt-1');
      expect(attemptOf(recorded())).toBeUndefined();
      expect(fromRecordedEvent(recorded({ metadata: JSON.parse(JSON.stringify(data.metadata)) }))).toEqual(
        fromRecordedEvent(recorded()),
      );
    });

    it('computes RFC 4122 UUID v5 (the DNS-namespace example)', () => {
      expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
        '2ed6657d-e927-568b-95e1-2665a8aea6a2',
      );
    });
  });

  describe('ESDB recorded event -> envelope', () => {
    it('round-trips every envelope field; revision from the bigint, position from $all, recordedAt from created', () => {
      const envelope = fromRecordedEvent(recorded());

      expect(envelope).toEqual<EventEnvelope>({
        ...event,
        streamId: 'customer-1',
        revision: 4,
        position: 4_096,
        recordedAt: '2026-03-01T10:00:01.234Z',
      });
    });

    it('uses the given (namespace-stripped) stream id and the original non-UUID id', () => {
      const written = toEsdbEventData({ ...event, id: 'evt-1' });
      const envelope = fromRecordedEvent(
        recorded({
          id: written.id,
          metadata: JSON.parse(JSON.stringify(written.metadata)),
          streamId: 'test1:customer-1',
        }),
        'customer-1',
      );
      expect(envelope).toMatchObject({ id: 'evt-1', streamId: 'customer-1' });
    });

    it('rejects events this adapter did not write', () => {
      expect(() => fromRecordedEvent(recorded({ metadata: undefined }))).toThrow(ForeignEsdbEventError);
      expect(() => fromRecordedEvent(recorded({ metadata: { $correlationId: 'x' } }))).toThrow(
        ForeignEsdbEventError,
      );
      const binary = { ...recorded(), isJson: false, data: new Uint8Array([1]) } as unknown as RecordedEvent;
      expect(() => fromRecordedEvent(binary)).toThrow(ForeignEsdbEventError);
    });
  });

  describe('revisions', () => {
    it('converts between our numbers and ESDB bigints', () => {
      expect(toStreamRevision(0)).toBe(0n);
      expect(toStreamRevision(41)).toBe(41n);
      expect(fromStreamRevision(41n)).toBe(41);
      expect(() => toStreamRevision(-1)).toThrow(RangeError);
      expect(() => toStreamRevision(1.5)).toThrow(RangeError);
      expect(() => fromStreamRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    });

    it('maps expected revisions to the client constants NO_STREAM / STREAM_EXISTS / ANY or a bigint', () => {
      expect(toAppendExpectedRevision('no_stream')).toBe('no_stream');
      expect(toAppendExpectedRevision('stream_exists')).toBe('stream_exists');
      expect(toAppendExpectedRevision('any')).toBe('any');
      expect(toAppendExpectedRevision(0)).toBe(0n);
      expect(toAppendExpectedRevision(7)).toBe(7n);
      expect(toAppendExpectedRevision(-1)).toBe('no_stream');
    });

    it("maps WrongExpectedVersionError.actualVersion to ours: a bigint, or 'no_stream' -> -1", () => {
      expect(fromCurrentRevision(3n)).toBe(3);
      expect(fromCurrentRevision(0n)).toBe(0);
      expect(fromCurrentRevision('no_stream')).toBe(-1);
      expect(fromCurrentRevision(-1n)).toBe(-1);
      expect(fromCurrentRevision(undefined)).toBe(-1);
    });

    it('counts the events of an inclusive revision range', () => {
      expect(revisionRangeCount(0, undefined)).toBeUndefined();
      expect(revisionRangeCount(1, 3)).toBe(3);
      expect(revisionRangeCount(2, 2)).toBe(1);
      expect(revisionRangeCount(5, 3)).toBe(0);
    });
  });

  describe('global positions', () => {
    it('takes the commit position as a number, falling back to prepare when the commit is unknown', () => {
      expect(fromPosition({ commit: 123_456n, prepare: 123_456n }, 'e')).toBe(123_456);
      expect(fromPosition({ commit: (1n << 64n) - 1n, prepare: 900n }, 'e')).toBe(900);
      expect(fromPosition({ commit: -1n, prepare: 900n }, 'e')).toBe(900);
    });

    it('refuses a missing, zero or unsafe position rather than inventing one', () => {
      expect(() => fromPosition(undefined, 'e')).toThrow(/no \$all position/);
      expect(() => fromPosition({ commit: 0n, prepare: 0n }, 'e')).toThrow(/no valid \$all position/);
      const big = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => fromPosition({ commit: big, prepare: big }, 'e')).toThrow(RangeError);
    });

    it('takes a filter checkpoint as it is, none for (0,0) or an unknown position, and never throws for those', () => {
      expect(checkpointPosition({ commit: 8_192n, prepare: 8_192n })).toBe(8_192);
      expect(checkpointPosition({ commit: (1n << 64n) - 1n, prepare: 700n })).toBe(700);
      expect(checkpointPosition({ commit: 0n, prepare: 0n })).toBeNull();
      expect(checkpointPosition({ commit: -1n, prepare: -1n })).toBeNull();
      const big = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => checkpointPosition({ commit: big, prepare: big })).toThrow(RangeError);
    });

    it('reads from the start for after = 0 and from {commit, prepare} = after otherwise', () => {
      expect(toReadPosition(0)).toBe('start');
      expect(toReadPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
      expect(toPosition(fromPosition({ commit: 77n, prepare: 77n }, 'e'))).toEqual({
        commit: 77n,
        prepare: 77n,
      });
      expect(() => toPosition(-5)).toThrow(RangeError);
    });
  });

  describe('filtering', () => {
    it("uses the domain's stream prefixes by default: the access logs included", () => {
      expect(DEFAULT_STREAM_PREFIXES).toBe(STREAM_NAME_PREFIXES);
      expect(isOwnEvent('access-c1', 'SensitiveRecordViewed', DEFAULT_STREAM_PREFIXES)).toBe(true);
      expect(isOwnEvent('audit-access', 'SensitiveRecordViewed', DEFAULT_STREAM_PREFIXES)).toBe(true);
    });

    it('keeps only non-system events of our stream prefixes', () => {
      expect(isOwnEvent('customer-1', 'Purchased', DEFAULT_STREAM_PREFIXES)).toBe(true);
      expect(isOwnEvent('opportunity-9', 'OpportunityWon', DEFAULT_STREAM_PREFIXES)).toBe(true);
      expect(isOwnEvent('$ce-customer', '$>', DEFAULT_STREAM_PREFIXES)).toBe(false);
      expect(isOwnEvent('customer-1', '$metadata', DEFAULT_STREAM_PREFIXES)).toBe(false);
      expect(isOwnEvent('$$customer-1', '$metadata', DEFAULT_STREAM_PREFIXES)).toBe(false);
      expect(isOwnEvent('orders-1', 'Purchased', DEFAULT_STREAM_PREFIXES)).toBe(false);
    });

    it('compares occurredAt with until as instants, offsets included', () => {
      expect(occurredAtOrBefore(event, '2026-03-01T10:00:00.000Z')).toBe(true);
      expect(occurredAtOrBefore(event, '2026-03-01T12:00:00+02:00')).toBe(true);
      expect(occurredAtOrBefore(event, '2026-03-01T11:59:59+02:00')).toBe(false);
    });
  });

  describe('idempotent re-append detection', () => {
    const stored = (id: string, revision: number): EventEnvelope => ({
      ...event,
      id,
      streamId: 'customer-1',
      revision,
      position: 1_000 + revision,
      recordedAt: '2026-03-01T10:00:01.000Z',
    });
    const stream = [stored('a', 0), stored('b', 1), stored('c', 2)];

    it('finds every id of a retry, in the order of the append', () => {
      const match = matchStoredIds(stream, [
        { ...event, id: 'c' },
        { ...event, id: 'b' },
      ]);
      expect(match).toEqual({ kind: 'all', stored: [stream[2], stream[1]] });
    });

    it('reports partial duplicates and fresh appends', () => {
      expect(
        matchStoredIds(stream, [
          { ...event, id: 'b' },
          { ...event, id: 'z' },
        ]),
      ).toEqual({
        kind: 'partial',
        duplicateIds: ['b'],
      });
      expect(matchStoredIds(stream, [{ ...event, id: 'z' }])).toEqual({ kind: 'none' });
      expect(matchStoredIds([], [{ ...event, id: 'a' }])).toEqual({ kind: 'none' });
      expect(matchStoredIds(stream, [])).toEqual({ kind: 'none' });
    });
  });
});
