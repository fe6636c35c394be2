import type { Role } from '../../src/auth/role';
import type { RunningApp } from './embedded-app';
import { call } from './http-client';
import { waitForProjections } from './wait-for-projections';

/** A request that succeeds when the caller is allowed; `prepare` sets up its preconditions as admin. */
export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The OpenAPI path template, e.g. `/customers/{customerId}`. */
  readonly route: string;
  /** Roles that may call it besides admin; 'public' needs no token. */
  readonly access: readonly Role[] | 'public';
  readonly prepare: (fixtures: Fixtures) => Promise<{ path: string; body?: unknown }>;
}

export interface Fixtures {
  /** A unique id for this call. */
  readonly unique: (prefix: string) => string;
  /** A customer registered before the matrix runs, with marketing e-mail consent, projected. */
  readonly customerId: string;
  /** An opportunity opened before the matrix runs, projected. */
  readonly opportunityId: string;
  /** Sends a command as admin and fails the test if it is refused. */
  readonly admin: (method: string, path: string, body: unknown) => Promise<void>;
  readonly freshCustomer: () => Promise<string>;
}

const COMMANDS: Role[] = ['service'];
const READERS: Role[] = ['analyst'];
const money = { amount: 10_000, currency: 'TRY' };

const openComplaint = async (f: Fixtures): Promise<string> => {
  const complaintId = f.unique('k');
  await f.admin('POST', `/customers/${f.customerId}/complaints`, {
    complaintId,
    category: 'delivery',
    description: 'late',
    channel: 'call',
  });
  return complaintId;
};

const openOpportunity = async (f: Fixtures): Promise<string> => {
  const opportunityId = f.unique('o');
  await f.admin('POST', '/opportunities', {
    opportunityId,
    customerId: f.customerId,
    title: 'Fleet',
    amount: money,
  });
  return opportunityId;
};

