import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, type EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { AutomationReactor } from '../src/automation/automation.reactor';
import { AUTOMATION_CHECKPOINT } from '../src/reactors/reactor-checkpoint';
import { useEmbeddedApp, type RunningApp } from './support/embedded-app';
import { call } from './support/http-client';
import { waitForProjections } from './support/wait-for-projections';

// RULES.md "Loyalty tiers": silver ≥ 5,000.00 TRY, gold ≥ 15,000.00 TRY (in kuruş: 500,000 and
// 1,500,000). One purchase of 15,000.00 TRY makes a customer gold, one of 6,000.00 TRY silver.
const GOLD_SPEND = 1_500_000;
const SILVER_SPEND = 600_000;
const REGISTERED_AT = '2024-02-01T09:00:00.000Z';
const PURCHASE_AT = '2024-03-01T10:00:00.000Z';
// 365 days after the purchase (2024 is a leap year: Mar 1 → Mar 1) it has left the window: warned;
// 30 days of grace later: downgraded one tier.
const FIRST_REVIEW = addDays(PURCHASE_AT, 365);
const GRACE_UNTIL = addDays(FIRST_REVIEW, 30);
const PRIORITY_RULE = 'gold-complaint-priority';
const WIN_BACK_RULE = 'tier-downgrade-win-back';

function automationHarness(running: () => RunningApp) {
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await call(running().baseUrl, method, path, { token: running().token('admin'), body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
    return response;
  };
  const store = () => running().app.get<EventStore>(EVENT_STORE);
  const stream = (customerId: string): Promise<EventEnvelope[]> =>
    store().readStream(`customer-${customerId}`);
  const ofType = async (customerId: string, type: string) =>
    (await stream(customerId)).filter((event) => event.type === type);
  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  /** Until the reactor's checkpoint passes every event appended so far. */
  const reactorCaughtUp = async () => {
    const head = await store().headPosition();
    const readStore = running().app.get<ReadStore>(READ_STORE);
    await eventually(
      async () =>
        ((await readStore.getCheckpoint(AUTOMATION_CHECKPOINT))?.position ?? 0) >= head || undefined,
      `the automation checkpoint to reach ${head}`,
    );
  };
  const register = (customerId: string) =>
    admin('POST', '/customers', {
      customerId,
      name: 'Elif Şahin',
      email: `${customerId}@example.com.tr`,
      registeredVia: 'web',
      occurredAt: REGISTERED_AT,
    });
  const purchase = (customerId: string, amount: number) =>
    admin('POST', `/customers/${customerId}/purchases`, {
      purchaseId: 'p-1',
      amount: { amount, currency: 'TRY' },
      occurredAt: PURCHASE_AT,
    });
  const complain = (customerId: string, complaintId: string) =>
    admin('POST', `/customers/${customerId}/complaints`, {
      complaintId,
      category: 'delivery',
      description: 'Kargo iki hafta gecikti',
      channel: 'call',
    });
  const firings = async (rule: string, outcome: string): Promise<number> => {
    const text = (await call<string>(running().baseUrl, 'GET', '/metrics')).body;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`crm_automation_firings_total{rule="${rule}",outcome="${outcome}"}`));
    return line === undefined ? 0 : Number(line.split(' ').pop());
  };
  return { admin, stream, ofType, eventually, reactorCaughtUp, register, purchase, complain, firings };
}

