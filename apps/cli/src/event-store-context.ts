import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventStoreModule } from '@crm/platform';
import { StderrLogger } from './api-context';

/**
 * Opens only the event store (upcasting on read, adapter chosen by CRM_MODE like the API), without
 * projections, read store or schedules: for commands that only read the log.
 */
export async function withEventStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const logger = new StderrLogger({ json: true, logLevels: ['error', 'warn'] });
  const app = await NestFactory.createApplicationContext(EventStoreModule, { logger });
  try {
    return await work(app.get<EventStore>(EVENT_STORE));
  } finally {
    await app.close();
  }
}
