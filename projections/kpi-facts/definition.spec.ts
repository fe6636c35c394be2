import { history, TRY } from './kpi-facts.fixtures';
import { kpiFacts } from './definition';

describe('kpi-facts projection', () => {
  const h = history();
  h.on('c1', 'Complained', '2026-03-02T00:00:00Z', {
    complaintId: 'k1',
    slaHours: 48,
    description: 'secret text',
  });
  h.on('c1', 'Purchased', '2026-03-03T00:00:00Z', { purchaseId: 'p1', amount: TRY(5_000) });
  h.on('c1', 'PurchaseReturned', '2026-03-05T00:00:00Z', { purchaseId: 'p1', amount: TRY(1_000) });
  h.deal('o1', 'OpportunityOpened', '2026-03-04T00:00:00Z', {
    opportunityId: 'o1',
    customerId: 'c1',
    amount: TRY(9),
    stage: 'proposal',
    probability: 50,
  });
  const { facts } = h.input();
  const byId = Object.fromEntries(facts.map((fact) => [`${fact.kind}:${fact.subject}`, fact]));

  it('then each complaint, purchase and opportunity is one fact with its kind, customer and period instants', () => {
    expect(byId['complaint:k1']).toMatchObject({
      customerId: 'c1',
      atMs: null,
      openedAt: '2026-03-02T00:00:00Z',
    });
    expect(byId['purchase:p1']).toMatchObject({
      customerId: 'c1',
      amount: 5_000,
      atMs: Date.parse('2026-03-03T00:00:00Z'),
      endMs: Date.parse('2026-03-05T00:00:00Z'),
      returns: [{ at: '2026-03-05T00:00:00Z', amount: 1_000 }],
    });
    expect(byId['opportunity:o1']).toMatchObject({
      customerId: 'c1',
      stages: [{ stage: 'proposal', probability: 50 }],
    });
  });

  it('then free text is not copied and a redelivered event is applied once', () => {
    expect(JSON.stringify(facts)).not.toContain('secret text');
    const [, purchased, returned] = h.events();
    const fact = byId['purchase:p1'];
    expect(kpiFacts.evolve(fact, returned)).toBe(fact);
    expect(kpiFacts.evolve(fact, purchased)).toBe(fact);
  });
});
