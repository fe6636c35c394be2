import { InvalidInputError } from '@crm/domain';
import { DEFAULT_OCCURRED_AT_TOLERANCE_MS, refuseFutureOccurredAt } from './occurred-at-horizon';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const refusal = (occurredAt: string | undefined, toleranceMs = DEFAULT_OCCURRED_AT_TOLERANCE_MS) => {
  try {
    refuseFutureOccurredAt(occurredAt, NOW, toleranceMs);
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('the occurredAt horizon of a command', () => {
  it('given a clock at 12:00:00 and 5 minutes of tolerance, accepts a fact at 12:05:00 exactly', () => {
    // 12:00:00 + 300 s = 12:05:00, the last instant accepted.
    expect(refusal('2026-06-01T12:05:00.000Z')).toBeUndefined();
  });

  it('refuses a fact one millisecond past 12:05:00, naming occurredAt', () => {
    const error = refusal('2026-06-01T12:05:00.001Z');
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'occurredAt' });
  });

  it('refuses a purchase dated a year ahead', () => {
    expect(refusal('2027-06-01T00:00:00.000Z')).toMatchObject({ field: 'occurredAt' });
  });

  it('compares instants, not strings: 15:04:00+03:00 is 12:04:00Z and accepted', () => {
    expect(refusal('2026-06-01T15:04:00+03:00')).toBeUndefined();
  });

  it('accepts past facts and commands without occurredAt (they happen now)', () => {
    expect(refusal('2024-01-01T00:00:00.000Z')).toBeUndefined();
    expect(refusal(undefined)).toBeUndefined();
  });

  it('follows a configured tolerance: with 0 s, 12:00:00.001 is refused', () => {
    expect(refusal('2026-06-01T12:00:00.001Z', 0)).toMatchObject({ field: 'occurredAt' });
    expect(refusal('2026-06-01T12:00:00.000Z', 0)).toBeUndefined();
  });
});
