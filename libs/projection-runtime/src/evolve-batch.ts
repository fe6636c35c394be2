import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { JsonObject, StoredDocument } from '@crm/read-store/read-store';
import { attempt } from './attempt';
import { type DeadLetter, deadLetter } from './dead-letter';
import type { DocumentChain } from './document-chain';
import { foldBatch } from './fold-batch';
import type { RoutedEvent } from './route-batch';

export interface EvolveInput<TDoc extends ProjectionDocument> {
  readonly definition: ProjectionDefinition<TDoc>;
  readonly projection: string;
  readonly routed: readonly RoutedEvent[];
  /** The touched documents as stored (and the chain head's document, when chained). */
  readonly stored: ReadonlyMap<string, StoredDocument>;
  readonly maxAttempts: number;
  readonly chain?: { readonly step: DocumentChain<TDoc>; readonly headId: string | undefined };
}

export interface EvolvedBatch {
  /** Documents that changed, each versioned by the position of the last event applied to it. */
  readonly documents: readonly StoredDocument[];
  readonly deadLetters: readonly DeadLetter[];
  readonly applied: number;
  /** The document the chain ends at, with the position that put it there. */
  readonly chainHead?: { readonly id: string; readonly position: number };
}

interface Working<TDoc> {
  doc: TDoc;
  version: number;
  changed: boolean;
}

/**
 * Applies events in order, skipping any at or below a document's stored version: that fence makes a
 * replayed batch a no-op, which is what lets the checkpoint be saved after the documents. A definition
 * with `fold` (and no chain) is stepped per event and finalized once per document (`foldBatch`).
 */
export function evolveBatch<TDoc extends ProjectionDocument>(input: EvolveInput<TDoc>): EvolvedBatch {
  const { definition, projection, routed, stored, maxAttempts, chain } = input;
  if (definition.fold !== undefined && chain === undefined) {
    return foldBatch(input, definition.fold);
  }
  const working = new Map<string, Working<TDoc>>();
  const load = (id: string): Working<TDoc> => {
    let entry = working.get(id);
    if (entry === undefined) {
      const found = stored.get(id);
      entry = found
        ? { doc: found.body as unknown as TDoc, version: found.version, changed: false }
        : { doc: definition.initial(id), version: 0, changed: false };
      working.set(id, entry);
    }
    return entry;
  };

  const headId = chain?.headId;
  let previous = (headId === undefined ? undefined : stored.get(headId)?.body) as TDoc | undefined;
  let chainHead: EvolvedBatch['chainHead'];
  const deadLetters: DeadLetter[] = [];
  let applied = 0;

  for (const { event, documentId } of routed) {
    const entry = load(documentId);
    if (event.position <= entry.version) {
      // Already applied before a crash: it stays the chain's previous link.
      previous = entry.doc;
      if (chain) chainHead = { id: documentId, position: event.position };
      continue;
    }
    const result = attempt(() => {
      const next = definition.evolve(entry.doc, event);
      return chain ? chain.step.link(previous, next) : next;
    }, maxAttempts);
    if (!result.ok) {
      deadLetters.push(deadLetter(projection, event, result));
      continue;
    }
    entry.doc = result.value;
    entry.version = event.position;
    entry.changed = true;
    previous = result.value;
    if (chain) chainHead = { id: documentId, position: event.position };
    applied++;
  }

  const documents: StoredDocument[] = [];
  for (const [id, entry] of working) {
    if (entry.changed)
      documents.push({ id, version: entry.version, body: entry.doc as unknown as JsonObject });
  }
  return { documents, deadLetters, applied, chainHead };
}
