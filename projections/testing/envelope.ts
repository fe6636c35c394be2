import { type EventEnvelope, type EventMetadata, upcast } from '@crm/domain';

/** What a test says about one event; everything else gets a plain, deterministic default. */
export interface TestEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly schemaVersion?: number;
  readonly recordedAt?: string;
  readonly metadata?: Partial<EventMetadata>;
}

export const TEST_METADATA: EventMetadata = {
  actor: { id: 'svc-test', kind: 'service', roles: ['system'] },
  commandId: 'cmd-0',
  correlationId: 'cmd-0',
  causationId: 'cmd-0',
  source: 'test',
};

/**
 * A tiny in-memory log for specs: assigns global positions (from 1) and per-stream revisions
 * (from 0) in append order, like the store does, so tests only state what matters.
 */
export const testLog = (): { readonly append: (event: TestEvent) => EventEnvelope } => {
  let position = 0;
  const revisions = new Map<string, number>();
  return {
    append(event) {
      position += 1;
      const revision = (revisions.get(event.streamId) ?? -1) + 1;
      revisions.set(event.streamId, revision);
      return {
        id: `00000000-0000-5000-8000-${String(position).padStart(12, '0')}`,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        streamId: event.streamId,
        revision,
        position,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt ?? event.occurredAt,
        data: event.data,
        metadata: { ...TEST_METADATA, ...event.metadata },
      };
    },
  };
};

/**
 * Folds events into documents the way the runner does: each handled event upcast to its current schema
 * version (a stored `Purchased` v1 arrives as v2), then by `documentId`, from `initial`.
 */
export const project = <TDoc>(
  definition: {
    readonly handles: readonly string[];
    documentId(event: EventEnvelope): string | null;
    initial(id: string): TDoc;
    evolve(doc: TDoc, event: EventEnvelope): TDoc;
  },
  events: readonly EventEnvelope[],
): Record<string, TDoc> => {
  const docs: Record<string, TDoc> = {};
  for (const stored of events) {
    const event = upcast(stored);
    const id = definition.handles.includes(event.type) ? definition.documentId(event) : null;
    if (id !== null) {
      docs[id] = definition.evolve(docs[id] ?? definition.initial(id), event);
    }
  }
  return docs;
};
