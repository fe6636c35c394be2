import type { EventEnvelope } from '@crm/domain';
import { type ConsumedMessage, eventOf, referencedPosition } from '@crm/messaging';
import type { EventSource } from '@crm/projection-runtime';

export interface ConsumedEventsOptions {
  /** Opens sealed personal fields (see `BusProjectorOptions.openEvents`). */
  readonly openEvents?: (events: readonly EventEnvelope[]) => Promise<EventEnvelope[]>;
  /** Where an event sent by reference is read; it reads events already opened. */
  readonly eventStore: EventSource;
}

/**
 * The events a batch of messages carries, in message order: decoded and opened, except the ones the relay
 * sent by reference (too large for the broker), which are read from the event store by position.
 */
export async function consumedEvents(
  messages: readonly ConsumedMessage[],
  options: ConsumedEventsOptions,
): Promise<EventEnvelope[]> {
  const sealed = messages.filter((message) => referencedPosition(message) === undefined).map(eventOf);
  const opened = options.openEvents ? await options.openEvents(sealed) : sealed;
  let next = 0;
  const events: EventEnvelope[] = [];
  for (const message of messages) {
    const position = referencedPosition(message);
    events.push(
      position === undefined ? opened[next++] : await referencedEvent(options.eventStore, position),
    );
  }
  return events;
}

async function referencedEvent(eventStore: EventSource, position: number): Promise<EventEnvelope> {
  const [event] = await eventStore.readAll({ after: position - 1, limit: 1 });
  if (event?.position !== position) {
    throw new Error(`The event at position ${position}, sent by reference, is not in the event store`);
  }
  return event;
}
