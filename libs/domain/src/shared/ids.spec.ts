import { InvalidInputError } from './domain-error';
import { customerStream, isValidId, opportunityStream, parseStreamName, requireId } from './ids';

describe('ids', () => {
  it.each(['c1', 'CUST_0001', 'a-b-c', 'x'.repeat(64)])('accepts %p', (id) => {
    expect(isValidId(id)).toBe(true);
    expect(requireId('customerId', id)).toBe(id);
  });

  it.each(['', 'x'.repeat(65), 'has space', 'ünal', 'a/b', 'a.b', 42, undefined])('rejects %p', (id) => {
    expect(isValidId(id)).toBe(false);
    expect(() => requireId('customerId', id)).toThrow(InvalidInputError);
  });

  it('names customer and opportunity streams', () => {
    expect(customerStream('c-42')).toBe('customer-c-42');
    expect(opportunityStream('o_7')).toBe('opportunity-o_7');
  });

  it('refuses to build a stream name from an invalid id', () => {
    expect(() => customerStream('bad id')).toThrow(InvalidInputError);
    expect(() => opportunityStream('')).toThrow(InvalidInputError);
  });

  it('parses stream names back into category and id, ids with dashes included', () => {
    expect(parseStreamName('customer-c-42')).toEqual({ category: 'customer', id: 'c-42' });
    expect(parseStreamName('opportunity-o_7')).toEqual({ category: 'opportunity', id: 'o_7' });
  });

  it.each(['customer-', 'order-1', 'customer-bad id', '$all', 'customers-1x'])(
    'does not parse %p',
    (name) => {
      expect(parseStreamName(name)).toBeNull();
    },
  );
});
