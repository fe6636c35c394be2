import type { EventEnvelope } from '@crm/domain';
import type { CollectionSpec, StoredDocument } from '@crm/read-store/read-store';

/** Shared by every projection; `projection` tells them apart and is queryable for counts. */
export const DEAD_LETTERS: CollectionSpec = {
  name: 'dead_letters',
  fields: [
    { path: 'projection', type: 'string' },
    { path: 'type', type: 'string' },
  ],
};

/** An event a projection gave up on: kept with its error so an operator can fix and replay it. */
export interface DeadLetter {
  readonly projection: string;
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly error: string;
  readonly attempts: number;
}

export function deadLetter(
  projection: string,
  event: EventEnvelope,
  failure: { readonly error: string; readonly attempts: number },
): DeadLetter {
  return {
    projection,
    eventId: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    error: failure.error,
    attempts: failure.attempts,
  };
}

/** Versioned by the event's position, so a replayed batch rewrites nothing. */
export function deadLetterDocument(letter: DeadLetter): StoredDocument {
  return { id: `${letter.projection}:${letter.eventId}`, version: letter.position, body: { ...letter } };
}

/** Raised instead of dead-lettering when a projection is configured to halt on a poison event. */
export class PoisonEventError extends Error {
  constructor(readonly letter: DeadLetter) {
    super(
      `${letter.projection} halted at event ${letter.eventId} (position ${letter.position}) after ` +
        `${letter.attempts} attempts: ${letter.error}`,
    );
    this.name = 'PoisonEventError';
  }
}
