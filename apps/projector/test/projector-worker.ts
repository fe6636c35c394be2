import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteEventBus, totalLag } from '@crm/messaging';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { busProjectors } from '../src/bus-projectors';
import { pipelineDefinitions, projectorSettings, TOPIC_SPECS } from './support/pipeline';

// A projector process over the embedded bus: runs every projection until its group has read the whole
// topic, then stops (finish batch, commit, leave). The specs SIGKILL it part-way and start it again.
async function main(): Promise<void> {
  const [eventsPath, readsPath, busPath, batchSize] = process.argv.slice(2);
  const eventStore = SqliteEventStore.open({ path: eventsPath });
  const readStore = SqliteReadStore.open({ path: readsPath });
  const bus = SqliteEventBus.open({ path: busPath, pollIntervalMs: 5 });
  await bus.ensureTopics(TOPIC_SPECS);
  const projectors = busProjectors(
    pipelineDefinitions(),
    { bus, readStore, eventStore },
    projectorSettings(Number(batchSize)),
  );
  await Promise.all(projectors.map((projector) => projector.start()));
  const drained = async () => {
    const statuses = await Promise.all(projectors.map((projector) => projector.status()));
    return statuses.every((status) => totalLag(status.partitions) === 0);
  };
  while (!(await drained())) await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all(projectors.map((projector) => projector.stop()));
  await bus.close();
  await readStore.close();
  await eventStore.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
