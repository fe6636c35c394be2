import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { EventBus } from '@crm/messaging';
import type { BusConfig } from '../config/bus.config';
import { openEventBus } from './open-event-bus';

export const EVENT_BUS = Symbol('EventBus');
export const BUS_CONFIG = Symbol('BusConfig');

/** Provides the EventBus port: Kafka in distributed mode, the SQLite topic log in embedded mode. */
@Module({})
export class EventBusModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  static register(config: BusConfig): DynamicModule {
    return {
      module: EventBusModule,
      global: true,
      providers: [
        { provide: BUS_CONFIG, useValue: config },
        { provide: EVENT_BUS, useFactory: () => openEventBus(config) },
      ],
      exports: [EVENT_BUS, BUS_CONFIG],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
