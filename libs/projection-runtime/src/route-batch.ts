import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { attempt } from './attempt';
import { type DeadLetter, deadLetter } from './dead-letter';
import { handledEvent } from './handled-event';

export interface RoutedEvent {
  readonly event: EventEnvelope;
  readonly documentId: string;
}

export interface RoutedBatch {
  /** Handled events with a document, in global order. */
  readonly routed: readonly RoutedEvent[];
  readonly deadLetters: readonly DeadLetter[];
}

/** Keeps the events the projection handles, upcast (`handledEvent`), and finds the document each one updates. */
export function routeBatch<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  projection: string,
  events: readonly EventEnvelope[],
  maxAttempts: number,
): RoutedBatch {
  const handled = new Set(definition.handles);
  const routed: RoutedEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const stored of events) {
    const event = handledEvent(handled, stored);
    if (event === undefined) continue;
    const result = attempt(() => definition.documentId(event), maxAttempts);
    if (!result.ok) deadLetters.push(deadLetter(projection, event, result));
    else if (result.value !== null) routed.push({ event, documentId: result.value });
  }
  return { routed, deadLetters };
}
