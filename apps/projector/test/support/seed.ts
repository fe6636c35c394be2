import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { demoHistory, executeAll } from '../../../../libs/projection-runtime/test/support/demo-history';

/** The demo data set's history for `customers` customers, written through the real command executor. */
export async function seedDemoLog(eventsPath: string, customers: number): Promise<number> {
  const events = SqliteEventStore.open({ path: eventsPath });
  try {
    await executeAll(events, demoHistory(customers));
    return await events.headPosition();
  } finally {
    await events.close();
  }
}
