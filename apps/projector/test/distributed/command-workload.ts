/** A customer's commands over HTTP, in the order a real integration would send them. */
interface CommandRequest {
  readonly path: string;
  readonly body: unknown;
}

const money = (n: number) => ({ amount: 1_000 + ((n * 7_919) % 250_000), currency: 'TRY' });

/** Twelve or thirteen commands per customer: registration, consent, a stage move, purchases, campaign events, a complaint. */
export function customerCommands(run: string, n: number): CommandRequest[] {
  const customerId = `d-${run}-${n}`;
  const base = `/customers/${customerId}`;
  const complaintId = `k-${n}`;
  const campaignId = `camp-${n % 7}`;
  const requests: CommandRequest[] = [
    {
      path: '/customers',
      body: { customerId, name: `Müşteri ${n}`, email: `musteri-${n}@example.com`, registeredVia: 'web' },
    },
    {
      path: `${base}/consents`,
      body: {
        purpose: 'marketing',
        channel: 'email',
        legalBasis: 'consent',
        source: 'web',
        evidenceRef: `ev-${n}`,
      },
    },
    { path: `${base}/stage`, body: { to: 'prospect' } },
    ...Array.from({ length: 6 }, (_, i) => ({
      path: `${base}/purchases`,
      body: { purchaseId: `p-${n}-${i}`, amount: money(n * 10 + i) },
    })),
    { path: `${base}/campaign-events`, body: { campaignId, channel: 'email', kind: 'sent' } },
    { path: `${base}/campaign-events`, body: { campaignId, channel: 'email', kind: 'opened' } },
    {
      path: `${base}/complaints`,
      body: { complaintId, category: 'billing', description: `çift çekim ${n}`, channel: 'email' },
    },
  ];
  if (n % 2 === 0)
    requests.push({
      path: `${base}/complaints/${complaintId}/resolution`,
      body: { firstContact: n % 4 === 0, resolution: 'refunded' },
    });
  return requests;
}

/**
 * Sends every customer's commands, customers `concurrency` at a time and each customer's in order, and
 * fails on the first answer that is not 2xx: an accepted command is what the read models must show.
 */
export async function sendCommands(
  baseUrl: string,
  token: string,
  run: string,
  customers: readonly number[],
  concurrency = 12,
): Promise<number> {
  let next = 0;
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (next < customers.length) {
      const n = customers[next++];
      for (const [index, request] of customerCommands(run, n).entries()) {
        const response = await fetch(`${baseUrl}${request.path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `${run}-${n}-${index}`,
          },
          body: JSON.stringify(request.body),
        });
        if (response.status >= 300)
          throw new Error(`POST ${request.path} answered ${response.status}: ${await response.text()}`);
        sent++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent;
}
