import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';
import { CRASH_COLLECTIONS, crashScenarioHost } from './support/crash-scenario';
import { dumpCollection } from './support/dump-collection';
import { activityEvent, seedActivity } from './support/events';

const ROOT = resolve(__dirname, '../../..');
const WORKER = join(__dirname, 'crash-worker.ts');
const EVENTS = 3_000;
const BATCH = 20;
const KILLS = 3;

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

function startWorker(eventsPath: string, readsPath: string): { child: ChildProcess; exited: Promise<Exit> } {
  // tsx loaded in-process: the `tsx` command would run the worker in a grandchild that SIGKILL misses.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, eventsPath, readsPath, String(BATCH)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, exited };
}

async function dumpAll(readStore: SqliteReadStore): Promise<Record<string, string[]>> {
  const dumps: Record<string, string[]> = {};
  for (const collection of CRASH_COLLECTIONS) dumps[collection] = await dumpCollection(readStore, collection);
  return dumps;
}

describe('a projector killed mid-run', () => {
  let dir: string;
  let eventsPath: string;
  let clean: Record<string, string[]>;
  let head: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-crash-recovery-'));
    eventsPath = join(dir, 'events.db');
    const events = SqliteEventStore.open({ path: eventsPath });
    await seedActivity(events, EVENTS, 150);
    for (const stream of ['customer-c3', 'customer-c77']) {
      await events.append(stream, [activityEvent(`poison-${stream}`, 'Poisoned')], 'any');
    }
    await seedActivity(events, 500, 40, 50, 'after-');
    head = await events.headPosition();

    const rebuild = SqliteReadStore.open({ path: join(dir, 'clean.db') });
    await crashScenarioHost(events, rebuild, 500).catchUp();
    clean = await dumpAll(rebuild);
    await rebuild.close();
    await events.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Array.from({ length: KILLS }, (_, i) => i + 1))(
    'after restart equals a clean rebuild byte for byte (kill %i)',
    async (kill) => {
      const readsPath = join(dir, `crashed-${kill}.db`);
      const killAt = Math.floor(head * (0.1 + Math.random() * 0.7));
      const observer = SqliteReadStore.open({ path: readsPath });
      try {
        const first = startWorker(eventsPath, readsPath);
        let checkpoint = 0;
        while (checkpoint < killAt) {
          checkpoint = (await observer.getCheckpoint('customer_activity_v1'))?.position ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        first.child.kill('SIGKILL');
        expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
        const atKill = (await observer.getCheckpoint('customer_activity_v1'))?.position ?? 0;
        expect(atKill).toBeLessThan(head);

        expect(await startWorker(eventsPath, readsPath).exited).toEqual({ code: 0, signal: null });

        const recovered = await dumpAll(observer);
        expect(recovered).toEqual(clean);
        const entries = recovered.audit_trail_v1.map((line) => JSON.parse(line).body as AuditEntry);
        expect(auditTrail.verifyChain(entries)).toEqual({
          ok: true,
          verified: entries.length,
          lastHash: expect.any(String),
        });
      } finally {
        await observer.close();
      }
    },
  );
});
