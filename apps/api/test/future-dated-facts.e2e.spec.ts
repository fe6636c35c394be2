import { commandClient } from './support/command-client';
import { useEmbeddedApp } from './support/embedded-app';

const CUSTOMER = 'c-future';
const MINUTE_MS = 60_000;
const purchase = (purchaseId: string, occurredAt: string) => ({
  purchaseId,
  amount: { amount: 10_000, currency: 'TRY' },
  occurredAt,
});

describe('Facts dated in the future: refused past the clock plus 5 minutes', () => {
  const running = useEmbeddedApp();
  const { send, head } = commandClient(running);

  beforeAll(async () => {
    const registered = await send('POST', '/customers', {
      customerId: CUSTOMER,
      name: 'Selin Aydın',
      email: 'selin@example.com.tr',
      registeredVia: 'web',
    });
    expect(registered.status).toBe(201);
  });

  it('answers a purchase dated 2027-06-01 with 422 naming occurredAt, and appends nothing', async () => {
    const before = await head();
    // Later than now + 5 min, whatever day the suite runs before June 2027.
    const farFuture = new Date(
      Math.max(Date.parse('2027-06-01T00:00:00Z'), Date.now() + 365 * 1440 * MINUTE_MS),
    );

    const result = await send(
      'POST',
      `/customers/${CUSTOMER}/purchases`,
      purchase('p-2027', farFuture.toISOString()),
    );

    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'invalid_input', errors: [{ field: 'occurredAt' }] });
    expect(await head()).toBe(before);
  });

  it('refuses 6 minutes ahead and accepts 4 minutes ahead (clock drift of callers)', async () => {
    const sixAhead = new Date(Date.now() + 6 * MINUTE_MS).toISOString();
    const fourAhead = new Date(Date.now() + 4 * MINUTE_MS).toISOString();

    const refused = await send('POST', `/customers/${CUSTOMER}/purchases`, purchase('p-six', sixAhead));
    const accepted = await send('POST', `/customers/${CUSTOMER}/purchases`, purchase('p-four', fourAhead));

    expect(refused).toMatchObject({ status: 422, body: { errors: [{ field: 'occurredAt' }] } });
    expect(accepted.status).toBe(201);
  });

  it('applies to every command, e.g. a complaint dated tomorrow', async () => {
    const tomorrow = new Date(Date.now() + 1440 * MINUTE_MS).toISOString();

    const result = await send('POST', `/customers/${CUSTOMER}/complaints`, {
      complaintId: 'k-tomorrow',
      category: 'delivery',
      channel: 'phone',
      description: 'late',
      occurredAt: tomorrow,
    });

    expect(result).toMatchObject({ status: 422, body: { errors: [{ field: 'occurredAt' }] } });
  });
});
