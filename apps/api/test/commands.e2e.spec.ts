import { commandClient, typesOf } from './support/command-client';
import { useEmbeddedApp } from './support/embedded-app';

const TRY = (amount: number) => ({ amount, currency: 'TRY' });

const marketingEmail = {
  purpose: 'marketing',
  channel: 'email',
  legalBasis: 'explicit-consent',
  source: 'web-signup-form',
  evidenceRef: 'consent-log/2026/8812',
};

describe('Command endpoints over HTTP: each decider command', () => {
  const running = useEmbeddedApp();
  const { send, head } = commandClient(running);
  let sequence = 0;

  const register = async (): Promise<string> => {
    sequence += 1;
    const customerId = `c-cmd-${sequence}`;
    const registered = await send('POST', '/customers', {
      customerId,
      name: 'Zeynep Arslan',
      email: `zeynep${sequence}@example.com.tr`,
      registeredVia: 'web',
    });
    expect(registered.status).toBe(201);
    return customerId;
  };

  const expectAppended = (
    result: Awaited<ReturnType<typeof send>>,
    status: number,
    types: string[],
  ): void => {
    expect({ status: result.status, types: typesOf(result) }).toEqual({ status, types });
    expect(result.headers.get('etag')).toBe(`"${result.body.revision}"`);
  };

  it('updates the profile with PATCH and refuses an update that gives no field', async () => {
    const id = await register();

    const updated = await send('PATCH', `/customers/${id}`, { name: 'Zeynep Arslan Koç' });
    const before = await head();
    const empty = await send('PATCH', `/customers/${id}`, {});

    expectAppended(updated, 200, ['CustomerProfileUpdated']);
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.map((error) => error.field)).toEqual(['body']);
    expect(await head()).toBe(before);
  });

  it('records a return, and refuses one exceeding what is left of the purchase', async () => {
    const id = await register();
    await send('POST', `/customers/${id}/purchases`, { purchaseId: 'p-1', amount: TRY(10_000) });

    const returned = await send('POST', `/customers/${id}/purchases/p-1/returns`, {
      returnId: 'r-1',
      amount: TRY(4_000),
    });
    const before = await head();
    const excessive = await send('POST', `/customers/${id}/purchases/p-1/returns`, {
      returnId: 'r-2',
      amount: TRY(6_001),
    });

    expectAppended(returned, 201, ['PurchaseReturned']);
    expect(excessive.status).toBe(409);
    expect(excessive.body.code).toBe('invalid_transition');
    expect(await head()).toBe(before);
  });

  it('opens, resolves at first contact and reopens a complaint', async () => {
    const id = await register();
    const base = `/customers/${id}/complaints`;

    const opened = await send('POST', base, {
      complaintId: 'cmp-1',
      category: 'delivery',
      description: 'The parcel arrived two weeks late.',
      channel: 'call-center',
      slaHours: 48,
    });
    const resolved = await send('POST', `${base}/cmp-1/resolution`, {
      firstContact: true,
      resolution: 'Refunded the shipping fee.',
    });
    const reopened = await send('POST', `${base}/cmp-1/reopening`, { reason: 'The refund never arrived.' });

    expectAppended(opened, 201, ['Complained']);
    expectAppended(resolved, 200, ['ComplaintResolved']);
    expectAppended(reopened, 200, ['ComplaintReopened']);
  });

  it('records a campaign sent, opened and clicked on a consented channel, then withdraws consent', async () => {
    const id = await register();
    const event = (kind: string) =>
      send('POST', `/customers/${id}/campaign-events`, { campaignId: 'spring-2026', channel: 'email', kind });

    const granted = await send('POST', `/customers/${id}/consents`, marketingEmail);
    const sent = await event('sent');
    const opened = await event('opened');
    const clicked = await event('clicked');
    const withdrawn = await send('POST', `/customers/${id}/consents/withdrawal`, {
      purpose: 'marketing',
      channel: 'email',
      source: 'unsubscribe-link',
    });

    expectAppended(granted, 201, ['ConsentGranted']);
    expectAppended(sent, 201, ['CampaignSent']);
    expectAppended(opened, 201, ['CampaignOpened']);
    expectAppended(clicked, 201, ['CampaignClicked']);
    expectAppended(withdrawn, 200, ['ConsentWithdrawn']);
  });

  it('refuses a campaign send without marketing consent with 422 consent_required, appending nothing', async () => {
    const id = await register();
    const before = await head();

    const sent = await send('POST', `/customers/${id}/campaign-events`, {
      campaignId: 'spring-2026',
      channel: 'sms',
      kind: 'sent',
    });

    expect(sent.status).toBe(422);
    expect(sent.body.code).toBe('consent_required');
    expect(await head()).toBe(before);
  });

  it('advances the lifecycle stage', async () => {
    const id = await register();

    const advanced = await send('POST', `/customers/${id}/stage`, { to: 'prospect' });

    expectAppended(advanced, 200, ['StageAdvanced']);
  });

  it('records NPS and satisfaction answers', async () => {
    const id = await register();

    const nps = await send('POST', `/customers/${id}/nps`, {
      surveyId: 'nps-q1',
      score: 0,
      comment: 'Slow.',
    });
    const satisfaction = await send('POST', `/customers/${id}/satisfaction`, {
      surveyId: 'csat-q1',
      score: 5,
    });

    expectAppended(nps, 201, ['NpsAnswered']);
    expectAppended(satisfaction, 201, ['SatisfactionAnswered']);
  });

  it('reviews the tier as of an instant', async () => {
    const id = await register();

    const reviewed = await send('POST', `/customers/${id}/tier-review`, { asOf: '2026-04-01T00:00:00Z' });

    expectAppended(reviewed, 200, []);
  });

  it('lets an admin set a tier floor and refuses a service caller with 403', async () => {
    const id = await register();
    const before = await head();

    const denied = await send('PUT', `/customers/${id}/tier-floor`, { tier: 'gold' });
    const unchanged = await head();
    const floor = await send('PUT', `/customers/${id}/tier-floor`, { tier: 'gold' }, { role: 'admin' });

    expect(denied.status).toBe(403);
    expect(unchanged).toBe(before);
    expectAppended(floor, 200, ['TierFloorSet']);
  });

  it('lets an admin erase a customer, refuses a service caller, and answers later commands with 410', async () => {
    const id = await register();
    const erasure = { reason: 'KVKK erasure request #2026-118' };

    const denied = await send('POST', `/customers/${id}/erasure`, erasure);
    const erased = await send('POST', `/customers/${id}/erasure`, erasure, { role: 'admin' });
    const before = await head();
    const purchase = await send('POST', `/customers/${id}/purchases`, {
      purchaseId: 'p-9',
      amount: TRY(100),
    });

    expect(denied.status).toBe(403);
    expectAppended(erased, 200, ['CustomerErased']);
    expect(purchase.status).toBe(410);
    expect(purchase.body.code).toBe('customer_erased');
    expect(await head()).toBe(before);
  });

  it('opens an opportunity, advances it and wins it', async () => {
    const customerId = await register();

    const opened = await send('POST', '/opportunities', {
      opportunityId: 'o-1',
      customerId,
      title: 'Fleet renewal 2026',
      amount: TRY(5_000_000),
    });
    const advanced = await send('POST', '/opportunities/o-1/stage', { to: 'proposal' });
    const won = await send('POST', '/opportunities/o-1/won', {});

    expectAppended(opened, 201, ['OpportunityOpened']);
    expectAppended(advanced, 200, ['OpportunityStageAdvanced']);
    expectAppended(won, 200, ['OpportunityWon']);
  });

  it('derives the opportunity id from the idempotency key and loses the opportunity', async () => {
    const customerId = await register();
    const body = { customerId, title: 'Office chairs', amount: TRY(120_000) };
    const key = { 'idempotency-key': 'deal-7781' };

    const opened = await send('POST', '/opportunities', body, { headers: key });
    const retried = await send('POST', '/opportunities', body, { headers: key });
    const streamId = (opened.body as unknown as { streamId: string }).streamId;
    const lost = await send('POST', `/opportunities/${streamId.replace(/^opportunity-/, '')}/lost`, {
      reason: 'Chose a competitor on price',
    });

    expectAppended(opened, 201, ['OpportunityOpened']);
    expect(retried.body).toEqual({ ...opened.body, replayed: true });
    expectAppended(lost, 200, ['OpportunityLost']);
  });

  it('refuses an opportunity for an unknown customer with 404', async () => {
    const before = await head();

    const opened = await send('POST', '/opportunities', {
      customerId: 'c-nobody',
      title: 'Ghost deal',
      amount: TRY(1_000),
    });

    expect(opened.status).toBe(404);
    expect(opened.body.code).toBe('not_found');
    expect(await head()).toBe(before);
  });
});
