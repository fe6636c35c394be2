import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import { CustomerKeys, type EventBus } from '@crm/messaging';
import {
  busConfig,
  EVENT_BUS,
  EventBusModule,
  EventStoreModule,
  READ_STORE,
  ReadStoreModule,
  type LoadedSettings,
  type RelayEnvironment,
  SEALED_EVENT_STORE,
} from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { EventRelay } from './event-relay';
import { RELAY_METRICS, RelayMetrics } from './relay-metrics';
import { RelayController } from './relay.controller';

const logger = new Logger('Relay');
const RELAY_PARTS = Symbol('RelayParts');

interface RelayParts {
  readonly relay: EventRelay;
  readonly metrics: RelayMetrics;
}

/**
 * The relay app (DESIGN §3): the event store's global log to the bus. It forwards events as stored, personal
 * fields sealed, so plaintext personal data never reaches the broker (docs/data-protection.md).
 */
@Module({})
export class RelayModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EventRelay) private readonly relay: EventRelay) {}

  static register(settings: LoadedSettings<RelayEnvironment>): DynamicModule {
    const env = settings.values;
    const bus = busConfig(env);
    return {
      module: RelayModule,
      imports: [settings.module, EventStoreModule, ReadStoreModule, EventBusModule.register(bus)],
      controllers: [RelayController],
      providers: [
        {
          provide: RELAY_PARTS,
          inject: [SEALED_EVENT_STORE, EVENT_BUS, READ_STORE],
          useFactory: (store: EventStore, eventBus: EventBus, readStore: ReadStore): RelayParts => {
            const metrics = new RelayMetrics(() => relay.status());
            const relay = new EventRelay({
              source: store,
              keys: new CustomerKeys(store),
              bus: eventBus,
              checkpoints: readStore,
              topics: bus.topics,
              batchSize: env.RELAY_BATCH_SIZE,
              onPublished: ({ events }) => metrics.published.inc(events.length),
              onError: (error) => {
                metrics.failures.inc();
                logger.error({ message: 'relay batch failed; retrying', error: String(error) });
              },
              onOversized: (event) =>
                logger.warn({
                  message: 'event too large for the broker even alone; published by reference',
                  eventId: event.id,
                  position: event.position,
                }),
            });
            return { relay, metrics };
          },
        },
        { provide: EventRelay, inject: [RELAY_PARTS], useFactory: (parts: RelayParts) => parts.relay },
        { provide: RELAY_METRICS, inject: [RELAY_PARTS], useFactory: (parts: RelayParts) => parts.metrics },
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    logger.log({ message: 'relay started', checkpoint: this.relay.checkpointName });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    logger.log('relay stopped after its batch in hand');
  }
}
