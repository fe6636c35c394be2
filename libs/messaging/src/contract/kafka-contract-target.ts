import { describeWhereServerReachable, type ServerTarget } from '@crm/test-support';
import { KafkaEventBus } from '../adapters/kafka';
import { describeEventBusContract } from './event-bus.contract';

// Kafka advertises the address clients must use, so the container's port is published on the same host port.
const KAFKA_TEST_PORT = Number(process.env.KAFKA_TEST_PORT ?? 39092);

/** A Kafka broker for a suite named `suite`: KAFKA_BROKERS, else testcontainers, else one SKIPPED line. */
export const kafkaServerTarget = (suite: string): ServerTarget => ({
  name: 'kafka',
  envVar: 'KAFKA_BROKERS',
  suite,
  container: {
    image: process.env.KAFKA_IMAGE ?? 'apache/kafka:3.9.0',
    port: KAFKA_TEST_PORT,
    hostPort: KAFKA_TEST_PORT,
    environment: {
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${KAFKA_TEST_PORT},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${KAFKA_TEST_PORT}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    },
    readyWhen: { logLine: /Kafka Server started/ },
    connectionString: (host, port) => `${host}:${port}`,
  },
});

/** The Kafka run of the contract: against KAFKA_BROKERS, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeKafkaContractWhereReachable(): void {
  describeWhereServerReachable(kafkaServerTarget('Kafka event-bus contract suite'), (brokers) =>
    describeEventBusContract('kafka', async () => {
      const bus = new KafkaEventBus({
        brokers: (await brokers()).split(','),
        clientId: 'crm-contract',
        replicationFactor: 1,
      });
      return { store: bus, dispose: () => bus.close() };
    }),
  );
}
