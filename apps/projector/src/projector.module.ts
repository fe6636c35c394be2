import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import type { EventBus } from '@crm/messaging';
import {
  busConfig,
  DATA_PROTECTION,
  type DataProtection,
  discoverProjections,
  EVENT_BUS,
  EVENT_STORE,
  EventBusModule,
  EventStoreModule,
  type LoadedSettings,
  type ProjectorEnvironment,
  READ_STORE,
  ReadStoreModule,
} from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { busProjectors, selectProjections } from './bus-projectors';
import { PROJECTOR_METRICS, ProjectorMetrics } from './projector-metrics';
import { ProjectorController } from './projector.controller';
import { BUS_PROJECTORS, type BusProjectors } from './projector-tokens';

const logger = new Logger('Projector');
const PROJECTOR_PARTS = Symbol('ProjectorParts');

interface ProjectorParts {
  readonly projectors: BusProjectors;
  readonly metrics: ProjectorMetrics;
}

/**
 * The projector app (DESIGN §3): every projection the registry finds (or those PROJECTOR_PROJECTIONS names)
 * as its own consumer group on the bus, writing the read store. Events arrive sealed and are opened here
 * with the same keys the API uses, so erased customers stay erased.
 */
@Module({})
export class ProjectorModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(BUS_PROJECTORS) private readonly projectors: BusProjectors) {}

  static register(settings: LoadedSettings<ProjectorEnvironment>): DynamicModule {
    const env = settings.values;
    const bus = busConfig(env);
    const definitions = selectProjections(discoverProjections(), env.PROJECTOR_PROJECTIONS);
    return {
      module: ProjectorModule,
      imports: [settings.module, EventStoreModule, ReadStoreModule, EventBusModule.register(bus)],
      controllers: [ProjectorController],
      providers: [
        {
          provide: PROJECTOR_PARTS,
          inject: [EVENT_STORE, DATA_PROTECTION, EVENT_BUS, READ_STORE],
          useFactory: (
            eventStore: EventStore,
            protection: DataProtection,
            eventBus: EventBus,
            readStore: ReadStore,
          ): ProjectorParts => {
            let projectors: BusProjectors = [];
            const metrics = new ProjectorMetrics(() => Promise.all(projectors.map((p) => p.status())));
            projectors = busProjectors(
              definitions,
              {
                bus: eventBus,
                readStore,
                eventStore,
                openEvents: (events) => protection.cipher.openEvents(events),
                onBatch: (report) => metrics.recordBatch(report),
                onError: (projection, error) => {
                  metrics.recordFailure(projection);
                  logger.error({
                    message: 'projection batch failed; redelivering',
                    projection,
                    error: String(error),
                  });
                },
              },
              {
                topics: bus.topics,
                groupPrefix: env.PROJECTOR_GROUP_PREFIX,
                batchSize: env.PROJECTOR_BATCH_SIZE,
                concurrentPartitions: env.PROJECTOR_CONCURRENT_PARTITIONS,
                maxAttempts: env.PROJECTOR_MAX_ATTEMPTS,
                retryDelayMs: env.PROJECTOR_RETRY_DELAY_MS,
              },
            );
            return { projectors, metrics };
          },
        },
        {
          provide: BUS_PROJECTORS,
          inject: [PROJECTOR_PARTS],
          useFactory: (parts: ProjectorParts) => parts.projectors,
        },
        {
          provide: PROJECTOR_METRICS,
          inject: [PROJECTOR_PARTS],
          useFactory: (parts: ProjectorParts) => parts.metrics,
        },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.projectors.map((projector) => projector.start()));
    const running = this.projectors.map((projector) => `${projector.name} <- ${projector.topic}`);
    logger.log({ message: 'projections consuming', projections: running });
  }

  /** SIGTERM: each group finishes its batch, commits it and leaves, before the stores close. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.projectors.map((projector) => projector.stop()));
    logger.log('projections stopped after their batches in hand');
  }
}
