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
} as const;

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

export function eventOf(message: ConsumedMessage): EventEnvelope {
  return JSON.parse(message.value) as EventEnvelope;
}
