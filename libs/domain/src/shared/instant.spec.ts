import { InvalidInputError } from './domain-error';
import { addDays, isIsoInstant, normalizeInstant, requireInstant, toEpochMs } from './instant';

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

  describe('toEpochMs reads the stored form itself and agrees with Date.parse', () => {
    const sameAsDateParse = (value: string) => expect(toEpochMs(value)).toStrictEqual(Date.parse(value));

    it('on instants spread over the years 0000-9999', () => {
      let seed = 20_261_205;
      const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const [first, last] = [Date.parse('0000-01-01T00:00:00.000Z'), Date.parse('9999-12-31T23:59:59.999Z')];
      for (let i = 0; i < 20_000; i++) {
        sameAsDateParse(new Date(first + Math.floor(next() * (last - first))).toISOString());
      }
    });

    it.each([
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2100-02-28T23:59:59.999Z',
      '2026-12-31T23:59:59.999Z',
    ])('on the edge %p', sameAsDateParse);

    it.each([
      '2026-02-29T00:00:00.000Z',
      '2100-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-13-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-10T24:00:00.000Z',
      '2026-01-10T23:60:00.000Z',
      '2026-01-10T23:00:60.000Z',
      '2026-01-1xT00:00:00.000Z',
      '2026-01-10 00:00:00.000Z',
      '2026-01-10T00:00:00.000+',
      '2026-01-10T00:00:00Z',
      '2026-01-10T03:00:00.000+03:00',
      '2026-01-10T00:00:00.0000',
      'not an instant at all ok',
    ])('and leaves %p to it', sameAsDateParse);
  });
});
