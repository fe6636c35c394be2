import type { EventMetadata, NewEvent } from '@crm/domain';

/**
 * Deterministic CRM workload: the same seed yields byte-identical events, so every system under test
 * stores exactly the same log. Event data is ~300–500 bytes of JSON; metadata is the full envelope
 * metadata (actor, commandId, correlationId, causationId, source, tenantId).
 */

/** mulberry32: tiny, fast, deterministic PRNG. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A UUID-shaped (version 4 layout) id built from the PRNG. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i++)
      hex.push((this.next() * 0x100000000).toString(16).padStart(8, '0').slice(0, 8));
    const h = hex.join('');
    const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Barbara',
  'Edsger',
  'Frances',
  'Donald',
  'Radia',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Allen',
  'Knuth',
  'Perlman',
];
const CITIES = [
  'Berlin',
  'Lisbon',
  'Toronto',
  'Nairobi',
  'Osaka',
  'Melbourne',
  'Austin',
  'Oslo',
  'Bogotá',
  'Pune',
];
const STAGES = ['qualified', 'proposal', 'negotiation', 'closed_won', 'closed_lost'] as const;
const TAGS = ['vip', 'churn-risk', 'newsletter', 'enterprise', 'smb', 'partner', 'trial', 'renewal-q3'];
const CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
const SOURCES = ['crm-api', 'crm-import', 'crm-web', 'crm-mobile'] as const;
const LOREM =
  'Customer called about invoice discrepancy; agreed to follow up with finance and send a corrected statement ' +
  'before the end of the week. Mentioned interest in the premium support tier and asked for a quote covering ' +
  'three additional seats plus onboarding for the new regional office.';

const BASE_TIME = Date.UTC(2026, 0, 1, 9, 0, 0);

export interface WorkloadOptions {
  readonly seed: number;
  readonly streams: number;
}

/** The customer stream ids, in order. Batched appends and concurrent appends both write into these. */
export function streamIds(count: number, seed = 1): string[] {
  const rng = new Rng(seed ^ 0x5eed);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(`customer-${rng.uuid()}`);
  return ids;
}

/** Deterministic event factory: `event(n)` is a pure function of (seed, n). */
export class EventFactory {
  private readonly actorIds: string[];

  constructor(private readonly seed: number) {
    const rng = new Rng(seed ^ 0xac7);
    this.actorIds = Array.from({ length: 50 }, () => rng.uuid());
  }

  /** The n-th event of the workload (n is global across the whole run). */
  event(n: number, customerId: string): NewEvent {
    const rng = new Rng((this.seed * 2654435761 + n) >>> 0);
    const id = rng.uuid();
    const commandId = rng.uuid();
    const correlationId = rng.uuid();
    const occurredAt = new Date(BASE_TIME + n * 1000).toISOString();
    const userActor = rng.next() < 0.8;
    const metadata: EventMetadata = {
      actor: userActor
        ? { id: rng.pick(this.actorIds), kind: 'user', roles: ['sales', 'customer:write'] }
        : { id: 'svc-import', kind: 'service', roles: ['import'] },
      commandId,
      correlationId,
      causationId: commandId,
      source: rng.pick(SOURCES),
      tenantId: `tenant-${(n % 7) + 1}`,
    };
    const { type, data } = this.payload(rng, customerId, occurredAt);
    return { id, type, schemaVersion: 1, occurredAt, metadata, data };
  }

