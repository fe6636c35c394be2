import type { CommandOutcome } from '@crm/application';
import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

interface AuditEntry {
  readonly type: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly hash: string;
  readonly previousHash: string;
}

describe('A customer journey over HTTP, seen in the 360, the tier and the audit trail', () => {
  const running = useEmbeddedApp();
  const CUSTOMER = 'c-journey';
  const step = (path: string, body: unknown, correlationId: string, method = 'POST') => {
    const { baseUrl, token } = running();
    return call<CommandOutcome>(baseUrl, method, path, {
      token: token('service', 'svc-shop'),
      body,
      headers: { 'x-correlation-id': correlationId },
    });
  };
  const read = <T>(path: string, role: 'analyst' | 'auditor' = 'analyst') =>
    call<T>(running().baseUrl, 'GET', path, { token: running().token(role) });

  it('reflects every step with the right actor and correlation id', async () => {
    const steps = [
      await step(
        '/customers',
        { customerId: CUSTOMER, name: 'Zeynep Arslan', email: 'zeynep@example.com.tr', registeredVia: 'app' },
        'corr-register',
      ),
      await step(
        `/customers/${CUSTOMER}/purchases`,
        { purchaseId: 'p-1', amount: { amount: 1_600_000, currency: 'TRY' } },
        'corr-purchase',
      ),
      await step(
        `/customers/${CUSTOMER}/complaints`,
        { complaintId: 'k-1', category: 'delivery', description: 'Kargo gecikti', channel: 'call' },
        'corr-complaint',
      ),
      await step(
        `/customers/${CUSTOMER}/complaints/k-1/resolution`,
        { firstContact: true, resolution: 'Yeni kargo gönderildi' },
        'corr-resolve',
      ),
      await step(
        `/customers/${CUSTOMER}/consents`,
        { purpose: 'marketing', channel: 'email', legalBasis: 'consent', source: 'app', evidenceRef: 'ev-1' },
        'corr-consent',
      ),
      await step(
        `/customers/${CUSTOMER}/campaign-events`,
        { campaignId: 'camp-1', channel: 'email', kind: 'sent' },
        'corr-campaign',
      ),
      await step(`/customers/${CUSTOMER}/stage`, { to: 'loyal' }, 'corr-stage'),
    ];
    expect(steps.map((response) => response.status)).toEqual([201, 201, 201, 200, 201, 201, 200]);
    await waitForProjections(running());

    const view = await read<Record<string, unknown>>(`/customers/${CUSTOMER}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ stage: 'loyal', tier: 'gold', netSpend: 1_600_000 });
    const tiers = await read<Record<string, number>>('/loyalty/tiers/summary');
    expect(tiers.body).toMatchObject({ gold: 1 });

    const trail = await read<{ items: AuditEntry[] }>(`/audit?customerId=${CUSTOMER}&limit=100`, 'auditor');
    expect(trail.status).toBe(200);
    const byType = new Map(trail.body.items.map((entry) => [entry.type, entry]));
    const expectations: Array<[string, string]> = [
      ['CustomerRegistered', 'corr-register'],
      ['Purchased', 'corr-purchase'],
      ['TierChanged', 'corr-purchase'],
      ['Complained', 'corr-complaint'],
      ['ComplaintResolved', 'corr-resolve'],
      ['ConsentGranted', 'corr-consent'],
      ['CampaignSent', 'corr-campaign'],
    ];
    for (const [type, correlationId] of expectations) {
      expect(byType.get(type)).toMatchObject({ actorId: 'svc-shop', correlationId });
    }
    const stages = trail.body.items.filter((entry) => entry.type === 'StageAdvanced');
    expect(stages.map((entry) => entry.correlationId)).toEqual(['corr-purchase', 'corr-stage']);
  });
});
