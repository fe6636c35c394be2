import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import type { EventBus } from '@crm/messaging';
import { type BusTopics, projectionDelivery, projectionRunOptions } from '@crm/platform';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { BusProjector } from '../../apps/projector/src/bus-projector';
import type { PersonalDataCipher } from '@crm/platform';

const STOP_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface ProjectionPhaseOptions {
  readonly definition: ProjectionDefinition;
  readonly bus: EventBus;
  readonly readStore: ReadStore;
  readonly eventStore: EventSource;
  readonly cipher: PersonalDataCipher;
  readonly topics: BusTopics;
  readonly groupId: string;
  /** Messages on the projection's topic: the phase ends when it has handled them all. */
  readonly events: number;
  readonly batchSize: number;
  readonly deadlineMs: number;
}

export interface ProjectionPhaseResult {
  readonly name: string;
  readonly delivery: 'per-customer' | 'global-order';
  readonly events: number;
  readonly seconds: number;
  readonly batches: number;
  readonly errors: number;
  readonly completed: boolean;
}

/**
 * One projection as the projector app runs it (`BusProjector`: a new consumer group, events opened with the
 * MongoDB key store, `CollectionWriter` into MongoDB, offsets committed after each write), over a topic the
 * relay filled. The clock starts when the first batch reaches the projection, so joining the group is not
 * counted, and stops when the last event's documents are written.
 */
export async function projectionThroughput(options: ProjectionPhaseOptions): Promise<ProjectionPhaseResult> {
  const { definition } = options;
  const delivery = projectionDelivery(definition);
  let firstBatchAt: number | undefined;
  let lastBatchAt = 0;
  let handled = 0;
  let batches = 0;
  let errors = 0;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const projector = new BusProjector({
    definition,
    runOptions: projectionRunOptions(definition),
    delivery,
    bus: options.bus,
    readStore: options.readStore,
    eventStore: options.eventStore,
    topics: options.topics,
    groupId: options.groupId,
    batchSize: options.batchSize,
    maxAttempts: 3,
    retryDelayMs: 100,
    openEvents: (events: readonly EventEnvelope[]) => {
      firstBatchAt ??= performance.now();
      return options.cipher.openEvents(events);
    },
    onBatch: (report) => {
      handled += report.events;
      batches++;
      lastBatchAt = performance.now();
      if (handled >= options.events) finished();
    },
    onError: () => void errors++,
  });
  const timer = setTimeout(finished, options.deadlineMs);
  try {
    await projector.start();
    await done;
  } finally {
    clearTimeout(timer);
    // Stopping waits for the batch in hand; on a starved database that may take long, so it is bounded.
    await Promise.race([projector.stop(), sleep(STOP_TIMEOUT_MS)]);
  }
  const seconds = firstBatchAt === undefined || handled === 0 ? 0 : (lastBatchAt - firstBatchAt) / 1000;
  return {
    name: definition.name,
    delivery,
    events: handled,
    seconds,
    batches,
    errors,
    completed: handled >= options.events,
  };
}
