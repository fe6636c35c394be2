import { createHash } from 'node:crypto';
import {
  decideCustomer,
  decideOpportunity,
  evolveCustomer,
  evolveOpportunity,
  initialCustomerState,
  initialOpportunityState,
  type CustomerEvent,
  type CustomerState,
  type OpportunityState,
  type Tier,
} from '@crm/domain';
import { DEFAULT_DEMO_DATA_OPTIONS, demoCommands, demoCustomerIds, type DemoCommand } from '@crm/demo-data';

const take = (count: number, options: Parameters<typeof demoCommands>[0]): DemoCommand[] => {
  const taken: DemoCommand[] = [];
  for (const command of demoCommands(options)) {
    if (taken.length === count) {
      break;
    }
    taken.push(command);
  }
  return taken;
};

const hashOf = (commands: readonly DemoCommand[]): string =>
  createHash('sha256').update(JSON.stringify(commands)).digest('hex');

interface Replay {
  readonly rejections: string[];
  readonly commandTypes: Set<string>;
  readonly eventTypes: Set<string>;
  readonly tiers: Map<string, Tier>;
  readonly eventCount: number;
}

const replay = (commands: Iterable<DemoCommand>): Replay => {
  const customers = new Map<string, CustomerState>();
  const opportunities = new Map<string, OpportunityState>();
  const result = {
    rejections: [] as string[],
    commandTypes: new Set<string>(),
    eventTypes: new Set<string>(),
  };
  const tiers = new Map<string, Tier>();
  let eventCount = 0;
  const record = (events: readonly { type: string }[]): void => {
    eventCount += events.length;
    events.forEach((event) => result.eventTypes.add(event.type));
  };
  for (const { aggregate, command, commandId } of commands) {
    result.commandTypes.add(command.type);
    const occurredAt = command.occurredAt ?? '';
    try {
      if (aggregate === 'customer') {
        const state = customers.get(command.customerId) ?? initialCustomerState();
        const events: CustomerEvent[] = decideCustomer(command, state, { now: occurredAt });
        record(events);
        const next = events.reduce((s, event) => evolveCustomer(s, { ...event, occurredAt }), state);
        customers.set(command.customerId, next);
        tiers.set(command.customerId, next.status === 'registered' ? next.tier : 'bronze');
      } else {
        const state = opportunities.get(command.opportunityId) ?? initialOpportunityState();
        const events = decideOpportunity(command, state, { now: occurredAt });
        record(events);
        opportunities.set(
          command.opportunityId,
          events.reduce((s, event) => evolveOpportunity(s, { ...event, occurredAt }), state),
        );
      }
    } catch (error) {
      result.rejections.push(`${commandId} ${command.type}: ${(error as Error).message}`);
    }
  }
  return { ...result, tiers, eventCount };
};

describe('demoCommands', () => {
  describe('given the same options', () => {
    it('when generated twice, then yields the identical sequence', () => {
      const options = { customers: 500, seed: 7 };
      expect(hashOf(take(3_000, options))).toBe(hashOf(take(3_000, options)));
    });

    it('when the seed differs, then yields a different sequence', () => {
      expect(hashOf(take(3_000, { customers: 500, seed: 7 }))).not.toBe(
        hashOf(take(3_000, { customers: 500, seed: 8 })),
      );
    });
  });

  describe('given a 300-customer run', () => {
    let commands: DemoCommand[];
    let outcome: Replay;

    beforeAll(() => {
      commands = [...demoCommands({ customers: 300 })];
      outcome = replay(commands);
    });

    it('when replayed through the real deciders, then every command is accepted', () => {
      expect(outcome.rejections).toEqual([]);
    });

    it('then occurredAt never decreases and stays within [from, to]', () => {
      const instants = commands.map(({ command }) => Date.parse(command.occurredAt ?? ''));
      expect(instants.every((at, i) => i === 0 || at >= instants[i - 1])).toBe(true);
      expect(Math.min(...instants)).toBeGreaterThanOrEqual(Date.parse(DEFAULT_DEMO_DATA_OPTIONS.from));
      expect(Math.max(...instants)).toBeLessThanOrEqual(Date.parse(DEFAULT_DEMO_DATA_OPTIONS.to));
    });

    it('then every commandId is unique and a valid id', () => {
      const ids = commands.map(({ commandId }) => commandId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
    });

    it('then every customer of demoCustomerIds registers exactly once', () => {
      const registered = commands.filter(({ command }) => command.type === 'RegisterCustomer');
      expect(
        registered.map(({ command }) => (command.type === 'RegisterCustomer' ? command.customerId : '')),
      ).toEqual(demoCustomerIds({ customers: 300 }));
    });

    it('then the mix holds every kind of command the demo uses', () => {
      expect([...outcome.commandTypes].sort()).toEqual(
        [
          'RegisterCustomer',
          'AdvanceStage',
          'GrantConsent',
          'WithdrawConsent',
          'RecordPurchase',
          'ReturnPurchase',
          'OpenComplaint',
          'ResolveComplaint',
          'ReopenComplaint',
          'RecordCampaignSent',
          'RecordCampaignOpened',
          'RecordCampaignClicked',
          'AnswerNps',
          'AnswerSatisfaction',
          'OpenOpportunity',
          'AdvanceOpportunityStage',
          'WinOpportunity',
          'LoseOpportunity',
        ].sort(),
      );
    });

    it('then some customers climb above bronze and stages reach loyal, advocate and churned', () => {
      const tiers = [...outcome.tiers.values()];
      expect(tiers.filter((tier) => tier !== 'bronze').length).toBeGreaterThan(10);
      expect(tiers).toContain('gold');
      const stagesReached = new Set(
        commands.flatMap(({ command }) => (command.type === 'AdvanceStage' ? [command.data.to] : [])),
      );
      expect([...stagesReached].sort()).toEqual(['advocate', 'churned', 'loyal', 'prospect']);
    });
  });

  describe('given the default 10,000 customers', () => {
    it('when iterated without keeping the commands, then the count lies in the expected range', () => {
      let count = 0;
      for (const _command of demoCommands()) {
        count += 1;
      }
      expect(count).toBeGreaterThan(160_000);
      expect(count).toBeLessThan(220_000);
    });
  });
});
