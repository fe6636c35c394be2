import type { DomainEvent, EventMetadata, NewEvent } from './envelope';
import { eventId } from './event-id';
import { InvalidInputError } from './domain-error';

export interface StampOptions {
  readonly metadata: EventMetadata;
  readonly occurredAt: string;
  readonly schemaVersions: Readonly<Record<string, number>>;
}

/** Turns decided events into appendable ones; ids derive from the command id so a retry produces the same ids. */
export const stampEvents = (events: readonly DomainEvent[], options: StampOptions): NewEvent[] =>
  events.map((event, index) => {
    const schemaVersion = options.schemaVersions[event.type];
    if (schemaVersion === undefined) {
      throw new InvalidInputError('type', `unknown event type ${event.type}`);
    }
    return {
      id: eventId(options.metadata.commandId, index),
      type: event.type,
      data: event.data,
      schemaVersion,
      occurredAt: options.occurredAt,
      metadata: options.metadata,
    };
  });
