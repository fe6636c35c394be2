import type { EventEnvelope, Money, NewEvent, ProjectionDefinition } from '@crm/domain';
import type { EventStore } from '@crm/event-store/event-store';
import { activityEvent } from '../test/support/events';
import { useSqliteWorkspace } from '../test/support/sqlite-workspace';
import { waitFor } from '../test/support/wait-for';
import { CollectionWriter } from './collection-writer';
import { ProjectionHost } from './projection-host';
import { replay } from './replay';

interface PurchaseAmounts {
  readonly [key: string]: unknown;
  readonly amounts: readonly Money[];
}

/** Reads `Purchased` the way docs/projections.md says it looks: `data.amount` is Money (schema v2). */
const purchaseAmounts: ProjectionDefinition<PurchaseAmounts> = {
  name: 'purchase-amounts',
  version: 1,
  handles: ['Purchased'],
  documentId: (event: EventEnvelope) => event.streamId.replace(/^customer-/, ''),
  initial: () => ({ amounts: [] }),
  evolve: (doc, event) => {
    const { amount } = event.data as { readonly amount: Money };
    return { amounts: [...doc.amounts, { amount: amount.amount, currency: amount.currency }] };
  },
};

const purchased = (id: string, schemaVersion: number, data: unknown): NewEvent => ({
  ...activityEvent(id, 'Purchased'),
  schemaVersion,
  data,
});

/** As stored before multi-currency support: a plain number of kuruş (libs/domain purchased-v1-to-v2). */
const V1 = purchased('p-v1', 1, { purchaseId: 'p1', amount: 12_345 });
const V2 = purchased('p-v2', 2, { purchaseId: 'p2', amount: { amount: 500, currency: 'EUR' } });
/** 123.45 TRY read from v1, then the v2 purchase as it was stored. */
const EXPECTED = {
  amounts: [
    { amount: 12_345, currency: 'TRY' },
    { amount: 500, currency: 'EUR' },
  ],
};

const append = async (events: EventStore): Promise<void> => {
  await events.append('customer-c1', [V1, V2], 'no_stream');
};

describe('the runtime hands projections upcast events, from a store that does not upcast', () => {
  const workspace = useSqliteWorkspace('crm-upcast');

  it('live: the host tails a Purchased v1 appended after it started', async () => {
    const readStore = workspace.readStore('live');
    const host = new ProjectionHost({ source: workspace.events, readStore });
    host.add(purchaseAmounts);
    host.start();
    try {
      await append(workspace.events);
      await waitFor(async () => (await readStore.get('purchase_amounts', 'c1'))?.version === 2);
    } finally {
      await host.stop();
    }
    expect((await readStore.get('purchase_amounts', 'c1'))?.body).toEqual(EXPECTED);
  });

  it('replay in global order', async () => {
    await append(workspace.events);
    const readStore = workspace.readStore('global');

    await replay(purchaseAmounts, { source: workspace.events, readStore });

    expect((await readStore.get('purchase_amounts', 'c1'))?.body).toEqual(EXPECTED);
  });

  it('replay stream by stream (ADR 0011)', async () => {
    await append(workspace.events);
    const readStore = workspace.readStore('by-stream');
    const oneStream = { ...purchaseAmounts, oneStreamPerDocument: true };

    const summary = await replay(oneStream, { source: workspace.events, readStore });

    expect(summary.events).toBe(2);
    expect((await readStore.get('purchase_amounts', 'c1'))?.body).toEqual(EXPECTED);
  });

  it("the bus projector's writer, fed events as a bus delivers them", async () => {
    await append(workspace.events);
    const readStore = workspace.readStore('bus');
    const writer = await CollectionWriter.open({
      definition: purchaseAmounts,
      readStore,
      collection: 'purchase_amounts_v1',
      maxAttempts: 1,
      clock: () => new Date('2026-01-01T00:00:00Z'),
    });

    await writer.apply(await workspace.events.readAll({ after: 0, limit: 10 }));

    expect((await readStore.get('purchase_amounts_v1', 'c1'))?.body).toEqual(EXPECTED);
  });
});
