import { type EventEnvelope, upcast } from '@crm/domain';

/**
 * The runtime's one gate between the log and projection code: an event of a type the projection handles,
 * upcast to its current schema version (DESIGN §4), or `undefined` for a type it does not handle. Every
 * path that calls a definition's `documentId`, `evolve` or `fold.step` (the runner's and the bus
 * projector's `CollectionWriter`, the bulk replay, the stream-by-stream replay) takes its events from here,
 * whatever its source did: an event store that upcasts on read, a raw one, or a bus. Upcasting a current
 * event returns it as it is, so a source that already upcast costs one lookup per event.
 */
export function handledEvent(handled: ReadonlySet<string>, event: EventEnvelope): EventEnvelope | undefined {
  return handled.has(event.type) ? upcast(event) : undefined;
}
