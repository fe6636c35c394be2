import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '@crm/application';
import type { Tier } from '@crm/domain';
import { collectionName } from '@crm/projection-runtime';
import {
  emptyLoyaltyTier,
  loyaltyTier,
  LOYALTY_TIER_FIELDS,
  type LoyaltyTierDocument,
} from '@crm/projections/loyalty-tier';
import { type JsonObject, SqliteReadStore } from '@crm/read-store';
import type { ExecuteCustomerCommand } from '../commands/execute-command';
import { TierReviewService } from './tier-review.service';

const AS_OF = '2025-03-01T10:00:00.000Z';
const LAPSED = 1_001; // more than two pages of 500
const FAILING = 'lapsed-0500';

const doc = (customerId: string, tier: Tier, overrides: Partial<LoyaltyTierDocument> = {}) => ({
  ...emptyLoyaltyTier(customerId),
  tier,
  ...overrides,
});

describe('TierReviewService over the SQLite read store', () => {
  let dir: string;
  let store: SqliteReadStore;
  const sent: ExecuteCustomerCommand[] = [];
  const bus = {
    execute: async (command: ExecuteCustomerCommand): Promise<CommandOutcome> => {
      sent.push(command);
      if (command.command.customerId === FAILING) throw new Error('customer_erased');
      return {
        commandId: command.commandId,
        streamId: `customer-${command.command.customerId}`,
        revision: 3,
        events: [{ id: 'e', type: 'TierDowngradeWarned', revision: 3, position: 1 }],
        replayed: false,
      };
    },
  } as unknown as CommandBus;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-tier-review-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await store.ensureCollection({ name: collectionName(loyaltyTier), fields: LOYALTY_TIER_FIELDS });
    await store.setAlias('loyalty_tier', collectionName(loyaltyTier));
    const lapsed = Array.from({ length: LAPSED }, (_, i) =>
      doc(`lapsed-${String(i).padStart(4, '0')}`, 'gold'),
    );
    const notDue = [
      doc('bronze', 'bronze'),
      doc('erased', 'gold', { listed: false, erased: true }),
      doc('floored', 'gold', { floor: 'gold' }),
      // 500,000 kuruş a day before AS_OF meets silver's 500,000.
      doc('steady', 'silver', {
        spend: { atMs: [Date.parse('2025-02-28T10:00:00.000Z')], amount: [500_000] },
      }),
    ];
    await store.bulkWrite(
      'loyalty_tier',
      [...lapsed, ...notDue].map((body) => ({
        kind: 'upsert' as const,
        document: { id: body.customerId, version: 1, body: body as unknown as JsonObject },
      })),
    );
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through every due customer once, counts a refusal as failed and goes on', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    const summary = await new TierReviewService(store, bus).review(AS_OF);

    expect(summary).toEqual({
      asOf: AS_OF,
      candidates: LAPSED,
      warned: LAPSED - 1,
      downgraded: 0,
      cancelled: 0,
      unchanged: 0,
      failed: 1,
      superseded: 0,
      replayed: 0,
    });
    expect(warn).toHaveBeenCalledWith(`review of ${FAILING} at ${AS_OF} failed: customer_erased`);
    const reviewed = sent.map((command) => command.command.customerId);
    expect(new Set(reviewed).size).toBe(LAPSED);
    expect(reviewed.every((id) => id.startsWith('lapsed-'))).toBe(true);
    expect(sent[0]).toMatchObject({
      command: { type: 'ReviewTier', customerId: 'lapsed-0000', occurredAt: AS_OF, data: { asOf: AS_OF } },
      context: { principal: { subject: 'tier-review', roles: ['service'], service: 'scheduler' } },
      commandId: 'tier-review-20250301T100000Z-lapsed-0000',
    });
  });
});

describe('TierReviewService while the alias still serves the previous loyalty-tier version', () => {
  it("reviews the customers of its own version's collection, never reading the older shape", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-tier-review-old-'));
    const store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    try {
      const write = async (collection: string, body: object) => {
        await store.ensureCollection({ name: collection, fields: LOYALTY_TIER_FIELDS });
        await store.bulkWrite(collection, [
          { kind: 'upsert', document: { id: 'c1', version: 1, body: body as JsonObject } },
        ]);
      };
      // Version 1 kept `{ at, amount, currency }` entries; this code reads `[atMs, amount]` pairs.
      await write(
        'loyalty_tier_v1',
        doc('c1', 'gold', { spend: [{ at: AS_OF, amount: 1, currency: 'TRY' }] as never }),
      );
      await store.setAlias('loyalty_tier', 'loyalty_tier_v1');
      await write(
        collectionName(loyaltyTier),
        doc('c1', 'gold', { spend: { atMs: [Date.parse(AS_OF)], amount: [1] } }),
      );
      const sent: string[] = [];
      const bus = {
        execute: async (command: ExecuteCustomerCommand) => {
          sent.push(command.command.customerId);
          return {
            commandId: command.commandId,
            streamId: 'customer-c1',
            revision: 1,
            events: [],
            replayed: false,
          };
        },
      } as unknown as CommandBus;

      const summary = await new TierReviewService(store, bus).review(AS_OF);

      expect(sent).toEqual(['c1']);
      expect(summary.candidates).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
