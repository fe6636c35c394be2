import { validate, version } from 'uuid';
import { eventId } from './event-id';

describe('eventId', () => {
  it('is a version 5 UUID', () => {
    const id = eventId('cmd-1', 0);
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
  });

  it('is the same for the same command and index, so a retried command appends the same ids', () => {
    expect(eventId('cmd-1', 0)).toBe(eventId('cmd-1', 0));
  });

  it('differs by index and by command', () => {
    expect(eventId('cmd-1', 0)).not.toBe(eventId('cmd-1', 1));
    expect(eventId('cmd-1', 0)).not.toBe(eventId('cmd-2', 0));
  });

  it('is stable across releases', () => {
    expect(eventId('cmd-1', 0)).toBe('9b6a6638-4ef1-5ddf-bf00-3e934fc5d7bb');
  });
});
