import type { EventEnvelope } from '../shared/envelope';

/**
 * A document body: plain JSON, so every read store can hold it, with no array directly inside an array
 * (FerretDB's MongoDB wire protocol refuses those; long lists go in columns, ADR 0035).
 */
export type ProjectionDocument = { readonly [key: string]: unknown };

export interface ProjectionField {
  readonly path: string;
  readonly type: 'string' | 'number' | 'boolean';
}

/**
 * A read model, storage-agnostic (DESIGN §6). Pure: no clock, no I/O; time comes from the events.
 * The runner owns batching, loading, saving, fences, checkpoints and dead letters. Every event it hands to
 * `documentId`, `evolve` and `fold.step` is upcast to its type's current schema version (live runs,
 * replays and rebuilds alike), so a projection reads only current shapes: `Purchased.data.amount` is
 * always `Money`, never v1's plain kuruş.
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
  /**
   * `evolve` split in two: replays and the live runner apply `step` per event and `finalize` once per
   * document before each write (ADR 0011, ADR 0035). The split must give what `evolve` gives:
   * `evolve(doc, e)` equals `finalize(step(doc, e))`, and `step` must not read what `finalize` derives,
   * so any number of steps then one `finalize` equals the same events folded with `evolve`.
   */
  readonly fold?: ProjectionFold<TDoc>;
  /**
   * Every document takes the events of one stream only (its id follows from the stream, as a customer's
   * from `customer-<id>`). Folding the log stream by stream then gives the same documents as in global
   * order, which lets a replay build each document in one go (ADR 0011).
   */
  readonly oneStreamPerDocument?: boolean;
}

/** Per-event changes apart from the fields derived from the whole document (see `ProjectionDefinition.fold`). */
export interface ProjectionFold<TDoc extends ProjectionDocument> {
  step(doc: TDoc, event: EventEnvelope): TDoc;
  finalize(doc: TDoc): TDoc;
}