describe('Automation rules', () => {
  const running = useEmbeddedApp({ AUTOMATION_ENABLED: 'true' });
  const t = automationHarness(running);

  describe('a gold customer files a complaint', () => {
    let complained: EventEnvelope;
    let prioritized: EventEnvelope;

    beforeAll(async () => {
      await t.register('c-gold');
      await t.purchase('c-gold', GOLD_SPEND);
      await t.complain('c-gold', 'k-1');
      [complained] = await t.ofType('c-gold', 'Complained');
      [prioritized] = await t.eventually(async () => {
        const found = await t.ofType('c-gold', 'ComplaintPrioritized');
        return found.length > 0 ? found : undefined;
      }, 'ComplaintPrioritized');
    });

    it('raises the complaint to high priority, as the rule, caused by the complaint', () => {
      expect(prioritized.data).toEqual({
        complaintId: 'k-1',
        priority: 'high',
        previousPriority: 'normal',
        reason: "gold and platinum customers' complaints are worked first",
      });
      expect(prioritized.metadata).toMatchObject({
        actor: { id: `automation:${PRIORITY_RULE}`, kind: 'service', roles: ['service'] },
        source: 'automation',
        commandId: `rule-${PRIORITY_RULE}-${complained.id}`,
        causationId: complained.id,
        correlationId: complained.metadata.correlationId,
      });
    });

    it('shows the firing in the audit trail and the priority in the 360', async () => {
      const { baseUrl, token } = running();
      const audit = await t.eventually(async () => {
        const page = await call<{ items: Record<string, unknown>[] }>(
          baseUrl,
          'GET',
          '/audit?customerId=c-gold&type=ComplaintPrioritized',
          { token: token('auditor') },
        );
        return page.body.items.length > 0 ? page.body.items : undefined;
      }, 'the audit entry');
      expect(audit).toEqual([
        expect.objectContaining({
          eventId: prioritized.id,
          actorId: `automation:${PRIORITY_RULE}`,
          causationId: complained.id,
          source: 'automation',
        }),
      ]);
      await waitForProjections(running());
      const customer = await call<{ complaints: { open: { complaintId: string; priority: string }[] } }>(
        baseUrl,
        'GET',
        '/customers/c-gold',
        { token: token('analyst') },
      );
      expect(customer.body.complaints.open.map((c) => [c.complaintId, c.priority])).toEqual([
        ['k-1', 'high'],
      ]);
    });

    it('appends once when the same trigger is handled twice', async () => {
      const reactor = running().app.get(AutomationReactor);
      expect(await reactor.handle(complained)).toEqual([
        { rule: PRIORITY_RULE, outcome: 'duplicate', commandId: `rule-${PRIORITY_RULE}-${complained.id}` },
      ]);
      expect(await t.ofType('c-gold', 'ComplaintPrioritized')).toHaveLength(1);
    });

    it('appends once when the reactor restarts from a checkpoint before the trigger', async () => {
      const reactor = running().app.get(AutomationReactor);
      const duplicatesBefore = await t.firings(PRIORITY_RULE, 'duplicate');
      await reactor.stop();
      await running()
        .app.get<ReadStore>(READ_STORE)
        .rewindCheckpoint(AUTOMATION_CHECKPOINT, {
          position: complained.position - 1,
          updatedAt: new Date().toISOString(),
        });
      reactor.start();
      await t.reactorCaughtUp();

      expect(await t.ofType('c-gold', 'ComplaintPrioritized')).toHaveLength(1);
      expect(await t.firings(PRIORITY_RULE, 'duplicate')).toBe(duplicatesBefore + 1);
    });
  });

  it("leaves a bronze customer's complaint at normal priority", async () => {
    await t.register('c-bronze');
    await t.complain('c-bronze', 'k-2');
    await t.reactorCaughtUp();

    expect(await t.ofType('c-bronze', 'ComplaintPrioritized')).toEqual([]);
  });

  describe('a customer drops a tier', () => {
    /** Silver from one purchase, warned a year later, downgraded after the grace period: two TierChanged. */
    const downgrade = async (customerId: string, withConsent: boolean) => {
      await t.register(customerId);
      if (withConsent) {
        await t.admin('POST', `/customers/${customerId}/consents`, {
          purpose: 'marketing',
          channel: 'email',
          legalBasis: 'explicit_consent',
          source: 'web',
          evidenceRef: 'ev-1',
        });
      }
      await t.purchase(customerId, SILVER_SPEND);
      await t.admin('POST', `/customers/${customerId}/tier-review`, { asOf: FIRST_REVIEW });
      await t.admin('POST', `/customers/${customerId}/tier-review`, { asOf: GRACE_UNTIL });
      const tierChanges = await t.ofType(customerId, 'TierChanged');
      expect(tierChanges.map((e) => e.data)).toEqual([
        expect.objectContaining({ from: 'bronze', to: 'silver', reason: 'upgrade' }),
        expect.objectContaining({ from: 'silver', to: 'bronze', reason: 'downgrade' }),
      ]);
      return tierChanges[1];
    };

    it('sends the win-back campaign by e-mail when marketing consent allows', async () => {
      const downgraded = await downgrade('c-lapsing', true);

      const [sent] = await t.eventually(async () => {
        const found = await t.ofType('c-lapsing', 'CampaignSent');
        return found.length > 0 ? found : undefined;
      }, 'CampaignSent');
      expect(sent.data).toEqual({ campaignId: 'win-back', channel: 'email' });
      expect(sent.metadata).toMatchObject({
        actor: { id: `automation:${WIN_BACK_RULE}` },
        causationId: downgraded.id,
      });
      // The upgrade is a TierChanged too, but not a downgrade: one campaign, not two.
      await t.reactorCaughtUp();
      expect(await t.ofType('c-lapsing', 'CampaignSent')).toHaveLength(1);
    });

    it('is refused without consent: nothing appended, the refusal counted', async () => {
      const refusedBefore = await t.firings(WIN_BACK_RULE, 'refused');
      await downgrade('c-no-consent', false);
      await t.reactorCaughtUp();

      expect(await t.ofType('c-no-consent', 'CampaignSent')).toEqual([]);
      expect(await t.firings(WIN_BACK_RULE, 'refused')).toBe(refusedBefore + 1);
    });
  });

  it('lists the shipped rules to an admin', async () => {
    const { body } = await t.admin('GET', '/automation/rules');
    expect(body).toMatchObject({ enabled: true, rules: [{ id: PRIORITY_RULE }, { id: WIN_BACK_RULE }] });
  });
});

