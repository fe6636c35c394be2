import { useEmbeddedApp } from './support/embedded-app';
import { commandClient } from './support/command-client';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const daysAgo = (days: number): string => new Date(NOW - days * DAY_MS).toISOString();
const AS_OF = new Date(NOW).toISOString();

/** [id, name, [days ago, kuruş][]]: everyone registered 800 days ago, bought in TRY. */
const CUSTOMERS: ReadonlyArray<[string, string, ReadonlyArray<[number, number]>]> = [
  [
    's-a',
    'Ayşe',
    [
      [2, 100_000],
      [5, 100_000],
      [8, 100_000],
    ],
  ],
  ['s-b', 'Burak', [[10, 50_000]]],
  [
    's-c',
    'Can',
    [
      [400, 200_000],
      [410, 200_000],
    ],
  ],
  ['s-d', 'Deniz', [[600, 10_000]]],
  ['s-e', 'Elif', [[1, 20_000]]],
  ['s-f', 'Fatma', [[700, 5_000]]],
  ['s-x', 'Xavier', [[3, 500_000]]],
];

describe('segments over HTTP', () => {
  const running = useEmbeddedApp();
  const commands = commandClient(running);
  const get = (path: string) => {
    const { baseUrl, token } = running();
    return call<Body>(baseUrl, 'GET', path, { token: token(['analyst']) });
  };

  beforeAll(async () => {
    for (const [customerId, name, purchases] of CUSTOMERS) {
      const registered = await commands.send('POST', '/customers', {
        customerId,
        name,
        email: `${customerId}@example.com`,
        registeredVia: 'web',
        occurredAt: daysAgo(800),
      });
      expect(registered.status).toBe(201);
      for (const [i, [days, amount]] of purchases.entries()) {
        const bought = await commands.send('POST', `/customers/${customerId}/purchases`, {
          purchaseId: `${customerId}-p${i}`,
          amount: { amount, currency: 'TRY' },
          occurredAt: daysAgo(days),
        });
        expect(bought.status).toBe(201);
      }
    }
    const erased = await commands.send(
      'POST',
      '/customers/s-x/erasure',
      { reason: 'KVKK request' },
      { role: 'admin' },
    );
    expect(erased.status).toBe(200);
    await waitForProjections(running());
  });

  /*
   * Scored (s-x is erased): n = 6, score = 1 + floor(5 · below / 6).
   * R days e1 a2 b10 c400 d600 f700, customers with more days 5 4 3 2 1 0 → e5 a4 b3 c2 d1 f1.
   * F a3 c2, the rest 1: the four 1s → 1; c (4 below) → 1 + floor(20/6) = 4; a (5 below) → 5.
   * M f5k d10k e20k b50k a300k c400k, below 0…5 → f1 d1 e2 b3 a4 c5.
   * a R4 F5 M4 champions; b R3 F1 M3 potential; c R2 F4 M5 loyal; d, f R1 F1 M1 hibernating; e R5 F1 new.
   */
  it('GET /segments/rfm counts every segment and pages the scored customers by id', async () => {
    const first = await get(`/segments/rfm?asOf=${AS_OF}&limit=4`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      asOf: AS_OF,
      windowDays: 730,
      population: 6,
      segments: { champions: 1, loyal: 1, at_risk: 0, hibernating: 2, new: 1, potential: 1 },
    });
    expect(
      first.body.items.map((item: Body) => [item.customerId, item.r, item.f, item.m, item.segment]),
    ).toEqual([
      ['s-a', 4, 5, 4, 'champions'],
      ['s-b', 3, 1, 3, 'potential'],
      ['s-c', 2, 4, 5, 'loyal'],
      ['s-d', 1, 1, 1, 'hibernating'],
    ]);
    expect(first.body.items[0]).toMatchObject({ recencyDays: 2, frequency: 3, monetary: 300_000 });

    const second = await get(`/segments/rfm?asOf=${AS_OF}&limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: Body) => [item.customerId, item.segment])).toEqual([
      ['s-e', 'new'],
      ['s-f', 'hibernating'],
    ]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('GET /segments/rfm?segment= lists only that segment and keeps the whole summary', async () => {
    const { body } = await get(`/segments/rfm?asOf=${AS_OF}&segment=hibernating`);
    expect(body.items.map((item: Body) => item.customerId)).toEqual(['s-d', 's-f']);
    expect(body.population).toBe(6);
  });

  it('GET /segments/rfm refuses an unknown segment, a bad asOf and a foreign cursor', async () => {
    expect((await get('/segments/rfm?segment=vip')).status).toBe(400);
    expect((await get('/segments/rfm?asOf=yesterday')).status).toBe(400);
    const other = await get(`/segments/rfm?asOf=${AS_OF}&limit=1&segment=hibernating`);
    expect((await get(`/segments/rfm?asOf=${AS_OF}&cursor=${other.body.nextCursor}`)).status).toBe(400);
  });

  it('GET /segments/pareto gives the top 20% share of net spend in the last 365 days', async () => {
    // In the window: x 500,000 (erased, still counted), a 300,000, b 50,000, e 20,000; c, d, f are older.
    // population 4 → top ceil(4 · 20 / 100) = 1: 500,000 of 870,000.
    const { status, body } = await get(`/segments/pareto?asOf=${AS_OF}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      population: 4,
      topCount: 1,
      topNetSpend: 500_000,
      totalNetSpend: 870_000,
      share: 500_000 / 870_000,
      excludedCustomers: 0,
    });
  });

  it('GET /segments/pareto defaults asOf to now', async () => {
    const { body } = await get('/segments/pareto');
    expect(Date.parse(body.asOf)).toBeGreaterThanOrEqual(NOW);
    expect(body.population).toBe(4);
  });

  it('GET /customers?segment= lists the segment as of now with the other filters and stable paging', async () => {
    const first = await get('/customers?segment=hibernating&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items.map((customer: Body) => customer.customerId)).toEqual(['s-d']);
    const second = await get(`/customers?segment=hibernating&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((customer: Body) => customer.customerId)).toEqual(['s-f']);
    expect(second.body.nextCursor).toBeUndefined();

    const ids = async (query: string) =>
      (await get(`/customers?${query}`)).body.items.map((customer: Body) => customer.customerId);
    expect(await ids('segment=champions')).toEqual(['s-a']);
    expect(await ids('segment=hibernating&q=fat')).toEqual(['s-f']);
    expect(await ids('segment=hibernating&tier=bronze')).toEqual(['s-d', 's-f']);
    expect(await ids('segment=hibernating&tier=silver')).toEqual([]);
    expect(await ids('segment=at_risk')).toEqual([]);
  });

  it('GET /customers?segment= refuses a name outside the six segments', async () => {
    const { status, body } = await get('/customers?segment=vip');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('segment');
  });
});
