import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import type { EventBus } from '@crm/messaging';
import {
  type BusTopics,
  type ProjectionDelivery,
  projectionDelivery,
  projectionRunOptions,
} from '@crm/platform';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { BusProjector } from './bus-projector';
import type { ConsumedBatchReport } from './bus-projector-options';
import { projectionGroupId } from './group-id';

export interface ProjectorWiring {
  readonly bus: EventBus;
  readonly readStore: ReadStore;
  readonly eventStore: EventSource;
  readonly openEvents?: (events: readonly EventEnvelope[]) => Promise<EventEnvelope[]>;
  readonly onBatch?: (report: ConsumedBatchReport) => void;
  readonly onError?: (projection: string, error: unknown) => void;
}

export interface ProjectorSettings {
  readonly topics: BusTopics;
  readonly groupPrefix: string;
  readonly batchSize: number;
  readonly concurrentPartitions?: number;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  readonly deliveryOf?: (definition: ProjectionDefinition) => ProjectionDelivery;
}

/** The projections a process runs: all, or the ones PROJECTOR_PROJECTIONS names (each must exist). */
export function selectProjections(
  definitions: readonly ProjectionDefinition[],
  only: string | undefined,
): ProjectionDefinition[] {
  if (only === undefined) return [...definitions];
  const names = only.split(',');
  const unknown = names.filter((name) => !definitions.some((definition) => definition.name === name));
  if (unknown.length > 0) {
    const known = definitions.map((definition) => definition.name).join(', ');
    throw new Error(
      `PROJECTOR_PROJECTIONS names unknown projections: ${unknown.join(', ')} (known: ${known})`,
    );
  }
  return definitions.filter((definition) => names.includes(definition.name));
}

/** One bus projector, hence one consumer group, per projection. */
export function busProjectors(
  definitions: readonly ProjectionDefinition[],
  wiring: ProjectorWiring,
  settings: ProjectorSettings,
): BusProjector[] {
  const deliveryOf = settings.deliveryOf ?? projectionDelivery;
  return definitions.map(
    (definition) =>
      new BusProjector({
        definition,
        runOptions: projectionRunOptions(definition),
        delivery: deliveryOf(definition),
        bus: wiring.bus,
        readStore: wiring.readStore,
        eventStore: wiring.eventStore,
        openEvents: wiring.openEvents,
        topics: settings.topics,
        groupId: projectionGroupId(settings.groupPrefix, definition),
        batchSize: settings.batchSize,
        concurrentPartitions: settings.concurrentPartitions,
        maxAttempts: settings.maxAttempts,
        retryDelayMs: settings.retryDelayMs,
        onBatch: wiring.onBatch,
        onError: (error) => wiring.onError?.(definition.name, error),
      }),
  );
}
