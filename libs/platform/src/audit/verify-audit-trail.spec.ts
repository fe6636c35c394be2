import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUDIT_TRAIL_FIELDS,
  type AuditEntry,
  chainEntries,
  GENESIS_HASH,
} from '@crm/projections/audit-trail';
import { auditedLog } from '@crm/projections/audit-trail/audit-trail.fixtures';
import { type JsonObject, SqliteReadStore } from '@crm/read-store';
import { verifyAuditTrail } from './verify-audit-trail';

describe('verifyAuditTrail over a read store', () => {
  let dir: string;
  let reads: SqliteReadStore;
  const entries = chainEntries(GENESIS_HASH, auditedLog());

  const store = async (list: readonly AuditEntry[]): Promise<void> => {
    await reads.bulkWrite(
      'audit_trail',
      list.map((entry) => ({
        kind: 'upsert',
        document: { id: entry.entryId, version: entry.position, body: entry as unknown as JsonObject },
      })),
    );
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-audit-verify-'));
    reads = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await reads.ensureCollection({ name: 'audit_trail_v1', fields: AUDIT_TRAIL_FIELDS });
    await reads.setAlias('audit_trail', 'audit_trail_v1');
  });

  afterEach(async () => {
    await reads.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the chain across pages', async () => {
    await store(entries);

    expect(await verifyAuditTrail(reads, 2)).toEqual({
      ok: true,
      verified: 5,
      lastHash: entries[4].hash,
      lastPosition: entries[4].position,
    });
  });

  it('finds a deleted entry on a later page as the broken link after it', async () => {
    await store([...entries.slice(0, 3), entries[4]]);

    expect(await verifyAuditTrail(reads, 2)).toMatchObject({
      ok: false,
      verified: 3,
      firstBroken: {
        position: entries[4].position,
        problem: 'broken-link',
        expected: entries[2].hash,
        found: entries[3].hash,
      },
    });
  });

  it('reports an empty trail when the projection never ran', async () => {
    const fresh = SqliteReadStore.open({ path: join(dir, 'empty.db') });
    try {
      expect(await verifyAuditTrail(fresh)).toEqual({
        ok: true,
        verified: 0,
        lastHash: GENESIS_HASH,
        lastPosition: -1,
      });
    } finally {
      await fresh.close();
    }
  });
});
