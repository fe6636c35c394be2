import { Command } from 'commander';
import type { EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { seedCommand } from '../../cli/src/seed.command';
import { AUTOMATION_CHECKPOINT } from '../src/reactors/reactor-checkpoint';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';

const CUSTOMERS = 60;
// With generator seed 3, 60 customers include complaints filed by gold and platinum customers, which
// `gold-complaint-priority` would act on if it saw them.
const GENERATOR_SEED = 3;

describe('README order: the API running with automation, then `npm run seed`', () => {
  const running = useEmbeddedApp({ AUTOMATION_ENABLED: 'true' });
  const store = () => running().app.get<EventStore>(EVENT_STORE);

  /** `crm seed` as `npm run seed` runs it, beside the running API, on the same data directory. */
  const seed = async (): Promise<{ commands: number; rejected: number }> => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      program.addCommand(seedCommand());
      await program.parseAsync(
        ['seed', '--customers', String(CUSTOMERS), '--seed', String(GENERATOR_SEED), '--no-progress'],
        { from: 'user' },
      );
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
    return JSON.parse(printed.at(-1) ?? '{}') as { commands: number; rejected: number };
  };
  const allEvents = async (): Promise<EventEnvelope[]> => {
    const events: EventEnvelope[] = [];
    for (;;) {
      const page = await store().readAll({ after: events.at(-1)?.position ?? 0, limit: 5_000 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  };
  const reactorAt = async (position: number): Promise<void> => {
    const readStore = running().app.get<ReadStore>(READ_STORE);
    const deadline = Date.now() + 30_000;
    while (((await readStore.getCheckpoint(AUTOMATION_CHECKPOINT))?.position ?? 0) < position) {
      if (Date.now() > deadline) throw new Error(`the automation checkpoint did not reach ${position}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('marks the seeded history as imported, and no rule fires on it', async () => {
    // The reactor starts at the head of an empty log; everything below is appended while it runs.
    await reactorAt(0);

    const summary = await seed();
    await reactorAt(await store().headPosition());

    const events = await allEvents();
    expect(summary).toMatchObject({ rejected: 0 });
    expect(events.length).toBeGreaterThan(CUSTOMERS);
    // Triggers of the shipped rules are in the seeded history (complaints, downgrades), all imported.
    const triggers = events.filter((event) => event.type === 'Complained' || event.type === 'TierChanged');
    expect(triggers.length).toBeGreaterThan(0);
    expect(events.every((event) => event.metadata.imported === true)).toBe(true);
    expect(events.filter((event) => event.metadata.source === 'automation')).toEqual([]);
    const metrics = (await call<string>(running().baseUrl, 'GET', '/metrics')).body;
    expect(metrics.split('\n').filter((line) => line.startsWith('crm_automation_firings_total{'))).toEqual(
      [],
    );
  });
});
