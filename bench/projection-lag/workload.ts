import {
  CONTACT_CHANNELS,
  CURRENT_SCHEMA_VERSIONS,
  customerStream,
  decideCustomer,
  evolveCustomer,
  initialCustomerState,
  stampEvents,
  type ContactChannel,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerState,
  type NewEvent,
} from '@crm/domain';

/** mulberry32: a small seeded PRNG, so two runs append the same events. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One decided command, ready for `EventStore.append(streamId, events, expectedRevision)`. */
export interface DecidedAppend {
  readonly customer: number;
  readonly command: CustomerCommand['type'];
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /** Revision of the stream's last event, or 'no_stream' for a registration. */
  readonly expectedRevision: number | 'no_stream';
}

interface Customer {
  readonly id: string;
  state: CustomerState;
  /** Revision of the last event decided for the stream; -1 before any. */
  revision: number;
  purchases: number;
  complaints: number;
  campaigns: number;
  surveys: number;
  consents: number;
  readonly openComplaints: string[];
  /** Campaigns sent and not yet opened, as `campaignId:channel`. */
  readonly unopened: { campaignId: string; channel: ContactChannel }[];
}

/** Relative weights of the measured-phase commands; a command that is not valid now falls back to a purchase. */
const MIX: readonly (readonly [CustomerCommand['type'], number])[] = [
  ['RecordPurchase', 60],
  ['OpenComplaint', 6],
  ['ResolveComplaint', 6],
  ['GrantConsent', 6],
  ['RecordCampaignSent', 10],
  ['RecordCampaignOpened', 7],
  ['AnswerNps', 5],
];
const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);

const consentedChannels = (customer: Customer): ContactChannel[] => {
  const state = customer.state;
  return state.status === 'registered'
    ? CONTACT_CHANNELS.filter((channel) => state.consents[`marketing:${channel}`] !== undefined)
    : [];
};

/** What a customer must have for the command to be valid; the others are valid for anyone registered. */
const REQUIRES: Partial<Record<CustomerCommand['type'], (customer: Customer) => boolean>> = {
  ResolveComplaint: (customer) => customer.openComplaints.length > 0,
  RecordCampaignSent: (customer) => consentedChannels(customer).length > 0,
  RecordCampaignOpened: (customer) => customer.unopened.length > 0,
};
/** Random customers tried for a command that needs some state, before falling back to a purchase. */
const MAX_PROBES = 64;

const ACTOR = { id: 'bench-projection-lag', kind: 'service', roles: ['service'] } as const;
const COMPLAINT_CATEGORIES = ['delivery', 'billing', 'product', 'service'] as const;

/**
 * A pool of customers whose commands go through the customer decider, as the API's command handler
 * would: decide on the current state, stamp, append with the expected revision, evolve. Time is
 * simulated (it starts at `startAt` and moves `stepMs` per command), so the events are the same on
 * every run with the same seed; only `recordedAt` and the positions come from the store.
 */
export class CustomerWorkload {
  private readonly random: () => number;
  private readonly customers: Customer[];
  private readonly stepMs: number;
  private clock: number;
  private commands = 0;

  constructor(options: {
    readonly customers: number;
    readonly seed: number;
    readonly startAt?: string;
    readonly stepMs?: number;
  }) {
    this.random = seededRandom(options.seed);
    this.clock = Date.parse(options.startAt ?? '2026-01-05T08:00:00.000Z');
    this.stepMs = options.stepMs ?? 15_000;
    this.customers = Array.from({ length: options.customers }, (_, i) => ({
      id: `bench-c${String(i).padStart(6, '0')}`,
      state: initialCustomerState(),
      revision: -1,
      purchases: 0,
      complaints: 0,
      campaigns: 0,
      surveys: 0,
      consents: 0,
      openComplaints: [],
      unopened: [],
    }));
  }

  /** The registration of customer `index` (setup phase). */
  register(index: number): DecidedAppend {
    const customer = this.customers[index];
    const n = index + 1;
    return this.decide(customer, index, {
      type: 'RegisterCustomer',
      customerId: customer.id,
      data: {
        name: `Bench Customer ${n}`,
        email: `customer${n}@bench.example.com`,
        registeredVia: this.random() < 0.7 ? 'web' : 'store',
      },
    });
  }

  /** Marketing consent on one channel for customer `index` (setup phase). */
  consent(index: number, channel: ContactChannel = 'email'): DecidedAppend {
    const customer = this.customers[index];
    return this.decide(customer, index, this.grantConsent(customer, channel));
  }

