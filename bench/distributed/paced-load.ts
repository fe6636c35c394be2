import { randomBytes } from 'node:crypto';
import { customerId } from '../http/customers';

export interface PacedLoadOptions {
  readonly url: string;
  readonly token: string;
  readonly customers: number;
  readonly perSecond: number;
  readonly seconds: number;
  /** Requests not yet answered beyond which the load stops sending (and counts the misses). */
  readonly maxInFlight: number;
  /** Called for each acknowledged command with the customer and its event's global position. */
  readonly onAppended: (customer: string, position: number) => void;
}

export interface PacedLoadResult {
  readonly sent: number;
  readonly acknowledged: number;
  /** Commands due while `maxInFlight` requests were waiting: the API fell behind the pace. */
  readonly skipped: number;
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** Response times of acknowledged commands, ms. */
  readonly latenciesMs: number[];
}

const TICK_MS = 5;

/**
 * An open-loop load: RecordPurchase commands on random registered customers at a fixed rate, each sent when
 * it is due whatever the answers to earlier ones, so a slow pipeline cannot slow the load down (a closed
 * loop would hide lag by sending less).
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const runId = randomBytes(4).toString('hex');
  const statusCodes: Record<string, number> = {};
  const latenciesMs: number[] = [];
  let sent = 0;
  let due = 0;
  let skipped = 0;
  let errors = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();

  const send = async (n: number): Promise<void> => {
    const customer = customerId(Math.floor(Math.random() * options.customers));
    const started = performance.now();
    try {
      const response = await fetch(`${options.url}/customers/${customer}/purchases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          'idempotency-key': `dist-${runId}-${n}`,
        },
        body: JSON.stringify({ purchaseId: `p-${runId}-${n}`, amount: { amount: 100 + n, currency: 'TRY' } }),
      });
      statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
      const body = (await response.json()) as { events?: { position: number }[] };
      const position = body.events?.[body.events.length - 1]?.position;
      if (response.status >= 300 || position === undefined) {
        errors++;
        return;
      }
      latenciesMs.push(performance.now() - started);
      options.onAppended(customer, position);
    } catch {
      errors++;
    }
  };

  const started = performance.now();
  const total = Math.round(options.perSecond * options.seconds);
  while (due < total) {
    const elapsed = (performance.now() - started) / 1000;
    const target = Math.min(total, Math.floor(elapsed * options.perSecond));
    for (; due < target; due++) {
      if (inFlight >= options.maxInFlight) {
        skipped++;
        continue;
      }
      inFlight++;
      const request = send(sent++).finally(() => {
        inFlight--;
        pending.delete(request);
      });
      pending.add(request);
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  return { sent, acknowledged: latenciesMs.length, skipped, errors, statusCodes, seconds, latenciesMs };
}
