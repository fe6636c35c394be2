import type { NewEvent } from '@crm/domain';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import type { ReadStore } from '@crm/read-store';
import {
  categoryMonthReport,
  type CategoryMonth,
  type ComplaintMonthsDocument,
} from '@crm/projections/complaints-by-category-month';
import { useSqliteWorkspace } from '../../../projection-runtime/test/support/sqlite-workspace';
import { projectionHost } from './projection-host-factory';
import { discoverProjections } from './projection-registry';

const HOUR = 3_600_000;

const complaintEvent = (
  id: string,
  type: string,
  occurredAt: string,
  data: Record<string, unknown>,
): NewEvent => ({
  id,
  type,
  schemaVersion: 1,
  occurredAt,
  data,
  metadata: {
    actor: { id: 'u-agent', kind: 'user', roles: ['agent'] },
    commandId: id,
    correlationId: id,
    causationId: id,
    source: 'complaints-report-spec',
  },
});

const opened = (id: string, complaintId: string, category: string, at: string): NewEvent =>
  complaintEvent(id, 'Complained', at, {
    complaintId,
    category,
    description: 'x',
    channel: 'web',
    slaHours: 72,
  });
const resolved = (id: string, complaintId: string, at: string): NewEvent =>
  complaintEvent(id, 'ComplaintResolved', at, { complaintId, firstContact: true, resolution: 'done' });
const reopened = (id: string, complaintId: string, at: string): NewEvent =>
  complaintEvent(id, 'ComplaintReopened', at, { complaintId, reason: 'again' });

/** The query docs/projections.md shows: every complaint with an event in `month`, page by page, folded. */
async function complaintsByCategory(readStore: ReadStore, month: string): Promise<CategoryMonth[]> {
  const complaints: ComplaintMonthsDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await readStore.find('complaints_by_category_month', {
      where: [
        { field: 'openedMonth', op: 'range', lte: month },
        { field: 'activeUntilMonth', op: 'range', gte: month },
      ],
      limit: 1_000,
      cursor,
    });
    complaints.push(...page.items.map((item) => item.body as unknown as ComplaintMonthsDocument));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return categoryMonthReport(complaints, month);
}

describe('complaints-by-category-month, hosted over SQLite', () => {
  const workspace = useSqliteWorkspace('crm-complaints-report');
  let reads: SqliteReadStore;

  beforeEach(() => {
    reads = workspace.readStore('reads');
  });

  it('is discovered, filled from the log and queried per category and month', async () => {
    await workspace.events.append(
      'customer-c1',
      [
        opened('e1', 'k1', 'billing', '2026-01-10T09:00:00Z'),
        resolved('e2', 'k1', '2026-01-11T09:00:00Z'),
        opened('e3', 'k2', 'delivery', '2026-01-31T12:00:00Z'),
      ],
      'any',
    );
    await workspace.events.append(
      'customer-c2',
      [
        opened('e4', 'k1', 'billing', '2026-01-20T00:00:00Z'),
        resolved('e5', 'k1', '2026-01-22T00:00:00Z'),
        reopened('e6', 'k1', '2026-02-03T00:00:00Z'),
        resolved('e7', 'k1', '2026-02-05T00:00:00Z'),
      ],
      'any',
    );
    await workspace.events.append(
      'customer-c3',
      [opened('e8', 'k1', 'billing', '2025-12-30T00:00:00Z')],
      'any',
    );
    const definitions = discoverProjections().filter(({ name }) => name === 'complaints-by-category-month');
    const host = projectionHost(workspace.events, reads, definitions);
    await host.catchUp();

    expect(await complaintsByCategory(reads, '2026-01')).toEqual([
      // Opened c1:k1, c2:k1; finally resolved only c1:k1 (9:00 → 9:00 next day = 24 h); c3:k1 is open but idle.
      {
        category: 'billing',
        month: '2026-01',
        opened: 2,
        resolved: 1,
        reopened: 0,
        meanResolutionMs: 24 * HOUR,
      },
      { category: 'delivery', month: '2026-01', opened: 1, resolved: 0, reopened: 0, meanResolutionMs: null },
    ]);
    expect(await complaintsByCategory(reads, '2026-02')).toEqual([
      // c2:k1 reopened 3 Feb, settled 5 Feb: 20 Jan → 5 Feb = 16 days = 384 h.
      {
        category: 'billing',
        month: '2026-02',
        opened: 0,
        resolved: 1,
        reopened: 1,
        meanResolutionMs: 384 * HOUR,
      },
    ]);
    expect(await complaintsByCategory(reads, '2025-12')).toEqual([
      { category: 'billing', month: '2025-12', opened: 1, resolved: 0, reopened: 0, meanResolutionMs: null },
    ]);
  });
});
