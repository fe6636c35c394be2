import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@crm/domain';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { useSqliteWorkspace } from '../../../projection-runtime/test/support/sqlite-workspace';
import { projectionHost } from './projection-host-factory';
import { discoverProjections, PROJECTIONS_ROOT } from './projection-registry';

/** What an analyst writes: a folder with an index exporting one pure definition, and nothing else. */
const PURCHASE_COUNT_INDEX = `
import { parseStreamName, type ProjectionDefinition } from '@crm/domain';

export const PURCHASE_COUNT_NAME = 'purchase-count';

export const purchaseCount: ProjectionDefinition<{ readonly [key: string]: unknown; readonly purchases: number }> = {
  name: PURCHASE_COUNT_NAME,
  version: 1,
  handles: ['Purchased'],
  documentId: (event) => parseStreamName(event.streamId)?.id ?? null,
  initial: () => ({ purchases: 0 }),
  evolve: (doc) => ({ purchases: doc.purchases + 1 }),
  fields: [{ path: 'purchases', type: 'number' }],
};
`;

const event = (id: string, type: string, data: Record<string, unknown>): NewEvent => ({
  id,
  type,
  schemaVersion: type === 'Purchased' ? 2 : 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data,
  metadata: {
    actor: { id: 'svc-spec', kind: 'service', roles: ['service'] },
    commandId: id,
    correlationId: id,
    causationId: id,
    source: 'projection-registry-spec',
  },
});

const registered = (id: string, customerId: string): NewEvent =>
  event(id, 'CustomerRegistered', {
    customerId,
    name: 'Ayşe',
    email: `${customerId}@example.com`,
    registeredVia: 'web',
    stage: 'lead',
  });

const purchased = (id: string, amount: number): NewEvent =>
  event(id, 'Purchased', { purchaseId: id, amount: { amount, currency: 'TRY' } });

describe('projection registry', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-projections-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const writeFolder = (folder: string, index: string): void => {
    mkdirSync(join(root, folder));
    writeFileSync(join(root, folder, 'index.ts'), index);
  };

  it('finds one definition in every projections/ folder that has an index, named after its folder', () => {
    const folders = readdirSync(PROJECTIONS_ROOT, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(PROJECTIONS_ROOT, entry.name, 'index.ts')))
      .map((entry) => entry.name)
      .sort();

    expect(folders).toContain('complaints-by-category-month');
    expect(discoverProjections().map((definition) => definition.name)).toEqual(folders);
  });

  it('skips folders that export no definition, and orders the rest by folder name', () => {
    writeFolder('b-count', PURCHASE_COUNT_INDEX.replace("'purchase-count'", "'b-count'"));
    writeFolder('a-count', PURCHASE_COUNT_INDEX.replace("'purchase-count'", "'a-count'"));
    writeFolder('helpers', 'export const HOUR = 3_600_000;\n');
    mkdirSync(join(root, 'no-index'));

    expect(discoverProjections(root).map((definition) => definition.name)).toEqual(['a-count', 'b-count']);
  });

  it('refuses two folders that define the same projection name', () => {
    writeFolder('purchase-count', PURCHASE_COUNT_INDEX);
    writeFolder('purchase-count-copy', PURCHASE_COUNT_INDEX);

    expect(() => discoverProjections(root)).toThrow(
      'Projection "purchase-count" is defined twice: projections/purchase-count and projections/purchase-count-copy',
    );
  });

  it('refuses a folder that exports two definitions', () => {
    writeFolder(
      'two',
      `${PURCHASE_COUNT_INDEX}\nexport const other = { ...purchaseCount, name: 'other-count' };\n`,
    );

    expect(() => discoverProjections(root)).toThrow(
      'projections/two exports 2 definitions (purchase-count, other-count); a folder holds one',
    );
  });

  describe('given a new projection folder beside real ones', () => {
    const workspace = useSqliteWorkspace('crm-registry-host');
    let reads: SqliteReadStore;

    beforeEach(() => {
      reads = workspace.readStore('reads');
    });

    it('the host built from the registry fills its collection from the log with no other edit', async () => {
      cpSync(join(PROJECTIONS_ROOT, 'loyalty-tier'), join(root, 'loyalty-tier'), { recursive: true });
      writeFolder('purchase-count', PURCHASE_COUNT_INDEX);
      await workspace.events.append('customer-c1', [registered('e1', 'c1'), purchased('e2', 1_000)], 'any');
      await workspace.events.append(
        'customer-c2',
        [registered('e3', 'c2'), purchased('e4', 500), purchased('e5', 700)],
        'any',
      );

      const host = projectionHost(workspace.events, reads, discoverProjections(root));
      await host.catchUp();

      expect((await host.statuses()).map((status) => [status.collection, status.position])).toEqual([
        ['loyalty_tier_v2', 5],
        ['purchase_count_v1', 5],
      ]);
      // c1 bought once, c2 twice; registrations are not purchases.
      expect((await reads.get('purchase_count', 'c1'))?.body).toEqual({ purchases: 1 });
      expect((await reads.get('purchase_count', 'c2'))?.body).toEqual({ purchases: 2 });
      expect(await reads.count('purchase_count', [{ field: 'purchases', op: 'eq', value: 2 }])).toBe(1);
      // The copied real projection runs beside it: 500 + 700 kuruş of qualifying spend.
      expect((await reads.get('loyalty_tier', 'c2'))?.body).toMatchObject({ qualifyingSpend: 1_200 });
    });
  });
});
