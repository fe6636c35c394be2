import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventBus } from '../adapters/sqlite';
import { describeEventBusContract } from './event-bus.contract';
import { describeKafkaContractWhereReachable } from './kafka-contract-target';

describeEventBusContract('sqlite (embedded)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crm-event-bus-contract-'));
  const bus = SqliteEventBus.open({ path: join(dir, 'bus.db'), pollIntervalMs: 10 });
  return {
    store: bus,
    dispose: async () => {
      await bus.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeKafkaContractWhereReachable();
