import { InvalidInputError } from './domain-error';
import { addDays, isIsoInstant, requireInstant } from './instant';

describe('instants', () => {
  it.each([
    '2026-01-31T09:00:00Z',
    '2026-01-31T09:00:00.123Z',
    '2026-01-31T12:00:00+03:00',
    '2026-01-31T09:00Z',
  ])('accepts %p', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each(['2026-01-31', '2026-01-31T09:00:00', 'yesterday', '2026-13-45T99:00:00Z', 1_700_000_000_000])(
    'rejects %p',
    (value) => {
      expect(isIsoInstant(value)).toBe(false);
      expect(() => requireInstant('asOf', value)).toThrow(InvalidInputError);
    },
  );

  it('adds whole days in UTC', () => {
    expect(addDays('2026-01-31T09:00:00Z', 30)).toBe('2026-03-02T09:00:00.000Z');
    expect(addDays('2026-01-31T12:00:00+03:00', 1)).toBe('2026-02-01T09:00:00.000Z');
  });
});
