import { evaluateCondition } from './condition';
import type { Condition, RuleFacts } from './rule';

const facts: RuleFacts = {
  event: { type: 'Complained', data: { complaintId: 'k1', slaHours: 72 } },
  customer: {
    tier: 'gold',
    netSpend: 1_500_000,
    lastPurchaseAt: '2026-03-01T00:00:00.000Z',
    erasedAt: null,
    complaints: { open: [{ complaintId: 'k1' }] },
  },
};
const holds = (condition: Condition, on: RuleFacts = facts) => evaluateCondition(condition, on);

describe('the condition language', () => {
  it.each<[string, Condition, boolean]>([
    ['eq on the event type', { path: 'event.type', eq: 'Complained' }, true],
    ['eq on another value', { path: 'customer.tier', eq: 'silver' }, false],
    ['eq does not coerce', { path: 'event.data.slaHours', eq: '72' }, false],
    ['in with the value listed', { path: 'customer.tier', in: ['gold', 'platinum'] }, true],
    ['in without it', { path: 'customer.tier', in: ['bronze', 'silver'] }, false],
    ['gte at the bound', { path: 'customer.netSpend', gte: 1_500_000 }, true],
    ['gte above the value', { path: 'customer.netSpend', gte: 1_500_001 }, false],
    ['lte at the bound', { path: 'event.data.slaHours', lte: 72 }, true],
    ['lte below the value', { path: 'event.data.slaHours', lte: 71 }, false],
    [
      'gte on ISO instants as strings',
      { path: 'customer.lastPurchaseAt', gte: '2026-01-01T00:00:00Z' },
      true,
    ],
    ['gte never matches across types', { path: 'customer.tier', gte: 0 }, false],
    ['lte never matches a missing value', { path: 'customer.missing', lte: 10 }, false],
    ['exists on a present value', { path: 'event.data.complaintId', exists: true }, true],
    ['exists on null', { path: 'customer.erasedAt', exists: true }, false],
    ['exists: false on a missing value', { path: 'customer.nps.score', exists: false }, true],
    ['a path into an array', { path: 'customer.complaints.open.0.complaintId', eq: 'k1' }, true],
  ])('%s', (_case, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });

  it('combines with all, any and not', () => {
    const gold = { path: 'customer.tier', eq: 'gold' };
    const silver = { path: 'customer.tier', eq: 'silver' };
    expect(holds({ all: [gold, { path: 'event.type', eq: 'Complained' }] })).toBe(true);
    expect(holds({ all: [gold, silver] })).toBe(false);
    expect(holds({ any: [silver, gold] })).toBe(true);
    expect(holds({ not: gold })).toBe(false);
    expect(holds({ not: { any: [silver] } })).toBe(true);
  });

  it('holds for an empty all and not for an empty any', () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
  });

  it('treats an unknown customer as having no fields', () => {
    const unknownCustomer = { ...facts, customer: null };
    expect(holds({ path: 'customer.tier', in: ['gold', 'platinum'] }, unknownCustomer)).toBe(false);
    expect(holds({ path: 'customer.tier', exists: false }, unknownCustomer)).toBe(true);
  });

  it('reads only own properties, never the prototype chain', () => {
    expect(holds({ path: 'customer.toString', exists: true })).toBe(false);
    expect(holds({ path: 'customer.tier.length', exists: true })).toBe(false);
  });
});