  private payload(rng: Rng, customerId: string, at: string): { type: string; data: Record<string, unknown> } {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const city = rng.pick(CITIES);
    const roll = rng.int(6);
    switch (roll) {
      case 0:
        return {
          type: 'CustomerRegistered',
          data: {
            customerId,
            name: { given: first, family: last },
            email: `${first}.${last}.${rng.int(100000)}@example.com`.toLowerCase(),
            phone: `+49 30 ${String(rng.int(10_000_000)).padStart(7, '0')}`,
            address: {
              street: `${rng.int(200) + 1} Market Street`,
              city,
              postalCode: String(10000 + rng.int(89999)),
              country: 'DE',
            },
            segment: rng.pick(['smb', 'mid-market', 'enterprise']),
            registeredAt: at,
          },
        };
      case 1:
        return {
          type: 'ContactDetailsChanged',
          data: {
            customerId,
            email: `${first}.${last}.${rng.int(100000)}@example.org`.toLowerCase(),
            phone: `+1 512 ${String(rng.int(10_000_000)).padStart(7, '0')}`,
            previous: { email: `${last}.${rng.int(1000)}@example.net`.toLowerCase() },
            address: {
              street: `${rng.int(900) + 1} Harbour Road`,
              city,
              postalCode: String(10000 + rng.int(89999)),
              country: 'PT',
            },
            verified: rng.next() < 0.5,
            changedFields: ['email', 'phone', 'address'],
          },
        };
      case 2:
        return {
          type: 'NoteAdded',
          data: {
            customerId,
            noteId: rng.uuid(),
            author: `${first} ${last}`,
            body: LOREM.slice(0, 140 + rng.int(120)),
            pinned: rng.next() < 0.1,
          },
        };
      case 3:
        return {
          type: 'DealOpened',
          data: {
            customerId,
            dealId: rng.uuid(),
            title: `${city} office expansion — ${rng.int(50) + 1} seats`,
            amount: { value: rng.int(500_000) / 100 + 1000, currency: 'EUR' },
            stage: 'qualified',
            owner: `${first} ${last}`,
            expectedCloseDate: new Date(BASE_TIME + rng.int(180) * 86_400_000).toISOString().slice(0, 10),
            lineItems: [
              { sku: `SEAT-${rng.int(9)}`, quantity: rng.int(40) + 1 },
              { sku: 'ONBOARDING', quantity: 1 },
            ],
          },
        };
      case 4:
        return {
          type: 'DealStageChanged',
          data: {
            customerId,
            dealId: rng.uuid(),
            from: rng.pick(STAGES),
            to: rng.pick(STAGES),
            probability: rng.int(100),
            changedBy: `${first} ${last}`,
            comment: LOREM.slice(0, 120 + rng.int(100)),
          },
        };
      default:
        return {
          type: 'ConsentGranted',
          data: {
            customerId,
            consentId: rng.uuid(),
            channel: rng.pick(CHANNELS),
            purposes: ['marketing', 'product-updates', rng.pick(['events', 'surveys', 'partners'])],
            tags: [rng.pick(TAGS), rng.pick(TAGS)],
            capturedVia: {
              form: 'preferences-center',
              ip: `10.${rng.int(255)}.${rng.int(255)}.${rng.int(255)}`,
              userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
            },
            grantedAt: at,
          },
        };
    }
  }
}

/** One append call of the batched workload: `size` events to one stream at a known revision. */
export interface Batch {
  readonly streamIndex: number;
  readonly events: readonly NewEvent[];
}

/**
 * Workload (a): `total` events in calls of `batchSize` events; call i goes to stream i mod streams.
 * Events are generated lazily per batch so a 200k-event run does not hold 3 copies in memory.
 */
export function* batches(
  factory: EventFactory,
  streams: readonly string[],
  total: number,
  batchSize: number,
): Generator<Batch> {
  let n = 0;
  for (let call = 0; n < total; call++) {
    const streamIndex = call % streams.length;
    const size = Math.min(batchSize, total - n);
    const events: NewEvent[] = [];
    for (let i = 0; i < size; i++, n++) events.push(factory.event(n, streams[streamIndex] as string));
    yield { streamIndex, events };
  }
}

/** One single-event append of workload (b). */
export interface SingleAppend {
  readonly streamIndex: number;
  readonly event: NewEvent;
}

/**
 * Workload (b): `total` single-event appends spread round-robin over the streams, split between
 * `callers` concurrent callers. Caller c owns the streams with index ≡ c (mod callers), so no two
 * callers ever race on one stream and every append can carry an exact expected revision.
 * Event numbers start at `firstEventNumber` so ids never collide with workload (a).
 */
export function callerQueues(
  factory: EventFactory,
  streams: readonly string[],
  total: number,
  callers: number,
  firstEventNumber: number,
): SingleAppend[][] {
  const queues: SingleAppend[][] = Array.from({ length: callers }, () => []);
  for (let i = 0; i < total; i++) {
    const streamIndex = i % streams.length;
    const event = factory.event(firstEventNumber + i, streams[streamIndex] as string);
    (queues[streamIndex % callers] as SingleAppend[]).push({ streamIndex, event });
  }
  return queues;
}
