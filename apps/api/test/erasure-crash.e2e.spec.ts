import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type ApiProcess, startApiProcess } from './support/api-process';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A customer whose every personal value is unique to them, so a byte search finds only their data. */
const person = (n: number) => ({
  id: `c-crash-${n}`,
  name: `Kılıç Crashtest${n}oğlu`,
  email: `crash${n}.erasable@example.org`,
  phone: `+9053200${String(10_000 + n)}`,
  street: `Çökertme Sokağı ${n}0${n}`,
  complaint: `Crashcomplaint${n}: the parcel was opened`,
  comment: `Crashcomment${n} from me`,
});
type Person = ReturnType<typeof person>;
const personalValues = (p: Person): string[] => [
  p.name,
  `Crashtest${p.id.slice(8)}oğlu`,
  `kılıç crashtest${p.id.slice(8)}oğlu`,
  p.email,
  p.phone,
  p.street,
  p.complaint,
  p.comment,
];

/** Polls `probe` every millisecond or so; resolves when it holds (or after `ms`, whatever happened). */
async function until(probe: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 1));
}

const inDatabase = (path: string, sql: string, ...args: string[]): boolean => {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 1000');
    return db.prepare(sql).get(...args) !== undefined;
  } catch {
    return false;
  } finally {
    db.close();
  }
};

/**
 * Where the erasure is killed: at once (before the append, most likely), as soon as the log holds
 * `CustomerErased`, as soon as the key store holds the tombstone (before the read store is scrubbed), and
 * at fixed delays after the request, the window the issue found (20–80 ms).
 */
const KILL_POINTS: ReadonlyArray<[string, (dataDir: string, customerId: string) => Promise<void>]> = [
  ['right after the request is sent', () => new Promise((done) => setTimeout(done, 1))],
  [
    'as soon as CustomerErased is in the log',
    (dir, id) =>
      until(
        () =>
          inDatabase(
            join(dir, 'events.db'),
            "SELECT 1 FROM events WHERE stream_id = ? AND type = 'CustomerErased'",
            `customer-${id}`,
          ),
        10_000,
      ),
  ],
  [
    "as soon as the customer's key is destroyed",
    (dir, id) =>
      until(
        () =>
          inDatabase(
            join(dir, 'keys.db'),
            'SELECT 1 FROM data_keys WHERE subject_id = ? AND destroyed_at IS NOT NULL',
            id,
          ),
        10_000,
      ),
  ],
  ['20 ms after the request', () => new Promise((done) => setTimeout(done, 20))],
  ['60 ms after the request', () => new Promise((done) => setTimeout(done, 60))],
];

/** Seconds a restarted API may take to finish an erasure it finds in the log. */
const COMPLETION_BOUND_MS = 20_000;

describe('An erasure cut short by kill -9 (the API as a real process, embedded mode)', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  const call = async (
    method: string,
    path: string,
    role: 'service' | 'admin',
    body?: unknown,
    key?: string,
  ) => {
    if (api === undefined) throw new Error('no API process');
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.tokens[role]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };

  const register = async (p: Person): Promise<void> => {
    const steps: Array<[string, string, Body]> = [
      [
        'POST',
        '/customers',
        {
          customerId: p.id,
          name: p.name,
          email: p.email,
          phone: p.phone,
          address: { line1: p.street, city: 'İzmir', country: 'TR' },
          registeredVia: 'web',
        },
      ],
      [
        'POST',
        `/customers/${p.id}/complaints`,
        { complaintId: `${p.id}-k`, category: 'delivery', description: p.complaint, channel: 'call' },
      ],
      ['POST', `/customers/${p.id}/nps`, { surveyId: 'nps-1', score: 9, comment: p.comment }],
    ];
    for (const [method, path, body] of steps) {
      const result = await call(method, path, 'service', body);
      if (result.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(result.body)}`);
    }
    // Projected: the read store now holds the name (and the WAL the pages that carried it).
    const deadline = Date.now() + 10_000;
    while ((await call('GET', `/customers/${p.id}`, 'service')).body.profile?.name !== p.name) {
      if (Date.now() > deadline) throw new Error(`${p.id} was not projected`);
      await new Promise((done) => setTimeout(done, 20));
    }
  };

  /** Every file under the data directory (WAL and SHM included) that holds one of `values`, byte for byte. */
  const filesHolding = (values: readonly string[]): string[] =>
    readdirSync(dataDir).flatMap((file) => {
      const bytes = readFileSync(join(dataDir, file));
      return values.filter((value) => bytes.includes(Buffer.from(value, 'utf8'))).map((v) => `${file}: ${v}`);
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-erasure-crash-'));
    api = await startApiProcess({ CRM_DATA_DIR: dataDir });
  }, 90_000);

  afterAll(async () => {
    if (api !== undefined && api.child.exitCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'leaves no personal data in any file once restarted, wherever the process died',
    async () => {
      const erased: Person[] = [];
      const outcomes: string[] = [];
      for (const [n, [where, reached]] of KILL_POINTS.entries()) {
        const p = person(n + 1);
        await register(p);
        expect(filesHolding([p.name]).length).toBeGreaterThan(0);

        const key = `erase-${p.id}`;
        const request = call(
          'POST',
          `/customers/${p.id}/erasure`,
          'admin',
          { reason: 'KVKK request' },
          key,
        ).catch(() => undefined);
        await reached(dataDir, p.id);
        const killed = api as ApiProcess;
        killed.child.kill('SIGKILL');
        expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
        await request;

        api = await startApiProcess({ CRM_DATA_DIR: dataDir });
        const inLog = inDatabase(
          join(dataDir, 'events.db'),
          "SELECT 1 FROM events WHERE stream_id = ? AND type = 'CustomerErased'",
          `customer-${p.id}`,
        );
        // Killed before the append: nothing was erased, so the caller retries, as after any lost answer.
        if (!inLog)
          expect(
            (await call('POST', `/customers/${p.id}/erasure`, 'admin', { reason: 'KVKK request' }, key))
              .status,
          ).toBe(200);
        outcomes.push(`${where}: ${inLog ? 'CustomerErased was in the log' : 'retried'}`);
        erased.push(p);

        const values = erased.flatMap(personalValues);
        const deadline = Date.now() + COMPLETION_BOUND_MS;
        while (filesHolding(values).length > 0 && Date.now() < deadline) {
          await new Promise((done) => setTimeout(done, 100));
        }
        expect({ where, leaks: filesHolding(values) }).toEqual({ where, leaks: [] });
      }
      // At least one kill landed after the append, so the restarted process finished that erasure unaided.
      expect(outcomes.some((outcome) => outcome.endsWith('in the log'))).toBe(true);
    },
    KILL_POINTS.length * 60_000,
  );
});
