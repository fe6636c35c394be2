import { parseStreamName, type ProjectionDefinition } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import { replayAdHoc } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import type { Role } from '../src/auth/role';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Net spend in kuruş and the tier it gives (RULES: silver ≥ 5,000.00 TRY, gold ≥ 15,000.00 TRY):
 * 1,600,000 and 1,500,000 gold; 600,000 and 700,000 silver; 100,000 and nothing bronze.
 */
const CUSTOMERS: ReadonlyArray<{ id: string; spend: number; tier: string }> = [
  { id: 'c-pd-1', spend: 1_600_000, tier: 'gold' },
  { id: 'c-pd-2', spend: 600_000, tier: 'silver' },
  { id: 'c-pd-3', spend: 1_500_000, tier: 'gold' },
  { id: 'c-pd-4', spend: 0, tier: 'bronze' },
  { id: 'c-pd-5', spend: 700_000, tier: 'silver' },
  { id: 'c-pd-6', spend: 0, tier: 'bronze' },
  { id: 'c-pd-7', spend: 100_000, tier: 'bronze' },
];
const ALL_IDS = CUSTOMERS.map((customer) => customer.id);
const idsWhere = (keep: (customer: (typeof CUSTOMERS)[number]) => boolean): string[] =>
  CUSTOMERS.filter(keep).map((customer) => customer.id);

