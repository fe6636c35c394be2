import type { ProjectionDefinition } from '@crm/domain';
import { DocumentFilterError, documentConditions } from './document-filter';

const customers = {
  name: 'customer-360',
  fields: [
    { path: 'tier', type: 'string' },
    { path: 'churnRisk', type: 'boolean' },
    { path: 'netSpend', type: 'number' },
    { path: 'profile.nameLower', type: 'string' },
  ],
} as unknown as ProjectionDefinition;

const refusal = (filters: string[], definition: ProjectionDefinition = customers): string => {
  try {
    documentConditions(definition, filters);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentFilterError);
    return (error as Error).message;
  }
  throw new Error(`${filters.join(' ')} was accepted`);
};

describe('documentConditions: typed filters on the declared fields of a projection', () => {
  it('reads field=value as equality, the value typed by the declared field', () => {
    expect(
      documentConditions(customers, [
        'tier=gold',
        'churnRisk=true',
        'netSpend=150000',
        'profile.nameLower=ayşe',
      ]),
    ).toEqual([
      { field: 'tier', op: 'eq', value: 'gold' },
      { field: 'churnRisk', op: 'eq', value: true },
      { field: 'netSpend', op: 'eq', value: 150_000 },
      { field: 'profile.nameLower', op: 'eq', value: 'ayşe' },
    ]);
  });

  it('keeps everything after the first operator as the value, = signs and spaces included', () => {
    expect(documentConditions(customers, ['tier=a=b ', 'profile.nameLower='])).toEqual([
      { field: 'tier', op: 'eq', value: 'a=b ' },
      { field: 'profile.nameLower', op: 'eq', value: '' },
    ]);
  });

  it('reads several = on one field as any of those values, and different fields as all of them', () => {
    expect(documentConditions(customers, ['tier=gold', 'churnRisk=false', 'tier=platinum'])).toEqual([
      { field: 'tier', op: 'in', values: ['gold', 'platinum'] },
      { field: 'churnRisk', op: 'eq', value: false },
    ]);
  });

  it('reads >=, >, <=, < as range bounds and ^= as a string prefix', () => {
    expect(
      documentConditions(customers, [
        'netSpend>=100000',
        'netSpend<500000',
        'tier>b',
        'tier<=s',
        'profile.nameLower^=ay',
      ]),
    ).toEqual([
      { field: 'netSpend', op: 'range', gte: 100_000 },
      { field: 'netSpend', op: 'range', lt: 500_000 },
      { field: 'tier', op: 'range', gt: 'b' },
      { field: 'tier', op: 'range', lte: 's' },
      { field: 'profile.nameLower', op: 'prefix', value: 'ay' },
    ]);
  });

  it('takes no filter as no condition', () => {
    expect(documentConditions(customers, [])).toEqual([]);
  });

  it('refuses an undeclared field, naming the declared ones with their types', () => {
    expect(refusal(['email=a@example.com'])).toBe(
      'email is not a declared field: the filterable fields of customer-360 are tier (string), ' +
        'churnRisk (boolean), netSpend (number), profile.nameLower (string)',
    );
    expect(refusal(['tier=gold'], { name: 'bare' } as unknown as ProjectionDefinition)).toBe(
      'tier is not a declared field: bare declares no filterable field',
    );
  });

  it('refuses a value of the wrong type rather than reinterpreting it', () => {
    expect(refusal(['netSpend=abc'])).toBe('netSpend takes a number, got "abc"');
    // Number() would read these as 16, Infinity and 0.
    expect(refusal(['netSpend=0x10'])).toBe('netSpend takes a number, got "0x10"');
    expect(refusal(['netSpend=Infinity'])).toBe('netSpend takes a number, got "Infinity"');
    expect(refusal(['netSpend='])).toBe('netSpend takes a number, got ""');
    expect(refusal(['churnRisk=yes'])).toBe('churnRisk takes true or false, got "yes"');
  });

  it('refuses operators a field type has no meaning for', () => {
    expect(refusal(['churnRisk>false'])).toBe('churnRisk is a boolean: it takes = only, not >');
    expect(refusal(['netSpend^=1'])).toBe('netSpend is a number: ^= (prefix) takes a string field');
  });

  it('refuses text that is no filter', () => {
    expect(refusal(['tier'])).toBe(
      '"tier" is not a filter: write field=value (or >=, >, <=, <, ^= for a prefix)',
    );
    expect(refusal(['=gold'])).toContain('is not a filter');
    expect(refusal(['tier[$ne]=x'])).toContain('is not a filter');
  });
});
