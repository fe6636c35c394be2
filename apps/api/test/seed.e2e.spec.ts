import { DEFAULT_DEMO_DATA_OPTIONS, demoCommands } from '@crm/demo-data';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { DemoSeeder } from '../src/seed/demo-seeder';
import { useEmbeddedApp } from './support/embedded-app';
import { waitForProjections } from './support/wait-for-projections';

const options = { ...DEFAULT_DEMO_DATA_OPTIONS, customers: 60 };

describe('Demo seed through the command bus', () => {
  const running = useEmbeddedApp();

  it('accepts every demo command, appends once, and a second run appends nothing', async () => {
    const { app } = running();
    const seeder = app.get(DemoSeeder);
    const store = app.get<EventStore>(EVENT_STORE);
    const expected = [...demoCommands(options)].length;

    const first = await seeder.seed(options, 16, () => undefined);
    const head = await store.headPosition();
    const second = await seeder.seed(options, 16, () => undefined);

    expect(first).toMatchObject({ done: expected, replayed: 0, rejected: [] });
    expect(first.appended).toBe(head);
    expect(second).toMatchObject({ done: expected, appended: 0, replayed: expected, rejected: [] });
    expect(await store.headPosition()).toBe(head);
  });

  it('records the seed as its actor, and every customer reaches the 360', async () => {
    const { app } = running();
    const store = app.get<EventStore>(EVENT_STORE);
    const [first] = await store.readAll({ after: 0, limit: 1 });

    expect(first.metadata).toMatchObject({
      actor: { id: 'demo-seed', kind: 'service' },
      source: 'demo-seed',
      correlationId: `demo-seed-${options.seed}`,
    });
    const readStore = app.get<ReadStore>(READ_STORE);
    await waitForProjections(running());
    expect(await readStore.count('customer_360')).toBe(options.customers);
  });
});
