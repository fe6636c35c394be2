import { join } from 'node:path';
import Database from 'better-sqlite3';
import { auditCommand, BROKEN_CHAIN_EXIT_CODE } from '../../cli/src/audit.command';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Tamper-evident audit: GET /audit/verify and `crm audit verify` (embedded mode)', () => {
  const running = useEmbeddedApp();
  const verify = (role: 'auditor' | 'analyst' = 'auditor') =>
    call<Body>(running().baseUrl, 'GET', '/audit/verify', { token: running().token(role) });

  /** The CLI as an operator runs it, against the same data directory; its JSON line and exit code. */
  const crmAuditVerify = async (): Promise<{ report: Body; exitCode: number | undefined }> => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await auditCommand().exitOverride().parseAsync(['verify'], { from: 'user' });
    } finally {
      jest.restoreAllMocks();
    }
    const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
    process.exitCode = undefined;
    return { report: JSON.parse(lines.join('')) as Body, exitCode };
  };

  beforeAll(async () => {
    const token = running().token('service');
    for (const id of ['c-av-1', 'c-av-2']) {
      await call(running().baseUrl, 'POST', '/customers', {
        token,
        body: { customerId: id, name: 'Audit Person', email: `${id}@example.org`, registeredVia: 'web' },
      });
      await call(running().baseUrl, 'POST', `/customers/${id}/purchases`, {
        token,
        body: { purchaseId: `${id}-p`, amount: { amount: 50_000, currency: 'TRY' } },
      });
    }
    await waitForProjections(running());
  });

  it('verifies an untouched trail and reports the last hash to keep outside the system', async () => {
    const health = await call<Body>(running().baseUrl, 'GET', '/health');
    const head = health.body.eventStore.headPosition as number;
    const result = await verify();

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      ok: true,
      verified: head,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      lastPosition: head,
    });
    expect((await crmAuditVerify()).report).toEqual(result.body);
  });

  it('is for auditors', async () => {
    expect((await verify('analyst')).status).toBe(403);
  });

  it('detects one modified stored entry and names its position, expected and found hash', async () => {
    const before = await call<Body>(running().baseUrl, 'GET', '/audit?limit=10', {
      token: running().token('auditor'),
    });
    const target = before.body.items.find((entry: Body) => entry.position === 3);
    const db = new Database(join(process.env.CRM_DATA_DIR as string, 'read.db'));
    const { target: table } = db.prepare("SELECT target FROM aliases WHERE alias = 'audit_trail'").get() as {
      target: string;
    };
    db.prepare(`UPDATE "${table}" SET body = json_set(body, '$.actorId', 'someone-else') WHERE id = ?`).run(
      target.entryId,
    );
    db.close();

    const result = await verify();
    const cli = await crmAuditVerify();

    expect(result.body).toEqual({
      ok: false,
      verified: 2,
      firstBroken: {
        position: 3,
        entryId: target.entryId,
        problem: 'hash-mismatch',
        expected: expect.stringMatching(/^[0-9a-f]{64}$/),
        found: target.hash,
      },
    });
    expect(result.body.firstBroken.expected).not.toBe(target.hash);
    expect(cli).toEqual({ report: result.body, exitCode: BROKEN_CHAIN_EXIT_CODE });
  });
});
