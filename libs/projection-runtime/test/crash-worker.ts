import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { crashScenarioHost } from './support/crash-scenario';

// A projector process for crash-recovery.int.spec.ts, which SIGKILLs it mid-run and starts it again.
async function main(): Promise<void> {
  const [eventsPath, readsPath, batchSize] = process.argv.slice(2);
  const events = SqliteEventStore.open({ path: eventsPath });
  const reads = SqliteReadStore.open({ path: readsPath });
  await crashScenarioHost(events, reads, Number(batchSize)).catchUp();
  await events.close();
  await reads.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
