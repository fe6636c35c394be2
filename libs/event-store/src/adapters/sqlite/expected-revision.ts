import type { ExpectedRevision } from '../../event-store';

/** Whether a stream whose last revision is `current` (-1 when it has no events) satisfies `expected`. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return expected === current;
  }
}