describe('GET /projections/{name}/documents: any projection, filtered on its declared fields', () => {
  const running = useEmbeddedApp();
  const get = (path: string, roles: Role | Role[] = 'analyst') => {
    const { baseUrl, token } = running();
    return call<Body>(baseUrl, 'GET', path, { token: token(roles) });
  };
  const post = async (path: string, body: unknown): Promise<void> => {
    const { baseUrl, token } = running();
    const response = await call(baseUrl, 'POST', path, { token: token('service'), body });
    expect(response.status).toBe(201);
  };
  const ids = (response: { body: Body }): string[] => response.body.items.map((item: Body) => item.id);

  beforeAll(async () => {
    for (const { id, spend } of CUSTOMERS) {
      await post('/customers', {
        customerId: id,
        name: 'Deniz Ak',
        email: `${id}@example.com`,
        registeredVia: 'web',
      });
      if (spend > 0) {
        await post(`/customers/${id}/purchases`, {
          purchaseId: `p-${id}`,
          amount: { amount: spend, currency: 'TRY' },
        });
      }
    }
    for (const [id, category] of [
      ['c-pd-1', 'delivery'],
      ['c-pd-2', 'billing'],
      ['c-pd-3', 'delivery'],
    ]) {
      await post(`/customers/${id}/complaints`, {
        complaintId: `k-${id}`,
        category,
        description: 'late',
        channel: 'call',
      });
    }
    await waitForProjections(running());
  });

  it('pages through every document exactly once with the cursor, by id, as { id, version, body }', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await get(
        `/projections/customer-360/documents?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      for (const item of page.body.items) {
        expect(Object.keys(item)).toEqual(['id', 'version', 'body']);
        expect(item.body.customerId).toBe(item.id);
      }
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== undefined);

    expect(pages).toBe(3); // 3 + 3 + 1
    expect(seen).toEqual(ALL_IDS);
  });

  it('filters on declared fields, each value typed by its field', async () => {
    const gold = await get('/projections/customer-360/documents?where=tier=gold');
    const encoded = await get('/projections/customer-360/documents?where=tier%3Dgold');
    const goldOrSilver = await get('/projections/customer-360/documents?where=tier=gold&where=tier=silver');
    const spent = await get(
      `/projections/customer-360/documents?where=${encodeURIComponent('netSpend>=600000')}`,
    );
    const silverAbove = await get(
      `/projections/customer-360/documents?where=tier=silver&where=${encodeURIComponent('netSpend>650000')}`,
    );

    expect(ids(gold)).toEqual(idsWhere((c) => c.tier === 'gold'));
    expect(gold.body.items.map((item: Body) => item.body.netSpend)).toEqual([1_600_000, 1_500_000]);
    expect(ids(encoded)).toEqual(ids(gold));
    expect(ids(goldOrSilver)).toEqual(idsWhere((c) => c.tier !== 'bronze'));
    expect(ids(spent)).toEqual(idsWhere((c) => c.spend >= 600_000));
    expect(ids(silverAbove)).toEqual(['c-pd-5']);
  });

  it('reads one document by id, and none for an unknown id', async () => {
    const one = await get('/projections/customer-360/documents?id=c-pd-3');
    const none = await get('/projections/customer-360/documents?id=c-nobody');

    expect(one.body.items).toHaveLength(1);
    expect(one.body.items[0]).toMatchObject({ id: 'c-pd-3', body: { tier: 'gold', netSpend: 1_500_000 } });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ items: [] });
  });

  it('serves a projection no API code names, found under projections/ like any other', async () => {
    const delivery = await get('/projections/complaints-by-category-month/documents?where=category=delivery');

    expect(delivery.status).toBe(200);
    expect(ids(delivery)).toEqual(['c-pd-1:k-c-pd-1', 'c-pd-3:k-c-pd-3']);
  });

  it('serves an ad-hoc projection as soon as crm replay --definition has recorded it, with no restart', async () => {
    const purchaseCounts: ProjectionDefinition<{ customerId: string; purchases: number }> = {
      name: 'purchase-counts',
      version: 1,
      handles: ['Purchased'],
      documentId: (event) => parseStreamName(event.streamId)?.id ?? null,
      initial: (customerId) => ({ customerId, purchases: 0 }),
      evolve: (doc) => ({ ...doc, purchases: doc.purchases + 1 }),
      fields: [{ path: 'purchases', type: 'number' }],
    };
    const { app } = running();
    await replayAdHoc(purchaseCounts, '/analysts/purchase-counts.ts', {
      source: app.get<EventStore>(EVENT_STORE),
      readStore: app.get<ReadStore>(READ_STORE),
    });

    const counted = await get('/projections/purchase-counts/documents?where=purchases=1');

    expect(counted.status).toBe(200);
    expect(ids(counted)).toEqual(idsWhere((customer) => customer.spend > 0));
  });

  describe('400 with the field at fault', () => {
    it('names the declared fields for an undeclared one', async () => {
      const response = await get('/projections/customer-360/documents?where=email=x@example.com');

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        errors: [
          {
            field: 'where',
            messages: [
              'email is not a declared field: the filterable fields of customer-360 are tier (string), ' +
                'stage (string), churnRisk (boolean), profile.nameLower (string), profile.emailLower (string), ' +
                'netSpend (number), lastPurchaseAt (string)',
            ],
          },
        ],
      });
    });

    it.each([
      [
        'a value of the wrong type',
        'where=churnRisk=maybe',
        'where',
        'churnRisk takes true or false, got "maybe"',
      ],
      ['text that is no filter', 'where=tier', 'where', '"tier" is not a filter'],
      ['an id beside a filter', 'id=c-pd-1&where=tier=gold', 'id', 'an id selects one document'],
      ['a foreign cursor', 'cursor=bm90LWEtY3Vyc29y', 'cursor', 'The cursor does not belong to this query'],
      ['a limit above 200', 'limit=201', 'limit', 'limit must be at most 200'],
      ['an unknown parameter', 'tier=gold', 'tier', 'property tier should not exist'],
    ])('%s', async (_, query, field, message) => {
      const response = await get(`/projections/customer-360/documents?${query}`);

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, messages: [expect.stringContaining(message)] }]);
    });
  });

  it('answers 404 for an unknown projection, naming the known ones', async () => {
    const response = await get('/projections/customer-361/documents');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'not_found' });
    expect(response.body.message).toMatch(
      /^unknown projection customer-361; known: audit-trail, .*customer-360/,
    );
  });

  describe('who reads what', () => {
    it('refuses a role without access to read models with 403', async () => {
      expect((await get('/projections/customer-360/documents', 'service')).status).toBe(403);
    });

    it('keeps the audit trail to auditors, as GET /audit does, and the other read models to analysts; admin reads all', async () => {
      const analyst = await get('/projections/audit-trail/documents', 'analyst');
      const auditorOn360 = await get('/projections/customer-360/documents', 'auditor');

      expect(analyst.status).toBe(403);
      expect(analyst.body.message).toBe('the documents of audit-trail need the auditor role');
      expect(auditorOn360.status).toBe(403);
      expect(auditorOn360.body.message).toBe('the documents of customer-360 need the analyst role');
      expect((await get('/projections/audit-trail/documents', 'admin')).status).toBe(200);
      expect((await get('/projections/customer-360/documents', 'admin')).status).toBe(200);
    });

    it("logs an auditor's read of the audit trail as SensitiveRecordViewed, with the query and purpose", async () => {
      const store = running().app.get<EventStore>(EVENT_STORE);
      const before = (await store.readStream('audit-access')).length;

      const trail = await get(
        '/projections/audit-trail/documents?where=type=Purchased&purpose=quarterly%20review',
        'auditor',
      );
      const logged = await store.readStream('audit-access');

      expect(trail.status).toBe(200);
      expect(trail.body.items.map((item: Body) => item.body.customerId)).toEqual(
        idsWhere((c) => c.spend > 0),
      );
      expect(logged).toHaveLength(before + 1);
      expect(logged.at(-1)).toMatchObject({
        type: 'SensitiveRecordViewed',
        data: {
          record: 'audit-trail',
          customerId: null,
          purpose: 'quarterly review',
          query: { where: 'type=Purchased' },
        },
        metadata: { actor: { id: 'test-auditor' } },
      });
    });
  });
});
