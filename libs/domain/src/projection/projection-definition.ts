import type { EventEnvelope } from '../shared/envelope';

/** A document body: plain JSON, so every read store can hold it. */
export type ProjectionDocument = { readonly [key: string]: unknown };

export interface ProjectionField {
  readonly path: string;
  readonly type: 'string' | 'number' | 'boolean';
}

/**
 * A read model, storage-agnostic (DESIGN §6). Pure: no clock, no I/O; time comes from the events.
 * The runner owns batching, loading, saving, fences, checkpoints and dead letters.
 */
export interface ProjectionDefinition<TDoc extends ProjectionDocument = ProjectionDocument> {
  readonly name: string;
  readonly version: number;
  /** Event types this projection reacts to; others are never delivered to `evolve`. */
  readonly handles: readonly string[];
  /** The document an event updates, or null to ignore the event. */
  documentId(event: EventEnvelope): string | null;
  initial(id: string): TDoc;
  evolve(doc: TDoc, event: EventEnvelope): TDoc;
  /** Fields that queries may filter and sort on. */
  readonly fields?: readonly ProjectionField[];
}
