import { CommanderError } from 'commander';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandExecutor, customerAggregate, requestHash } from '@crm/application';
import { type CustomerCommand, type EventEnvelope, eventId } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store';
import { exportCommand } from '../src/export.command';

/**
 * The log, by hand (SQLite positions are dense from 1):
 *   pos 1  customer-c-1 rev 0  CustomerRegistered      occurredAt 2025-01-01T09:00Z
 *   pos 2  customer-c-2 rev 0  CustomerRegistered      occurredAt 2025-02-01T09:00Z
 *   pos 3  customer-c-1 rev 1  CustomerProfileUpdated  occurredAt 2025-03-01T09:00Z
 *   pos 4  customer-c-1 rev 2  CustomerProfileUpdated  occurredAt 2025-01-20T09:00Z  (backdated import)
 *   pos 5  customer-c-2 rev 1  Purchased v1 (stored)   occurredAt 2025-02-10T09:00Z  (reads as v2)
 */
const issuer = {
  actor: { id: 'svc-import', kind: 'service' as const, roles: ['service'] },
  correlationId: 'corr-export',
  source: 'import',
};
const commands: Array<[string, CustomerCommand]> = [
  [
    'cmd-1',
    {
      type: 'RegisterCustomer',
      customerId: 'c-1',
      occurredAt: '2025-01-01T09:00:00Z',
      data: { name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr', registeredVia: 'web' },
    },
  ],
  [
    'cmd-2',
    {
      type: 'RegisterCustomer',
      customerId: 'c-2',
      occurredAt: '2025-02-01T09:00:00Z',
      data: { name: 'Mehmet Demir', email: 'mehmet@example.com.tr', registeredVia: 'store' },
    },
  ],
  [
    'cmd-3',
    {
      type: 'UpdateCustomerProfile',
      customerId: 'c-1',
      occurredAt: '2025-03-01T09:00:00Z',
      data: { email: 'ayse.yilmaz@example.com.tr' },
    },
  ],
  [
    'cmd-4',
    {
      type: 'UpdateCustomerProfile',
      customerId: 'c-1',
      occurredAt: '2025-01-20T09:00:00Z',
      data: { name: 'Ayşe Yılmaz Kaya' },
    },
  ],
];
const legacyPurchase = {
  id: eventId('cmd-legacy', 0),
  type: 'Purchased',
  schemaVersion: 1,
  occurredAt: '2025-02-10T09:00:00.000Z',
  data: { purchaseId: 'p-legacy', amount: 125_050, channel: 'store' },
  metadata: { ...issuer, commandId: 'cmd-legacy', causationId: 'cmd-legacy' },
};

interface CliRun {
  readonly events: EventEnvelope[];
  readonly stderr: string;
  readonly exitCode: number | undefined;
}

describe('crm export', () => {
  let dir: string;
  let stderr: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-export-'));
    const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    const executor = new CommandExecutor(store, { clock: () => new Date('2026-06-01T12:00:00Z') });
    for (const [commandId, command] of commands) {
      await executor.execute(customerAggregate(), {
        command,
        commandId,
        requestHash: requestHash(command, Buffer.alloc(32)),
        issuer,
      });
    }
    await store.append('customer-c-2', [legacyPurchase], 0);
    expect(await store.headPosition()).toBe(5);
    await store.close();
    process.env.CRM_DATA_DIR = dir;
  });

  afterAll(() => {
    delete process.env.CRM_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    stderr = [];
    jest.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  const parse = (args: string[]): Promise<unknown> =>
    exportCommand()
      .exitOverride()
      .configureOutput({ writeErr: (text) => void stderr.push(text) })
      .parseAsync(args, { from: 'user' });

  const crmExport = async (...args: string[]): Promise<CliRun> => {
    const out = join(dir, `export-${Math.random().toString(36).slice(2)}.jsonl`);
    await parse([...args, '--out', out]);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
    return {
      events: lines.map((line) => JSON.parse(line) as EventEnvelope),
      stderr: stderr.join('\n'),
      exitCode,
    };
  };

  const positions = (run: CliRun): number[] => run.events.map((event) => event.position);

  describe('--customer', () => {
    it("writes exactly that customer's stream in revision order, one full envelope per line", async () => {
      const run = await crmExport('--customer', 'c-1');

      expect(run.events.map((e) => [e.streamId, e.revision, e.position])).toEqual([
        ['customer-c-1', 0, 1],
        ['customer-c-1', 1, 3],
        ['customer-c-1', 2, 4],
      ]);
      expect(Object.keys(run.events[0])).toEqual([
        'id',
        'type',
        'schemaVersion',
        'streamId',
        'revision',
        'position',
        'occurredAt',
        'recordedAt',
        'data',
        'metadata',
      ]);
      expect(run.events[0]).toMatchObject({
        id: eventId('cmd-1', 0),
        type: 'CustomerRegistered',
        occurredAt: '2025-01-01T09:00:00.000Z',
        data: { customerId: 'c-1', email: 'ayse@example.com.tr' },
        metadata: { actor: issuer.actor, commandId: 'cmd-1', correlationId: 'corr-export', source: 'import' },
      });
      expect(run.exitCode).toBeUndefined();
    });

    it('writes stored old schema versions upcast to the current one', async () => {
      const run = await crmExport('--customer', 'c-2');

      // Purchased v1 held kuruş as a bare number; v2 is money: 125,050 kuruş = { amount: 125050, currency: TRY }.
      expect(run.events[1]).toMatchObject({
        type: 'Purchased',
        schemaVersion: 2,
        position: 5,
        data: { purchaseId: 'p-legacy', amount: { amount: 125_050, currency: 'TRY' }, channel: 'store' },
      });
    });

    it('writes nothing for an unknown customer, says so on stderr, and succeeds', async () => {
      const run = await crmExport('--customer', 'nobody');

      expect(run.events).toEqual([]);
      expect(run.stderr).toContain('no events for customer nobody');
      expect(run.exitCode).toBeUndefined();
    });

    it('narrows the stream by the same bounds as the log', async () => {
      // c-1's events at occurredAt ≥ 2025-01-15: rev 1 (March 1) and rev 2 (January 20); rev 0 (January 1) is before.
      const run = await crmExport('--customer', 'c-1', '--from', '2025-01-15T00:00:00Z');

      expect(positions(run)).toEqual([3, 4]);
    });
  });

  describe('--from/--to over the global log', () => {
    it('takes positions as inclusive bounds', async () => {
      expect(positions(await crmExport('--from', '2', '--to', '4'))).toEqual([2, 3, 4]);
      expect(positions(await crmExport('--from', '1'))).toEqual([1, 2, 3, 4, 5]);
      expect(positions(await crmExport('--to', '2'))).toEqual([1, 2]);
    });

    it('takes instants as from ≤ occurredAt ≤ to over the whole log, backdated events included', async () => {
      // [Jan 10, Feb 5]: pos 2 (Feb 1) and pos 4 (Jan 20, appended after the March event at pos 3).
      expect(
        positions(await crmExport('--from', '2025-01-10T00:00:00Z', '--to', '2025-02-05T00:00:00Z')),
      ).toEqual([2, 4]);
      // occurredAt ≤ Feb 1 09:00: pos 1 (Jan 1), pos 2 (exactly Feb 1 09:00) and pos 4 (Jan 20).
      expect(positions(await crmExport('--to', '2025-02-01T09:00:00Z'))).toEqual([1, 2, 4]);
      // Feb 1 12:00+03:00 is Feb 1 09:00Z, so from = to = pos 2's instant: pos 2 alone.
      expect(
        positions(await crmExport('--from', '2025-02-01T12:00:00+03:00', '--to', '2025-02-01T09:00:00Z')),
      ).toEqual([2]);
    });

    it('combines a position bound with an instant bound', async () => {
      // position ≥ 3 and occurredAt ≤ Feb 15: pos 4 (Jan 20) and pos 5 (Feb 10); pos 3 (Mar 1) is too late.
      expect(positions(await crmExport('--from', '3', '--to', '2025-02-15T00:00:00Z'))).toEqual([4, 5]);
    });

    it('writes nothing, and succeeds, for ranges that select no event', async () => {
      // No event occurred between Feb 1 09:00 (pos 2) and Feb 10 09:00 (pos 5).
      const quietWeek = await crmExport('--from', '2025-02-02T00:00:00Z', '--to', '2025-02-09T00:00:00Z');
      const pastTheHead = await crmExport('--from', '6');
      const beforeHistory = await crmExport('--to', '2024-12-31T00:00:00Z');

      expect([quietWeek.events, pastTheHead.events, beforeHistory.events]).toEqual([[], [], []]);
      expect(pastTheHead.exitCode).toBeUndefined();
    });

    it('writes to stdout without --out, and the summary to stderr', async () => {
      const written: string[] = [];
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);

      await parse(['--from', '4']);

      expect(written.join('').split('\n')).toEqual([
        expect.stringContaining('"position":4'),
        expect.stringContaining('"position":5'),
        '',
      ]);
      expect(JSON.parse(stderr.at(-1) ?? '')).toMatchObject({
        scanned: 2,
        exported: 2,
        lastPosition: 5,
        interrupted: false,
      });
    });
  });

  describe('Ctrl-C', () => {
    it('stops after the batch being written, exits 130, and --after resumes to the same lines', async () => {
      jest.spyOn(process.stdout, 'write').mockImplementation(() => {
        process.emit('SIGINT', 'SIGINT');
        return true;
      });
      await parse(['--from', '1', '--batch-size', '2']);
      const summary = JSON.parse(stderr.at(-1) ?? '') as Record<string, unknown>;
      jest.restoreAllMocks();
      jest.spyOn(console, 'error').mockImplementation(() => undefined);

      // The first batch holds positions 1-2; the stop is honoured before the second is read.
      expect(summary).toMatchObject({
        exported: 2,
        lastPosition: 2,
        interrupted: true,
        resumeWith: '--after 2',
      });
      expect(process.exitCode).toBe(130);
      process.exitCode = undefined;
      expect(positions(await crmExport('--from', '1', '--after', '2'))).toEqual([3, 4, 5]);
    });
  });

  describe('invalid arguments', () => {
    it.each([
      [['--customer', 'bad id'], 'a customer id is 1-64 characters'],
      [['--from', 'yesterday'], 'expected a global position (e.g. 1500) or an ISO 8601 instant'],
      [['--from', '2025-01-01T00:00:00'], 'expected a global position (e.g. 1500) or an ISO 8601 instant'],
      [['--from', '0'], 'a whole number ≥ 1'],
      [['--from', '1', '--after', '-1'], 'a whole number ≥ 1'],
      [['--from', '1', '--batch-size', '0'], 'from 1 to 100000'],
      [[], 'choose what to export'],
      [['--from', '5', '--to', '2'], '--from 5 is after --to 2'],
      [['--from', '2025-03-01T00:00:00Z', '--to', '2025-02-01T00:00:00Z'], 'is after --to'],
    ])('%j fails with exit code 1 and a clear message, writing nothing', async (args, message) => {
      const out = join(dir, 'refused.jsonl');

      const error = (await parse([...args, '--out', out]).catch((e: unknown) => e)) as CommanderError;

      expect(error).toBeInstanceOf(CommanderError);
      expect(error.exitCode).toBe(1);
      expect(stderr.join('')).toContain(message);
      expect(existsSync(out)).toBe(false);
    });
  });
});
