import type { EventEnvelope, ProjectionDocument, ProjectionFold } from '@crm/domain';
import type { JsonObject, StoredDocument } from '@crm/read-store/read-store';
import { attempt } from './attempt';
import { type DeadLetter, deadLetter } from './dead-letter';
import type { EvolvedBatch, EvolveInput } from './evolve-batch';

/** One document's share of a batch, applied from its stored version. */
interface Applied<TDoc> {
  readonly doc: TDoc;
  readonly version: number;
  readonly applied: number;
  readonly deadLetters: readonly DeadLetter[];
}

type Input<TDoc extends ProjectionDocument> = Omit<EvolveInput<TDoc>, 'chain'>;

/** The batch's events by document, each list in global order; documents in order of first event. */
const byDocument = (routed: EvolveInput<ProjectionDocument>['routed']): Map<string, EventEnvelope[]> => {
  const events = new Map<string, EventEnvelope[]>();
  for (const { event, documentId } of routed) {
    const list = events.get(documentId);
    if (list === undefined) events.set(documentId, [event]);
    else list.push(event);
  }
  return events;
};

/** Applies `apply` per event above the stored version; an event it keeps rejecting is dead-lettered. */
function applyEach<TDoc extends ProjectionDocument>(
  input: Input<TDoc>,
  id: string,
  events: readonly EventEnvelope[],
  apply: (doc: TDoc, event: EventEnvelope) => TDoc,
): Applied<TDoc> {
  const found = input.stored.get(id);
  let doc = found ? (found.body as unknown as TDoc) : input.definition.initial(id);
  let version = found?.version ?? 0;
  let applied = 0;
  const deadLetters: DeadLetter[] = [];
  for (const event of events) {
    if (event.position <= version) continue;
    const current = doc;
    const result = attempt(() => apply(current, event), input.maxAttempts);
    if (!result.ok) {
      deadLetters.push(deadLetter(input.projection, event, result));
      continue;
    }
    doc = result.value;
    version = event.position;
    applied++;
  }
  return { doc, version, applied, deadLetters };
}

/**
 * A document's events stepped, then finalized once (ADR 0035). A `finalize` that keeps failing cannot be
 * pinned to one event, so the document's events are applied again with `evolve`, one by one, which
 * dead-letters the event that fails, exactly as a batch without `fold` would.
 */
function foldDocument<TDoc extends ProjectionDocument>(
  input: Input<TDoc>,
  fold: ProjectionFold<TDoc>,
  id: string,
  events: readonly EventEnvelope[],
): Applied<TDoc> {
  const stepped = applyEach(input, id, events, (doc, event) => fold.step(doc, event));
  if (stepped.applied === 0) return stepped;
  const finalized = attempt(() => fold.finalize(stepped.doc), input.maxAttempts);
  if (finalized.ok) return { ...stepped, doc: finalized.value };
  return applyEach(input, id, events, (doc, event) => input.definition.evolve(doc, event));
}

/**
 * `evolveBatch` for a definition with `fold` and no chain: each touched document is stepped through its
 * events and finalized once, so what `finalize` derives from the whole document (customer-360's churn and
 * CLV) is computed once per write instead of once per event. By `fold`'s contract the documents equal
 * those of `evolve` applied event by event.
 */
export function foldBatch<TDoc extends ProjectionDocument>(
  input: Input<TDoc>,
  fold: ProjectionFold<TDoc>,
): EvolvedBatch {
  const documents: StoredDocument[] = [];
  const deadLetters: DeadLetter[] = [];
  let applied = 0;
  for (const [id, events] of byDocument(input.routed)) {
    const result = foldDocument(input, fold, id, events);
    deadLetters.push(...result.deadLetters);
    applied += result.applied;
    if (result.applied > 0) {
      documents.push({ id, version: result.version, body: result.doc as unknown as JsonObject });
    }
  }
  return { documents, deadLetters, applied };
}
