import { InvalidInputError } from './domain-error';
import { addDays, isIsoInstant, normalizeInstant, requireInstant } from './instant';

describe('instants', () => {
  it.each([
    '2026-01-31T09:00:00Z',
    '2026-01-31T09:00:00.123Z',
    '2026-01-31T12:00:00+03:00',
    '2026-01-31T09:00Z',
  ])('accepts %p', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    '2026-01-31',
    '2026-01-31T09:00:00',
    'yesterday',
    '2026-13-45T99:00:00Z',
    1_700_000_000_000,
    '2026-02-30T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T00:00:00+24:00',
    '9999-12-31T23:00:00-05:00',
    '2026-01-01 09:00:00Z',
    ' 2026-01-01T09:00:00Z',
  ])('rejects %p', (value) => {
    expect(isIsoInstant(value)).toBe(false);
    expect(() => requireInstant('asOf', value)).toThrow(InvalidInputError);
  });

  it.each([
    ['2026-03-01T12:00:00+03:00', '2026-03-01T09:00:00.000Z'],
    ['2028-02-29T23:30:00-01:00', '2028-03-01T00:30:00.000Z'],
    ['2026-01-31T09:00Z', '2026-01-31T09:00:00.000Z'],
    ['2026-01-31T09:00:00.123456789Z', '2026-01-31T09:00:00.123Z'],
  ])('normalises %p to UTC: %p', (value, utc) => {
    expect(normalizeInstant(value)).toBe(utc);
  });

  it('adds whole days in UTC', () => {
    expect(addDays('2026-01-31T09:00:00Z', 30)).toBe('2026-03-02T09:00:00.000Z');
    expect(addDays('2026-01-31T12:00:00+03:00', 1)).toBe('2026-02-01T09:00:00.000Z');
  });
});
