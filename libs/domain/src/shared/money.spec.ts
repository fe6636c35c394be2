import { InvalidInputError } from './domain-error';
import { addMoney, money, requireMoney, requirePositiveMoney, subtractMoney } from './money';

describe('Money', () => {
  it('accepts an integer amount of kuruş with an ISO currency', () => {
    expect(money(12_550, 'TRY')).toEqual({ amount: 12_550, currency: 'TRY' });
  });

  it('accepts zero', () => {
    expect(money(0, 'EUR')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it.each([
    ['a fraction', 125.5],
    ['a negative amount', -1],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '100'],
  ])('rejects %s', (_label, amount) => {
    expect(() => money(amount, 'TRY')).toThrow(InvalidInputError);
  });

  it.each(['try', 'TL', 'TRYY', '', 949])('rejects the currency %p', (currency) => {
    expect(() => money(100, currency)).toThrow(InvalidInputError);
  });

  it('names the offending field', () => {
    expect(() => requireMoney('price', { amount: 1.5, currency: 'TRY' })).toThrow('price.amount');
  });

  it('rejects something that is not an object', () => {
    expect(() => requireMoney('amount', 100)).toThrow(InvalidInputError);
    expect(() => requireMoney('amount', null)).toThrow(InvalidInputError);
  });

  it('requires a positive amount where zero makes no sense', () => {
    expect(() => requirePositiveMoney('amount', { amount: 0, currency: 'TRY' })).toThrow('greater than zero');
  });

  it('adds and subtracts within one currency', () => {
    expect(addMoney(money(100, 'TRY'), money(50, 'TRY'))).toEqual(money(150, 'TRY'));
    expect(subtractMoney(money(100, 'TRY'), money(50, 'TRY'))).toEqual(money(50, 'TRY'));
  });

  it('refuses to mix currencies or go negative', () => {
    expect(() => addMoney(money(100, 'TRY'), money(50, 'EUR'))).toThrow(InvalidInputError);
    expect(() => subtractMoney(money(100, 'TRY'), money(50, 'EUR'))).toThrow(InvalidInputError);
    expect(() => subtractMoney(money(50, 'TRY'), money(100, 'TRY'))).toThrow(InvalidInputError);
  });
});
