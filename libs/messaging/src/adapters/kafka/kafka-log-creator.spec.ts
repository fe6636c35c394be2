import { logLevel } from 'kafkajs';
import type { BusLogLevel } from '../../bus-log';
import { kafkaLogCreator } from './kafka-log-creator';

function logged(level: logLevel, message: string, error?: string): BusLogLevel {
  const levels: BusLogLevel[] = [];
  const write = kafkaLogCreator((at) => levels.push(at))(logLevel.DEBUG);
  write({ namespace: 'Connection', level, label: 'ERROR', log: { timestamp: '', message, error } });
  return levels[0];
}

describe('kafkajs log lines in the application log', () => {
  it.each([
    [
      'a topic another process created first',
      'Response CreateTopics(key: 19, version: 3)',
      'Topic with this name already exists',
    ],
    [
      'a rebalance',
      'Response Heartbeat(key: 12, version: 3)',
      'The group is rebalancing, so a rejoin is needed',
    ],
    ['a rebalance, seen by the runner', 'The group is rebalancing, re-joining', undefined],
    [
      'a coordinator still loading',
      'Response FindCoordinator(key: 10, version: 2)',
      "The coordinator is loading and hence can't process requests for this group",
    ],
  ])('logs %s at info, not error', (_case, message, error) => {
    expect(logged(logLevel.ERROR, message, error)).toBe('info');
  });

  it('keeps a real broker failure at error', () => {
    expect(
      logged(
        logLevel.ERROR,
        'Response Produce(key: 0, version: 7)',
        'The request included a message larger than the max message size the server will accept',
      ),
    ).toBe('error');
  });

  it('keeps kafkajs levels otherwise', () => {
    expect(logged(logLevel.WARN, 'KafkaJS v2.0.0 switched default partitioner')).toBe('warn');
    expect(logged(logLevel.DEBUG, 'Request Metadata(key: 3, version: 6)')).toBe('debug');
  });
});
