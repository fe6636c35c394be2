import type { EventEnvelope, EventMetadata } from '@crm/domain';

/** Column list shared by every read, in the order of {@link EventRow}. */
export const EVENT_COLUMNS =
  'position, id, stream_id, revision, type, schema_version, occurred_at, recorded_at, data, metadata';

/** A raw row: arrays are cheaper than per-row objects when reading the whole log. */
export type EventRow = [number, string, string, number, string, number, string, string, string, string];

export function toEnvelope(row: EventRow): EventEnvelope {
  return {
    id: row[1],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    occurredAt: row[6],
    recordedAt: row[7],
    data: JSON.parse(row[8]) as unknown,
    metadata: JSON.parse(row[9]) as EventMetadata,
  };
}