/** Every endpoint of the API with the roles docs/api.md documents for it. */
export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', route: '/health', access: 'public', prepare: async () => ({ path: '/health' }) },
  { method: 'GET', route: '/metrics', access: 'public', prepare: async () => ({ path: '/metrics' }) },
  { method: 'GET', route: '/docs-json', access: 'public', prepare: async () => ({ path: '/docs-json' }) },
  {
    method: 'POST',
    route: '/customers',
    access: COMMANDS,
    prepare: async (f) => ({
      path: '/customers',
      body: { customerId: f.unique('c'), name: 'Ali Veli', email: 'ali@example.com', registeredVia: 'web' },
    }),
  },
  {
    method: 'PATCH',
    route: '/customers/{customerId}',
    access: COMMANDS,
    prepare: async (f) => ({ path: `/customers/${f.customerId}`, body: { phone: '+90 532 555 01 02' } }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/purchases',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/purchases`,
      body: { purchaseId: f.unique('p'), amount: money },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/purchases/{purchaseId}/returns',
    access: COMMANDS,
    prepare: async (f) => {
      const purchaseId = f.unique('p');
      await f.admin('POST', `/customers/${f.customerId}/purchases`, { purchaseId, amount: money });
      return {
        path: `/customers/${f.customerId}/purchases/${purchaseId}/returns`,
        body: { returnId: f.unique('r'), amount: money },
      };
    },
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/stage',
    access: COMMANDS,
    prepare: async (f) => ({ path: `/customers/${await f.freshCustomer()}/stage`, body: { to: 'prospect' } }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/tier-review',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/tier-review`,
      body: { asOf: new Date().toISOString() },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/complaints',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/complaints`,
      body: {
        complaintId: f.unique('k'),
        category: 'billing',
        description: 'double charge',
        channel: 'email',
      },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/complaints/{complaintId}/resolution',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/complaints/${await openComplaint(f)}/resolution`,
      body: { firstContact: true, resolution: 'refunded' },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/complaints/{complaintId}/reopening',
    access: COMMANDS,
    prepare: async (f) => {
      const complaintId = await openComplaint(f);
      await f.admin('POST', `/customers/${f.customerId}/complaints/${complaintId}/resolution`, {
        firstContact: false,
        resolution: 'refunded',
      });
      return {
        path: `/customers/${f.customerId}/complaints/${complaintId}/reopening`,
        body: { reason: 'not refunded after all' },
      };
    },
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/complaints/{complaintId}/priority',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/complaints/${await openComplaint(f)}/priority`,
      body: { priority: 'urgent', reason: 'VIP' },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/campaign-events',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/campaign-events`,
      body: { campaignId: f.unique('camp'), channel: 'email', kind: 'sent' },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/consents',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${await f.freshCustomer()}/consents`,
      body: {
        purpose: 'marketing',
        channel: 'sms',
        legalBasis: 'consent',
        source: 'web',
        evidenceRef: 'ev-1',
      },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/consents/withdrawal',
    access: COMMANDS,
    prepare: async (f) => {
      const customerId = await f.freshCustomer();
      await f.admin('POST', `/customers/${customerId}/consents`, {
        purpose: 'marketing',
        channel: 'sms',
        legalBasis: 'consent',
        source: 'web',
        evidenceRef: 'ev-1',
      });
      return {
        path: `/customers/${customerId}/consents/withdrawal`,
        body: { purpose: 'marketing', channel: 'sms', source: 'web' },
      };
    },
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/nps',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/nps`,
      body: { surveyId: f.unique('s'), score: 9 },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/satisfaction',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/customers/${f.customerId}/satisfaction`,
      body: { surveyId: f.unique('s'), score: 4 },
    }),
  },
  {
    method: 'PUT',
    route: '/customers/{customerId}/tier-floor',
    access: [],
    prepare: async (f) => ({
      path: `/customers/${await f.freshCustomer()}/tier-floor`,
      body: { tier: 'gold' },
    }),
  },
  {
    method: 'POST',
    route: '/customers/{customerId}/erasure',
    access: [],
    prepare: async (f) => ({
      path: `/customers/${await f.freshCustomer()}/erasure`,
      body: { reason: 'subject request' },
    }),
  },
  {
    method: 'POST',
    route: '/opportunities',
    access: COMMANDS,
    prepare: async (f) => ({
      path: '/opportunities',
      body: { opportunityId: f.unique('o'), customerId: f.customerId, title: 'Fleet', amount: money },
    }),
  },
  {
    method: 'POST',
    route: '/opportunities/{opportunityId}/stage',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/opportunities/${await openOpportunity(f)}/stage`,
      body: { to: 'proposal' },
    }),
  },
  {
    method: 'POST',
    route: '/opportunities/{opportunityId}/won',
    access: COMMANDS,
    prepare: async (f) => ({ path: `/opportunities/${await openOpportunity(f)}/won`, body: {} }),
  },
  {
    method: 'POST',
    route: '/opportunities/{opportunityId}/lost',
    access: COMMANDS,
    prepare: async (f) => ({
      path: `/opportunities/${await openOpportunity(f)}/lost`,
      body: { reason: 'price' },
    }),
  },
  {
    method: 'GET',
    route: '/customers/{customerId}',
    access: ['service', 'analyst', 'auditor'],
    prepare: async (f) => ({ path: `/customers/${f.customerId}` }),
  },
  {
    method: 'GET',
    route: '/customers',
    access: READERS,
    prepare: async () => ({ path: '/customers?tier=bronze' }),
  },
  {
    method: 'GET',
    route: '/customers/{customerId}/history',
    access: ['analyst', 'auditor'],
    prepare: async (f) => ({ path: `/customers/${f.customerId}/history` }),
  },
  {
    method: 'GET',
    route: '/audit',
    access: ['auditor'],
    prepare: async (f) => ({ path: `/audit?customerId=${f.customerId}` }),
  },
  {
    method: 'GET',
    route: '/audit/verify',
    access: ['auditor'],
    prepare: async () => ({ path: '/audit/verify' }),
  },
  {
    method: 'GET',
    route: '/customers/{customerId}/data-export',
    access: ['auditor'],
    prepare: async (f) => ({ path: `/customers/${f.customerId}/data-export?purpose=role%20matrix` }),
  },
  {
    method: 'GET',
    route: '/loyalty/tiers/summary',
    access: READERS,
    prepare: async () => ({ path: '/loyalty/tiers/summary' }),
  },
  {
    method: 'GET',
    route: '/opportunities/pipeline',
    access: READERS,
    prepare: async () => ({ path: '/opportunities/pipeline' }),
  },
  {
    method: 'GET',
    route: '/opportunities/{opportunityId}',
    access: READERS,
    prepare: async (f) => ({ path: `/opportunities/${f.opportunityId}` }),
  },
  { method: 'GET', route: '/projections', access: READERS, prepare: async () => ({ path: '/projections' }) },
  {
    method: 'GET',
    route: '/projections/{name}/documents',
    access: READERS,
    prepare: async () => ({ path: '/projections/customer-360/documents?where=tier=bronze' }),
  },
  {
    method: 'POST',
    route: '/loyalty/reviews',
    access: [],
    prepare: async () => ({ path: '/loyalty/reviews', body: { asOf: new Date().toISOString() } }),
  },
  { method: 'GET', route: '/kpis', access: READERS, prepare: async () => ({ path: '/kpis' }) },
  {
    method: 'GET',
    route: '/segments/rfm',
    access: READERS,
    prepare: async () => ({ path: '/segments/rfm' }),
  },
  {
    method: 'GET',
    route: '/segments/pareto',
    access: READERS,
    prepare: async () => ({ path: '/segments/pareto' }),
  },
  {
    method: 'GET',
    route: '/automation/rules',
    access: [],
    prepare: async () => ({ path: '/automation/rules' }),
  },
];

/** The fixtures every catalogued request needs, made as admin: a customer with e-mail consent, an opportunity. */
export async function catalogueFixtures(running: RunningApp): Promise<Fixtures> {
  const { baseUrl, token } = running;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;
  const admin = async (method: string, path: string, body: unknown) => {
    const response = await call(baseUrl, method, path, { token: token('admin'), body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
  };
  const freshCustomer = async () => {
    const customerId = unique('c');
    await admin('POST', '/customers', {
      customerId,
      name: 'Can Öz',
      email: 'can@example.com',
      registeredVia: 'web',
    });
    return customerId;
  };
  const customerId = await freshCustomer();
  await admin('POST', `/customers/${customerId}/consents`, {
    purpose: 'marketing',
    channel: 'email',
    legalBasis: 'consent',
    source: 'web',
    evidenceRef: 'ev-0',
  });
  const opportunityId = unique('o');
  await admin('POST', '/opportunities', { opportunityId, customerId, title: 'Fleet', amount: money });
  await waitForProjections(running);
  return { unique, customerId, opportunityId, admin, freshCustomer };
}
