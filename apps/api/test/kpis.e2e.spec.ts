import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-04-01T00:00:00.000Z';
const TRY = (amount: number) => ({ amount, currency: 'TRY' });
const emailMarketing = {
  purpose: 'marketing',
  channel: 'email',
  legalBasis: 'consent',
  source: 'web',
  evidenceRef: 'ev',
};

/** Every step is a command with a backdated `occurredAt`, in the order a real history would arrive. */
const history: ReadonlyArray<[string, string, Body]> = [
  [
    'POST',
    '/customers',
    {
      customerId: 'k-d',
      name: 'Deniz',
      email: 'd@example.com',
      registeredVia: 'web',
      occurredAt: '2026-02-01T09:00:00Z',
    },
  ],
  ['POST', '/customers/k-d/consents', { ...emailMarketing, occurredAt: '2026-02-01T10:00:00Z' }],
  [
    'POST',
    '/customers/k-d/purchases',
    { purchaseId: 'p-d1', amount: TRY(200_000), occurredAt: '2026-02-10T09:00:00Z' },
  ],
  // `winter` reached k-d in February; k-d clicks it in March and buys nothing in the 7 days after.
  [
    'POST',
    '/customers/k-d/campaign-events',
    { campaignId: 'winter', channel: 'email', kind: 'sent', occurredAt: '2026-02-20T09:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-d/campaign-events',
    { campaignId: 'winter', channel: 'email', kind: 'clicked', occurredAt: '2026-03-05T09:00:00Z' },
  ],
  [
    'POST',
    '/customers',
    {
      customerId: 'k-a',
      name: 'Ayşe',
      email: 'a@example.com',
      registeredVia: 'web',
      occurredAt: '2026-03-02T09:00:00Z',
    },
  ],
  ['POST', '/customers/k-a/consents', { ...emailMarketing, occurredAt: '2026-03-02T10:00:00Z' }],
  [
    'POST',
    '/customers',
    {
      customerId: 'k-b',
      name: 'Burak',
      email: 'b@example.com',
      registeredVia: 'web',
      occurredAt: '2026-03-03T09:00:00Z',
    },
  ],
  ['POST', '/customers/k-b/consents', { ...emailMarketing, occurredAt: '2026-03-03T10:00:00Z' }],
  [
    'POST',
    '/customers/k-a/campaign-events',
    { campaignId: 'spring', channel: 'email', kind: 'sent', occurredAt: '2026-03-03T11:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-b/campaign-events',
    { campaignId: 'spring', channel: 'email', kind: 'sent', occurredAt: '2026-03-03T11:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-a/campaign-events',
    { campaignId: 'spring', channel: 'email', kind: 'opened', occurredAt: '2026-03-03T12:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-a/campaign-events',
    { campaignId: 'spring', channel: 'email', kind: 'opened', occurredAt: '2026-03-03T13:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-a/campaign-events',
    { campaignId: 'spring', channel: 'email', kind: 'clicked', occurredAt: '2026-03-04T09:00:00Z' },
  ],
  [
    'POST',
    '/customers',
    {
      customerId: 'k-c',
      name: 'Can',
      email: 'c@example.com',
      registeredVia: 'web',
      occurredAt: '2026-03-04T09:00:00Z',
    },
  ],
  [
    'POST',
    '/customers/k-a/purchases',
    { purchaseId: 'p-a1', amount: TRY(100_000), occurredAt: '2026-03-05T09:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-c/complaints',
    {
      complaintId: 'k-c1',
      category: 'delivery',
      description: 'late',
      channel: 'call',
      occurredAt: '2026-03-05T00:00:00Z',
    },
  ],
  [
    'POST',
    '/customers/k-c/complaints/k-c1/resolution',
    { firstContact: true, resolution: 'sent', occurredAt: '2026-03-06T00:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-c/complaints/k-c1/reopening',
    { reason: 'still late', occurredAt: '2026-03-07T00:00:00Z' },
  ],
  ['POST', '/customers/k-b/stage', { to: 'prospect', occurredAt: '2026-03-08T00:00:00Z' }],
  [
    'POST',
    '/customers/k-b/complaints',
    {
      complaintId: 'k-b1',
      category: 'billing',
      description: 'twice',
      channel: 'email',
      occurredAt: '2026-03-10T00:00:00Z',
    },
  ],
  [
    'POST',
    '/customers/k-c/complaints/k-c1/resolution',
    { firstContact: false, resolution: 'sent', occurredAt: '2026-03-10T00:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-b/complaints/k-b1/resolution',
    { firstContact: true, resolution: 'refunded', occurredAt: '2026-03-11T00:00:00Z' },
  ],
  ['POST', '/customers/k-c/nps', { surveyId: 's-1', score: 3, occurredAt: '2026-03-05T00:00:00Z' }],
  ['POST', '/customers/k-a/nps', { surveyId: 's-2', score: 10, occurredAt: '2026-03-10T00:00:00Z' }],
  ['POST', '/customers/k-b/nps', { surveyId: 's-2', score: 5, occurredAt: '2026-03-12T00:00:00Z' }],
  ['POST', '/customers/k-c/nps', { surveyId: 's-2', score: 9, occurredAt: '2026-03-15T00:00:00Z' }],
  ['POST', '/customers/k-a/satisfaction', { surveyId: 's-3', score: 5, occurredAt: '2026-03-10T00:00:00Z' }],
  ['POST', '/customers/k-b/satisfaction', { surveyId: 's-3', score: 3, occurredAt: '2026-03-12T00:00:00Z' }],
  [
    'POST',
    '/customers/k-c/purchases',
    { purchaseId: 'p-c1', amount: TRY(50_000), occurredAt: '2026-03-20T09:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-d/consents/withdrawal',
    { purpose: 'marketing', channel: 'email', source: 'web', occurredAt: '2026-03-20T10:00:00Z' },
  ],
  [
    'POST',
    '/customers/k-c/purchases/p-c1/returns',
    { returnId: 'r-c1', amount: TRY(10_000), occurredAt: '2026-03-25T09:00:00Z' },
  ],
  [
    'POST',
    '/opportunities',
    {
      opportunityId: 'o-1',
      customerId: 'k-a',
      title: 'Fleet',
      amount: TRY(1_000_000),
      stage: 'qualification',
      occurredAt: '2026-03-02T00:00:00Z',
    },
  ],
  [
    'POST',
    '/opportunities',
    {
      opportunityId: 'o-2',
      customerId: 'k-a',
      title: 'Vans',
      amount: TRY(2_000_000),
      stage: 'qualification',
      occurredAt: '2026-03-05T00:00:00Z',
    },
  ],
  [
    'POST',
    '/opportunities',
    {
      opportunityId: 'o-3',
      customerId: 'k-a',
      title: 'Cars',
      amount: TRY(400_000),
      stage: 'negotiation',
      occurredAt: '2026-03-10T00:00:00Z',
    },
  ],
  ['POST', '/opportunities/o-1/stage', { to: 'proposal', occurredAt: '2026-03-12T00:00:00Z' }],
  ['POST', '/opportunities/o-2/lost', { reason: 'price', occurredAt: '2026-03-15T00:00:00Z' }],
  ['POST', '/opportunities/o-1/won', { occurredAt: '2026-03-22T00:00:00Z' }],
];

describe('GET /kpis over a hand-made March 2026 history', () => {
  const running = useEmbeddedApp();
  let kpis: Map<string, Body>;

  const get = (path: string) => {
    const { baseUrl, token } = running();
    return call<Body>(baseUrl, 'GET', path, { token: token('analyst') });
  };

  beforeAll(async () => {
    const { baseUrl, token } = running();
    for (const [method, path, body] of history) {
      const sent = await call<Body>(baseUrl, method, path, { token: token('service'), body });
      if (sent.status >= 300) throw new Error(`${path}: ${sent.status} ${JSON.stringify(sent.body)}`);
    }
    await waitForProjections(running());
    const report = await get(`/kpis?from=${FROM}&to=${TO}`);
    expect(report.status).toBe(200);
    kpis = new Map(report.body.kpis.map((kpi: Body) => [kpi.key, kpi]));
  });

  const kpi = (key: string) => kpis.get(key);

  it('then complaint KPIs count k-b1 (24 h, first contact) and k-c1 (reopened: 5 days = 120 h from its opening)', () => {
    expect(kpi('complaint_resolution_time_avg')).toMatchObject({ value: 72, unit: 'hours', records: 2 }); // (24 + 120) / 2
    expect(kpi('first_contact_resolution_rate')).toMatchObject({ value: 0.5, records: 2 }); // k-c1 was reopened
    expect(kpi('sla_attainment')).toMatchObject({ value: 0.5, records: 2 }); // 120 h > 72 h default SLA
  });

  it('then the March lead cohort converted 2 of 3 (k-a and k-c bought; k-b only reached prospect)', () => {
    expect(kpi('lead_conversion.2026-03')).toMatchObject({ value: 0.6667, records: 3 });
  });

  it('then the pipeline KPIs follow o-1 won after 20 days, o-2 lost at qualification after 10, o-3 open', () => {
    expect(kpi('close_rate')).toMatchObject({ value: 0.5, records: 2 });
    expect(kpi('weighted_pipeline.TRY')).toMatchObject({ value: 300_000, records: 1 }); // 400 000 × 75 %
    expect(kpi('stage_loss_rate.qualification')).toMatchObject({ value: 0.5, records: 2 });
    expect(kpi('average_time_in_stage.qualification')).toMatchObject({ value: 10, unit: 'days', records: 2 });
    expect(kpi('average_opportunity_cycle')).toMatchObject({ value: 15, records: 2 }); // (20 + 10) / 2
  });

  it('then spring was opened and clicked by 1 of 2 delivered, and k-a’s purchase a day after the click is 100 000 of 140 000 net', () => {
    expect(kpi('campaign_open_rate.spring')).toMatchObject({ value: 0.5, records: 2 });
    expect(kpi('campaign_click_rate')).toMatchObject({ value: 0.5, records: 2 });
    expect(kpi('campaign_revenue_impact.spring')).toMatchObject({ value: 0.7143, records: 1 });
    expect(kpi('net_new_revenue')).toMatchObject({ value: 140_000, records: 3 }); // 100 000 + 50 000 − 10 000
  });

  it('then winter, delivered in February and clicked in March, has a revenue impact: 0 of 140 000 credited', () => {
    expect(kpi('campaign_revenue_impact.winter')).toMatchObject({ value: 0, records: 0 });
    expect(kpi('campaign_open_rate.winter')).toMatchObject({ value: null, records: 0 });
    expect(kpi('campaign_click_rate')).toMatchObject({ value: 0.5, records: 2 }); // spring's deliveries only
  });

  it('then NPS takes each latest answer (10, 5, 9: 2 promoters, 1 detractor) and CSAT 1 of 2', () => {
    expect(kpi('nps')).toMatchObject({ value: 33, records: 3 }); // (2 − 1) / 3 × 100 = 33.3
    expect(kpi('csat')).toMatchObject({ value: 0.5, records: 2 });
  });

  it('then the customer KPIs: opt-ins +2 −1 over 1 at start, no churn, CLV = net × 0.3 × 3', () => {
    expect(kpi('opt_in_list_growth')).toMatchObject({ value: 1, records: 1 }); // (2 − 1 − 0) / 1
    expect(kpi('churn_rate')).toMatchObject({ value: 0, records: 1 }); // k-d active, bought 2026-02-10
    // CLV: k-c 40 000 × 0.9 = 36 000, k-a 90 000, k-d 180 000 (all under a year old, so years = 1)
    expect(kpi('clv_distribution.p25')).toMatchObject({ value: 36_000, records: 3 });
    expect(kpi('clv_distribution.p50')).toMatchObject({ value: 90_000 });
    expect(kpi('clv_distribution.p90')).toMatchObject({ value: 180_000 });
  });

  it('then every KPI carries a definition and null appears only with no records', () => {
    for (const entry of kpis.values()) {
      expect(entry.definition.length).toBeGreaterThan(20);
      if (entry.value === null) expect(entry.records).toBe(0);
    }
  });

  it('then a period that does not start before it ends, or a bad instant, is a 400', async () => {
    expect((await get(`/kpis?from=${TO}&to=${FROM}`)).status).toBe(400);
    expect((await get('/kpis?from=yesterday')).status).toBe(400);
    expect((await get('/kpis?to=2026-04-01')).status).toBe(400);
  });
});
