import { commandTime } from './command-time';

describe('commandTime', () => {
  const context = { now: '2026-06-01T12:00:00Z' };

  it('is the context’s now for a command without its own time', () => {
    expect(commandTime({}, context)).toBe('2026-06-01T12:00:00Z');
  });

  it('is the command’s own occurredAt when given, as for a backdated import', () => {
    expect(commandTime({ occurredAt: '2025-01-01T00:00:00Z' }, context)).toBe('2025-01-01T00:00:00Z');
  });

  it('refuses an occurredAt that is not an instant', () => {
    expect(() => commandTime({ occurredAt: 'last week' }, context)).toThrow('occurredAt');
  });

  it('refuses a context without a valid now', () => {
    expect(() => commandTime({}, { now: '' })).toThrow('now');
  });
});
