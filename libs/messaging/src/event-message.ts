import type { EventEnvelope } from '@crm/domain';
import type { BusMessage, ConsumedMessage } from './event-bus';

/** Header names the relay sets on every event message; consumers can route on them without parsing. */
export const EVENT_HEADERS = {
  eventId: 'crm-event-id',
  type: 'crm-event-type',
  schemaVersion: 'crm-schema-version',
  streamId: 'crm-stream-id',
  revision: 'crm-revision',
  position: 'crm-global-position',
  correlationId: 'crm-correlation-id',
  /** Set on an event too large for the broker: the message carries no body, readers fetch it by position. */
  byReference: 'crm-event-by-reference',
} as const;

/** Bytes a message takes before compression: its key, value and headers, and a record's framing. */
export function messageBytes(message: BusMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 2;
  }
  return bytes;
}

/** A Kafka record's own framing (length, attributes, deltas, varint lengths) stays under this. */
const RECORD_OVERHEAD_BYTES = 32;

export function eventMessage(event: EventEnvelope, key: string): BusMessage {
  return {
    key,
    value: JSON.stringify(event),
    headers: {
      [EVENT_HEADERS.eventId]: event.id,
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.streamId]: event.streamId,
      [EVENT_HEADERS.revision]: String(event.revision),
      [EVENT_HEADERS.position]: String(event.position),
      [EVENT_HEADERS.correlationId]: event.metadata.correlationId,
    },
  };
}

/**
 * Stands in for an event the broker refused as too large even alone: the headers say which event it is, the
 * value is empty, and a reader fetches the event from the event store by its position (`referencedPosition`).
 */
export function eventReferenceMessage(event: EventEnvelope, key: string): BusMessage {
  const full = eventMessage(event, key);
  return { key, value: '', headers: { ...full.headers, [EVENT_HEADERS.byReference]: 'true' } };
}

/** The global position of the event a reference message stands for; undefined for an ordinary message. */
export function referencedPosition(message: ConsumedMessage): number | undefined {
  if (message.headers[EVENT_HEADERS.byReference] !== 'true') return undefined;
  return Number(message.headers[EVENT_HEADERS.position]);
}

export function eventOf(message: ConsumedMessage): EventEnvelope {
  return JSON.parse(message.value) as EventEnvelope;
}
