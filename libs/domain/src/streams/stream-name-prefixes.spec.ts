import { accessLogStream, SHARED_ACCESS_LOG_STREAM } from '../data-access/sensitive-record-viewed';
import { customerStream, opportunityStream, parseStreamName, STREAM_CATEGORIES } from '../shared/ids';
import { STREAM_NAME_PREFIXES } from './stream-name-prefixes';

describe('stream name prefixes', () => {
  const named = [
    customerStream('c-1'),
    opportunityStream('o-1'),
    accessLogStream('c-1'),
    accessLogStream(null),
  ];

  it.each(named)('cover %p, a stream the domain names', (stream) => {
    expect(STREAM_NAME_PREFIXES.some((prefix) => stream.startsWith(prefix))).toBe(true);
  });

  it('hold the access logs, per customer and shared, which the log must carry to the audit trail', () => {
    expect(STREAM_NAME_PREFIXES).toEqual(
      expect.arrayContaining(['customer-', 'opportunity-', 'access-', SHARED_ACCESS_LOG_STREAM]),
    );
  });

  it('are one per category plus the shared access log, and nothing else', () => {
    expect(STREAM_NAME_PREFIXES).toHaveLength(STREAM_CATEGORIES.length + 1);
    for (const prefix of STREAM_NAME_PREFIXES) {
      if (prefix === SHARED_ACCESS_LOG_STREAM) continue;
      expect(parseStreamName(`${prefix}x`)?.category).toBe(prefix.slice(0, -1));
    }
  });
});
