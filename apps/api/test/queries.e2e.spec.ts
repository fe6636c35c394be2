import { CommandExecutor, opportunityAggregate, requestHash } from '@crm/application';
import type { OpenOpportunity } from '@crm/domain';
import { discoverProjections, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const customers = [
  { customerId: 'c-q-ayse', name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr', at: '2026-01-05T09:00:00Z' },
  { customerId: 'c-q-ahmet', name: 'Ahmet Demir', email: 'ahmet@example.com.tr', at: '2026-01-06T09:00:00Z' },
  { customerId: 'c-q-aylin', name: 'Aylin Kaya', email: 'aylin@example.com.tr', at: '2026-01-07T09:00:00Z' },
  { customerId: 'c-q-burak', name: 'Burak Şahin', email: 'burak@example.com.tr', at: '2026-01-08T09:00:00Z' },
  { customerId: 'c-q-ayla', name: 'Ayla Öz', email: 'ayla@example.com.tr', at: '2026-01-09T09:00:00Z' },
];

const purchases = [
  { customerId: 'c-q-ayse', purchaseId: 'p-1', amount: 600_000, at: '2026-02-01T13:00:00+03:00' },
  { customerId: 'c-q-ayse', purchaseId: 'p-2', amount: 1_000_000, at: '2026-03-01T10:00:00.000Z' },
  { customerId: 'c-q-aylin', purchaseId: 'p-3', amount: 500_000, at: '2026-02-10T10:00:00Z' },
];

const openOpportunity: OpenOpportunity = {
  type: 'OpenOpportunity',
  opportunityId: 'o-q-1',
  occurredAt: '2026-03-05T10:00:00Z',
  data: {
    customerId: 'c-q-ayse',
    title: 'Fleet renewal',
    amount: { amount: 1_000_000, currency: 'TRY' },
    stage: 'proposal',
  },
};

describe('Queries over HTTP: the read side of the customer 360, audit trail, loyalty and pipeline', () => {
  const running = useEmbeddedApp();
  const get = (path: string, roles: Parameters<ReturnType<typeof running>['token']>[0] = 'analyst') => {
    const { baseUrl, token } = running();
    return call<Body>(baseUrl, 'GET', path, { token: token(roles) });
  };
  const post = (path: string, body: unknown, actor: string) => {
    const { baseUrl, token } = running();
    return call<Body>(baseUrl, 'POST', path, { token: token('service', actor), body });
  };

  beforeAll(async () => {
    for (const { customerId, name, email, at } of customers) {
      const registered = await post(
        '/customers',
        { customerId, name, email, registeredVia: 'web', occurredAt: at },
        'svc-web',
      );
      expect(registered.status).toBe(201);
    }
    for (const { customerId, purchaseId, amount, at } of purchases) {
      const purchased = await post(
        `/customers/${customerId}/purchases`,
        { purchaseId, amount: { amount, currency: 'TRY' }, occurredAt: at },
        'svc-orders',
      );
      expect(purchased.status).toBe(201);
    }
    await running()
      .app.get(CommandExecutor)
      .execute(opportunityAggregate(), {
        command: openOpportunity,
        commandId: 'cmd-open-o-q-1',
        requestHash: requestHash(openOpportunity, Buffer.alloc(32)),
        issuer: {
          actor: { id: 'sales-rep', kind: 'user', roles: ['service'] },
          correlationId: 'corr-q',
          source: 'e2e-tests',
        },
      });
    await waitForProjections(running());
  });

  describe('GET /customers/:customerId', () => {
    it('returns the 360 after the purchases, with its stream revision as ETag', async () => {
      const view = await get('/customers/c-q-ayse', 'service');

      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        customerId: 'c-q-ayse',
        stage: 'customer',
        tier: 'gold',
        netSpend: 1_600_000,
        profile: { name: 'Ayşe Yılmaz', nameLower: 'ayşe yılmaz' },
        purchases: { count: 2 },
      });
      expect(view.headers.get('etag')).toBe(`"${view.body.lastRevision}"`);
    });

    it('sends the stored document as it is, as JSON', async () => {
      const view = await get('/customers/c-q-ayse', 'analyst');
      const stored = await running().app.get<ReadStore>(READ_STORE).get('customer_360', 'c-q-ayse');

      expect(view.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(view.body).toEqual(stored?.body);
    });

    it('replays the stream for asOf: before the second purchase the customer was silver', async () => {
      const view = await get('/customers/c-q-ayse?asOf=2026-02-15T00:00:00Z', 'auditor');

      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ tier: 'silver', netSpend: 600_000, purchases: { count: 1 } });
    });

    it('replays up to a revision for asOfRevision', async () => {
      const view = await get('/customers/c-q-ayse?asOfRevision=0');

      expect(view.body).toMatchObject({ stage: 'lead', tier: 'bronze', netSpend: 0, lastRevision: 0 });
    });

    it('answers 404 not_found for an unknown customer, and for an instant before its first event', async () => {
      const unknown = await get('/customers/c-nobody');
      const early = await get('/customers/c-q-ayse?asOf=2025-12-31T00:00:00Z');

      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      expect(early.status).toBe(404);
    });
  });

  describe('GET /customers', () => {
    const ids = (body: Body): string[] => body.items.map((item: Body) => item.customerId);

    it('filters by tier and by stage', async () => {
      const silver = await get('/customers?tier=silver');
      const gold = await get('/customers?tier=gold&stage=customer');
      const leads = await get('/customers?stage=lead');

      expect(ids(silver.body)).toEqual(['c-q-aylin']);
      expect(ids(gold.body)).toEqual(['c-q-ayse']);
      expect(ids(leads.body)).toEqual(['c-q-ahmet', 'c-q-ayla', 'c-q-burak']);
      expect(leads.body.nextCursor).toBeUndefined();
    });

    it('pages a case-insensitive name prefix across two pages', async () => {
      const first = await get('/customers?q=AY&limit=2');
      const second = await get(`/customers?q=AY&limit=2&cursor=${first.body.nextCursor}`);

      expect(ids(first.body)).toEqual(['c-q-ayla', 'c-q-aylin']);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(ids(second.body)).toEqual(['c-q-ayse']);
      expect(second.body.nextCursor).toBeUndefined();
    });

    it('searches the e-mail address when q contains @, and combines q with other filters', async () => {
      const byEmail = await get('/customers?q=Ahmet@Example');
      const silverAy = await get('/customers?q=ay&tier=silver&churnRisk=false');

      expect(ids(byEmail.body)).toEqual(['c-q-ahmet']);
      expect(ids(silverAy.body)).toEqual(['c-q-aylin']);
    });

    it('is for analysts, not for services', async () => {
      expect((await get('/customers', 'service')).status).toBe(403);
    });
  });

  describe('GET /customers/:customerId/history', () => {
    it('returns the stored events up to asOf, in pages', async () => {
      const first = await get('/customers/c-q-ayse/history?asOf=2026-02-15T00:00:00Z&limit=2', 'auditor');
      const second = await get(
        `/customers/c-q-ayse/history?asOf=2026-02-15T00:00:00Z&limit=2&cursor=${first.body.nextCursor}`,
        'auditor',
      );

      expect(first.status).toBe(200);
      expect([...first.body.items, ...second.body.items].map((event: Body) => event.type)).toEqual([
        'CustomerRegistered',
        'Purchased',
        'TierChanged',
        'StageAdvanced',
      ]);
      expect(second.body.nextCursor).toBeUndefined();
      expect(first.body.items[1]).toMatchObject({
        data: { purchaseId: 'p-1' },
        revision: 1,
        position: expect.any(Number),
        recordedAt: expect.any(String),
        metadata: { actor: { id: 'svc-orders' } },
      });
    });

    it('answers 404 for an unknown customer and 403 for a service', async () => {
      expect((await get('/customers/c-nobody/history')).status).toBe(404);
      expect((await get('/customers/c-q-ayse/history', 'service')).status).toBe(403);
    });
  });

  describe('GET /audit', () => {
    const types = (body: Body): string[] => body.items.map((entry: Body) => entry.type);

    it("lists one customer's entries in log order, hash-chained", async () => {
      const trail = await get('/audit?customerId=c-q-ayse', 'auditor');
      // Reads of the customer's history above are logged too (data-protection.e2e.spec.ts covers them).
      const changes = types(trail.body).filter((type) => type !== 'SensitiveRecordViewed');

      expect(trail.status).toBe(200);
      expect(changes).toEqual([
        'CustomerRegistered',
        'Purchased',
        'TierChanged',
        'StageAdvanced',
        'Purchased',
        'TierChanged',
        'OpportunityOpened',
      ]);
      expect(trail.body.items.every((entry: Body) => typeof entry.hash === 'string')).toBe(true);
    });

    it('filters by actor and by event type', async () => {
      const byActor = await get('/audit?customerId=c-q-ayse&actor=svc-web', 'auditor');
      const tierChanges = await get('/audit?type=TierChanged', 'auditor');

      expect(types(byActor.body)).toEqual(['CustomerRegistered']);
      expect(tierChanges.body.items.map((entry: Body) => entry.customerId)).toEqual([
        'c-q-ayse',
        'c-q-ayse',
        'c-q-aylin',
      ]);
    });

    it('filters by occurredAt as instants, whatever offset the events or the query use', async () => {
      const february = await get(
        `/audit?customerId=c-q-ayse&from=${encodeURIComponent('2026-02-01T12:00:00+02:00')}&to=2026-02-28T23:59:59Z`,
        'auditor',
      );
      const afterFirstPurchase = await get(
        '/audit?customerId=c-q-ayse&from=2026-02-01T10:00:00.001Z&to=2026-03-01T10:00:00Z',
        'auditor',
      );

      expect(types(february.body)).toEqual(['Purchased', 'TierChanged', 'StageAdvanced']);
      expect(types(afterFirstPurchase.body)).toEqual(['Purchased', 'TierChanged']);
    });

    it('is for auditors only', async () => {
      expect((await get('/audit', 'analyst')).status).toBe(403);
      expect((await get('/audit', 'admin')).status).toBe(200);
    });
  });

  it('GET /loyalty/tiers/summary counts listed customers per tier', async () => {
    const summary = await get('/loyalty/tiers/summary');

    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ bronze: 3, silver: 1, gold: 1, platinum: 0, total: 5 });
  });

  it('GET /opportunities/pipeline weighs open opportunities by stage probability', async () => {
    const pipeline = await get('/opportunities/pipeline');

    expect(pipeline.status).toBe(200);
    expect(pipeline.body.currencies).toHaveLength(1);
    expect(pipeline.body.currencies[0]).toMatchObject({
      currency: 'TRY',
      stages: { proposal: { count: 1, amount: '1000000', weightedAmount: '500000' } },
      total: { count: 1, amount: '1000000', weightedAmount: '500000' },
    });
  });

  it('GET /opportunities/:opportunityId returns the document, or 404', async () => {
    const opportunity = await get('/opportunities/o-q-1');

    expect(opportunity.body).toMatchObject({ customerId: 'c-q-ayse', status: 'open', stage: 'proposal' });
    expect((await get('/opportunities/o-missing')).body).toMatchObject({ code: 'not_found' });
  });

  it('GET /projections shows each projection caught up with the log', async () => {
    // The tests before this one read personal data, which appends access events the projections then apply.
    await waitForProjections(running());
    const statuses = await get('/projections');

    expect(statuses.status).toBe(200);
    expect(statuses.body.note).toBeUndefined();
    expect(statuses.body.projections.map((status: Body) => status.name).sort()).toEqual(
      discoverProjections()
        .map((definition) => definition.name)
        .sort(),
    );
    expect(statuses.body.projections.every((status: Body) => status.lagEvents === 0)).toBe(true);
    expect((await get('/projections', 'auditor')).status).toBe(403);
  });

  describe('refuses query parameters it does not know or cannot read with 400', () => {
    it.each([
      ['an operator smuggled into a key', '/customers?tier[$ne]=x', 'tier[$ne]'],
      ['a limit that is not a number', '/customers?limit=abc', 'limit'],
      ['a limit above 200', '/customers?limit=201', 'limit'],
      ['an unknown tier', '/customers?tier=diamond', 'tier'],
      ['a churnRisk that is not a boolean', '/customers?churnRisk=maybe', 'churnRisk'],
      ['a repeated q', '/customers?q=a&q=b', 'q'],
      ['an asOf that is not an instant', '/customers/c-q-ayse?asOf=2026-02-15', 'asOf'],
      ['an unknown event type', '/audit?type=$where', 'type'],
      ['a from that is not an instant', '/audit?from=yesterday', 'from'],
    ])('%s', async (_, path, field) => {
      const response = await get(path, 'admin');

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed' });
      expect(response.body.errors.map((error: Body) => error.field)).toContain(field);
    });

    it('a cursor issued for another query', async () => {
      const response = await get('/customers?cursor=bm90LWEtY3Vyc29y');

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'cursor' }] });
    });
  });
});
