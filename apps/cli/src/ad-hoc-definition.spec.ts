import type { ProjectionDefinition } from '@crm/domain';
import { customerSpend } from '@crm/projections/customer-spend';
import { adHocDefinitionProblems } from './ad-hoc-definition';

const registered = [customerSpend as unknown as ProjectionDefinition];
const valid: ProjectionDefinition = {
  name: 'purchases-by-channel',
  version: 1,
  handles: ['Purchased', 'PurchaseReturned'],
  documentId: (event) => event.streamId,
  initial: () => ({}),
  evolve: (doc) => doc,
  fields: [{ path: 'totals.purchases', type: 'number' }],
};
const problems = (changes: Partial<ProjectionDefinition>): string[] =>
  adHocDefinitionProblems({ ...valid, ...changes } as ProjectionDefinition, registered);

describe('adHocDefinitionProblems', () => {
  it('finds none in a kebab-case definition of known event types with declared fields', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ fields: [] })).toEqual([]);
  });

  it('wants a kebab-case name the read store can take', () => {
    expect(problems({ name: 'Purchases_By_Channel' })).toEqual([
      'name: kebab-case (a-z, 0-9, single hyphens, a letter first), got "Purchases_By_Channel"',
    ]);
    expect(problems({ name: 'aliases' })).toEqual([
      'name: reserved by the read store, or too long (aliases_v1)',
    ]);
    expect(problems({ name: `p${'-x'.repeat(31)}` })).toHaveLength(1);
  });

  it('refuses the name of a registered projection, pointing at it', () => {
    expect(problems({ name: 'customer-spend' })).toEqual([
      'name: "customer-spend" is taken by the registered projection "customer-spend" (projections/), whose ' +
        'collections it would write; rename yours, or run `crm replay customer-spend`',
    ]);
  });

  it('wants a version ≥ 1 and at least one known event type', () => {
    expect(problems({ version: 0, handles: [] })).toEqual([
      'version: a whole number ≥ 1, got 0',
      'handles: at least one event type',
    ]);
    expect(problems({ handles: ['Purchased', 'Purchase'] })).toEqual([
      'handles: unknown event type "Purchase" (docs/events.md lists them)',
    ]);
  });

  it('wants fields declared, each a dot path with a type the read store indexes, once', () => {
    expect(problems({ fields: undefined })).toEqual([
      'fields: required, an array of { path, type } (may be empty)',
    ]);
    const fields = [
      { path: 'a..b', type: 'number' },
      { path: 'tier', type: 'date' },
      { path: 'tier', type: 'string' },
    ] as unknown as ProjectionDefinition['fields'];
    expect(problems({ fields })).toEqual([
      'fields[0].path: a dot path of identifiers, got "a..b"',
      'fields[1].type: string, number or boolean, got "date"',
      'fields[2].path: "tier" is declared twice',
    ]);
  });

  it('wants a fold to have both halves', () => {
    const fold = { step: (doc: object) => doc } as unknown as ProjectionDefinition['fold'];
    expect(problems({ fold })).toEqual(['fold: needs step and finalize functions']);
  });
});
