import { Command } from 'commander';
import type { EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { projectionCommands } from '../../cli/src/projections.command';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

// One purchase of 15,000.00 TRY (1,500,000 kuruş) makes a customer gold; the rule
// `gold-complaint-priority` (config/automation-rules.json) raises a gold customer's complaint to high.
const GOLD_SPEND = 1_500_000;

describe('Automation after a blue-green rebuild of customer-360, with the API running', () => {
  // A short wait: without following the alias, the trigger would wait this long and be skipped as stale.
  const running = useEmbeddedApp({ AUTOMATION_ENABLED: 'true', AUTOMATION_PROJECTION_WAIT_MS: '3000' });

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await call(running().baseUrl, method, path, { token: running().token('admin'), body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
  };
  const prioritized = async (customerId: string): Promise<EventEnvelope[]> =>
    (await running().app.get<EventStore>(EVENT_STORE).readStream(`customer-${customerId}`)).filter(
      (event) => event.type === 'ComplaintPrioritized',
    );
  /** `crm rebuild customer-360`, as an operator runs it beside the API, on the same data directory. */
  const rebuildCustomer360 = async (): Promise<{ swapped: boolean; shadow: string }> => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      for (const command of projectionCommands()) program.addCommand(command);
      await program.parseAsync(['rebuild', 'customer-360'], { from: 'user' });
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
    return JSON.parse(printed.at(-1) ?? '{}') as { swapped: boolean; shadow: string };
  };

  it('serves the rebuilt collection, and a gold customer’s complaint is still prioritized', async () => {
    await admin('POST', '/customers', {
      customerId: 'c-rebuilt',
      name: 'Elif Şahin',
      email: 'c-rebuilt@example.com.tr',
      registeredVia: 'web',
    });
    await admin('POST', '/customers/c-rebuilt/purchases', {
      purchaseId: 'p-1',
      amount: { amount: GOLD_SPEND, currency: 'TRY' },
    });
    await waitForProjections(running());

    const rebuilt = await rebuildCustomer360();
    expect(rebuilt).toMatchObject({ swapped: true, shadow: 'customer_360_v3_r1' });
    expect(await running().app.get<ReadStore>(READ_STORE).resolveAlias('customer_360')).toBe(
      'customer_360_v3_r1',
    );

    await admin('POST', '/customers/c-rebuilt/complaints', {
      complaintId: 'k-after-rebuild',
      category: 'delivery',
      description: 'Kargo iki hafta gecikti',
      channel: 'call',
    });

    const deadline = Date.now() + 10_000;
    while ((await prioritized('c-rebuilt')).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await prioritized('c-rebuilt')).map((event) => event.data)).toEqual([
      expect.objectContaining({ complaintId: 'k-after-rebuild', priority: 'high' }),
    ]);
  });
});
