import { type ConsumedBatch, type ConsumedMessage, EVENT_HEADERS } from '@crm/messaging';
import type { DeadLetter } from '@crm/projection-runtime';

/**
 * The event id a message carries in its headers (set by the relay on every message), so that a message whose
 * payload cannot even be decoded can still be dead-lettered and found again; else its place in the topic.
 */
export function messageEventId(
  batch: Pick<ConsumedBatch, 'topic' | 'partition'>,
  message: ConsumedMessage,
): string {
  return message.headers[EVENT_HEADERS.eventId] ?? `${batch.topic}-${batch.partition}-${message.offset}`;
}

/** A message the projector gave up on before or after projection code ran (decoding, opening, writing). */
export function messageDeadLetter(
  projection: string,
  batch: Pick<ConsumedBatch, 'topic' | 'partition'>,
  message: ConsumedMessage,
  failure: { readonly error: unknown; readonly attempts: number },
): DeadLetter {
  const { headers } = message;
  const number = (value: string | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback;
  return {
    projection,
    eventId: messageEventId(batch, message),
    type: headers[EVENT_HEADERS.type] ?? 'unknown',
    streamId: headers[EVENT_HEADERS.streamId] ?? 'unknown',
    revision: number(headers[EVENT_HEADERS.revision], -1),
    position: number(headers[EVENT_HEADERS.position], message.offset),
    error: failure.error instanceof Error ? failure.error.message : String(failure.error),
    attempts: failure.attempts,
  };
}