  /**
   * The next measured-phase command: a type drawn from the mix, for a random customer it is valid
   * for. The state is evolved as soon as it is decided, so several appends for one customer may be in
   * flight, each expecting the revision the previous one leaves (the store applies them in order).
   */
  next(): DecidedAppend {
    const type = this.pickType();
    const needs = REQUIRES[type];
    let index = this.randomCustomer();
    if (needs !== undefined) {
      let probes = 0;
      while (!needs(this.customers[index]) && ++probes < MAX_PROBES) index = this.randomCustomer();
      if (probes === MAX_PROBES) return this.decideFor(index, 'RecordPurchase');
    }
    return this.decideFor(index, type);
  }

  private randomCustomer(): number {
    return Math.floor(this.random() * this.customers.length);
  }

  private pickType(): CustomerCommand['type'] {
    let roll = this.random() * MIX_TOTAL;
    for (const [candidate, weight] of MIX) {
      if (roll < weight) return candidate;
      roll -= weight;
    }
    return 'RecordPurchase';
  }

  private decideFor(index: number, type: CustomerCommand['type']): DecidedAppend {
    const customer = this.customers[index];
    return this.decide(customer, index, this.command(customer, type));
  }

  private grantConsent(customer: Customer, channel: ContactChannel): CustomerCommand {
    return {
      type: 'GrantConsent',
      customerId: customer.id,
      data: {
        purpose: 'marketing',
        channel,
        legalBasis: 'explicit_consent',
        source: 'web-preferences',
        evidenceRef: `ev-${customer.id}-${++customer.consents}`,
      },
    };
  }

  private command(customer: Customer, type: CustomerCommand['type']): CustomerCommand {
    const customerId = customer.id;
    switch (type) {
      case 'OpenComplaint': {
        const complaintId = `k${++customer.complaints}`;
        customer.openComplaints.push(complaintId);
        return {
          type,
          customerId,
          data: {
            complaintId,
            category: COMPLAINT_CATEGORIES[Math.floor(this.random() * COMPLAINT_CATEGORIES.length)],
            description: 'Order arrived late and the box was damaged.',
            channel: this.random() < 0.5 ? 'call' : 'email',
          },
        };
      }
      case 'ResolveComplaint':
        return {
          type,
          customerId,
          data: {
            complaintId: customer.openComplaints.shift() as string,
            firstContact: this.random() < 0.6,
            resolution: 'Refunded the shipping fee.',
          },
        };
      case 'GrantConsent':
        return this.grantConsent(
          customer,
          CONTACT_CHANNELS[Math.floor(this.random() * CONTACT_CHANNELS.length)],
        );
      case 'RecordCampaignSent': {
        const channels = consentedChannels(customer);
        const channel = channels[Math.floor(this.random() * channels.length)];
        const campaignId = `camp${++customer.campaigns}`;
        customer.unopened.push({ campaignId, channel });
        return { type, customerId, data: { campaignId, channel } };
      }
      case 'RecordCampaignOpened':
        return {
          type,
          customerId,
          data: customer.unopened.shift() as { campaignId: string; channel: ContactChannel },
        };
      case 'AnswerNps':
        return {
          type,
          customerId,
          data: { surveyId: `nps${++customer.surveys}`, score: Math.floor(this.random() * 11) },
        };
      default:
        return {
          type: 'RecordPurchase',
          customerId,
          data: {
            purchaseId: `p${++customer.purchases}`,
            // 50-5,000 TRY, in kuruş.
            amount: { amount: 5_000 + Math.floor(this.random() * 495_000), currency: 'TRY' },
            channel: this.random() < 0.5 ? 'web' : 'store',
          },
        };
    }
  }

  /**
   * Decides on the customer's state, stamps the events and evolves the state at once (the append is
   * made with the expected revision; a rejected one fails the run).
   */
  private decide(customer: Customer, index: number, command: CustomerCommand): DecidedAppend {
    this.clock += this.stepMs;
    const now = new Date(this.clock).toISOString();
    const decided: CustomerEvent[] = decideCustomer(command, customer.state, { now });
    if (decided.length === 0) throw new Error(`${command.type} for ${customer.id} decided no events`);
    const commandId = `bench-cmd-${++this.commands}`;
    const events = stampEvents(decided, {
      occurredAt: now,
      schemaVersions: CURRENT_SCHEMA_VERSIONS,
      metadata: {
        actor: ACTOR,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        source: 'bench-projection-lag',
      },
    });
    const expectedRevision = customer.revision < 0 ? ('no_stream' as const) : customer.revision;
    for (const event of decided)
      customer.state = evolveCustomer(customer.state, { ...event, occurredAt: now });
    customer.revision += events.length;
    return {
      customer: index,
      command: command.type,
      streamId: customerStream(customer.id),
      events,
      expectedRevision,
    };
  }
}