describe('Automation started on an existing log', () => {
  const running = useEmbeddedApp();
  const t = automationHarness(running);

  it('never fires on events appended before its first start', async () => {
    await t.register('c-history');
    await t.purchase('c-history', GOLD_SPEND);
    await t.complain('c-history', 'k-before');
    await waitForProjections(running());

    running().app.get(AutomationReactor).start();
    await t.reactorCaughtUp();
    await t.complain('c-history', 'k-after');
    const prioritized = await t.eventually(async () => {
      const found = await t.ofType('c-history', 'ComplaintPrioritized');
      return found.length > 0 ? found : undefined;
    }, 'ComplaintPrioritized');
    await t.reactorCaughtUp();

    expect(prioritized.map((e) => (e.data as { complaintId: string }).complaintId)).toEqual(['k-after']);
    expect(await t.ofType('c-history', 'ComplaintPrioritized')).toHaveLength(1);
  });
});

/** The gold rule, plus one that would escalate every prioritized complaint again if rules could chain. */
const chainingRulesFile = (): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'crm-rules-')), 'rules.json');
  const prioritize = (id: string, trigger: string, when: unknown, priority: string) => ({
    id,
    description: `${id} for the test`,
    trigger,
    when,
    then: {
      type: 'PrioritizeComplaint',
      data: { complaintId: { path: 'event.data.complaintId' }, priority, reason: id },
    },
  });
  const rules = [
    prioritize(PRIORITY_RULE, 'Complained', { path: 'customer.tier', in: ['gold', 'platinum'] }, 'high'),
    prioritize('escalate', 'ComplaintPrioritized', { path: 'event.data.priority', eq: 'high' }, 'urgent'),
  ];
  writeFileSync(file, JSON.stringify({ rules }));
  return file;
};

describe('Automation with a rule file of its own', () => {
  const running = useEmbeddedApp({ AUTOMATION_ENABLED: 'true', AUTOMATION_RULES_FILE: chainingRulesFile() });
  const t = automationHarness(running);

  it('loads the file named by AUTOMATION_RULES_FILE', async () => {
    const { body } = await t.admin('GET', '/automation/rules');
    expect(body).toMatchObject({ rules: [{ id: PRIORITY_RULE }, { id: 'escalate' }] });
  });

  it("never lets a rule's own events trigger another rule", async () => {
    await t.register('c-chain');
    await t.purchase('c-chain', GOLD_SPEND);
    await t.complain('c-chain', 'k-1');
    await t.eventually(async () => {
      const found = await t.ofType('c-chain', 'ComplaintPrioritized');
      return found.length > 0 ? found : undefined;
    }, 'ComplaintPrioritized');
    await t.reactorCaughtUp();

    const prioritized = await t.ofType('c-chain', 'ComplaintPrioritized');
    expect(prioritized.map((e) => (e.data as { priority: string }).priority)).toEqual(['high']);
  });
});
