import { SqliteEventStore } from '../src/adapters/sqlite';

// Appends single events from concurrent callers through the writer thread, printing each acknowledged
// event id, until the spec SIGKILLs it.
const [path, prefix] = process.argv.slice(2);
const CALLERS = 32;

async function caller(store: SqliteEventStore, index: number): Promise<void> {
  const streamId = `${prefix}-stream-${index}`;
  for (let revision = 0; ; revision++) {
    const id = `${streamId}-event-${revision}`;
    await store.append(
      streamId,
      [
        {
          id,
          type: 'Appended',
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00.000Z',
          data: { revision },
          metadata: {
            actor: { id: 'crash', kind: 'service', roles: [] },
            commandId: id,
            correlationId: id,
            causationId: id,
            source: 'crash-spec',
          },
        },
      ],
      revision === 0 ? 'no_stream' : revision - 1,
    );
    process.stdout.write(`${id}\n`);
  }
}

const store = SqliteEventStore.open({ path, writerThread: true });
void Promise.all(Array.from({ length: CALLERS }, (_, index) => caller(store, index)));
