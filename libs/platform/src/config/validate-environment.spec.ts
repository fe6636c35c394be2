import { ConfigurationError, validateEnvironment } from './validate-environment';
import { ApiEnvironment } from './api-environment';
import { busConfig } from './bus.config';
import { ProjectorEnvironment } from './projector-environment';
import { RelayEnvironment } from './relay-environment';
import { StoreEnvironment } from './store-environment';

const DISTRIBUTED = {
  CRM_MODE: 'distributed',
  ESDB_URL: 'esdb://eventstoredb:2113?tls=false',
  MONGO_URL: 'mongodb://mongodb:27017',
  KAFKA_BROKERS: 'kafka:9092',
};

function refusal(schema: new () => object, env: Record<string, string>): ConfigurationError {
  try {
    validateEnvironment(schema, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('validated configuration', () => {
  it('starts embedded with every default when nothing is set', () => {
    const env = validateEnvironment(ProjectorEnvironment, {});
    expect(env).toMatchObject({ CRM_MODE: 'embedded', BUS_PARTITIONS: 6, PROJECTOR_BATCH_SIZE: 500 });
    expect(busConfig(env)).toMatchObject({ kind: 'sqlite', path: 'data/bus.db' });
  });

  it('reads a distributed relay: Kafka brokers, idempotence, partitions and topics', () => {
    const env = validateEnvironment(RelayEnvironment, {
      ...DISTRIBUTED,
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_IDEMPOTENT: 'false',
      BUS_PARTITIONS: '12',
      RELAY_BATCH_SIZE: '200',
    });
    expect(env.RELAY_BATCH_SIZE).toBe(200);
    expect(busConfig(env)).toEqual({
      kind: 'kafka',
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'crm',
      idempotent: false,
      replicationFactor: -1,
      topics: {
        customerEvents: 'crm.customer-events',
        orderedEvents: 'crm.customer-events.ordered',
        deadLetters: 'crm.customer-events.dlq',
        partitions: 12,
      },
    });
  });

  it.each([
    ['CRM_MODE', { CRM_MODE: 'cluster' }],
    ['ESDB_URL', { ...DISTRIBUTED, ESDB_URL: undefined }],
    ['ESDB_URL', { ...DISTRIBUTED, ESDB_URL: 'kurrentdb://eventstoredb:2113?tls=false' }],
    ['ESDB_URL', { ...DISTRIBUTED, ESDB_URL: 'kurrent+discover://eventstoredb:2113' }],
    ['ESDB_URL', { ...DISTRIBUTED, ESDB_URL: 'http://eventstoredb:2113' }],
    ['MONGO_URL', { ...DISTRIBUTED, MONGO_URL: 'http://mongodb' }],
    ['KAFKA_BROKERS', { ...DISTRIBUTED, KAFKA_BROKERS: undefined }],
    ['KAFKA_BROKERS', { ...DISTRIBUTED, KAFKA_BROKERS: 'kafka' }],
    ['BUS_PARTITIONS', { BUS_PARTITIONS: 'six' }],
    ['BUS_PARTITIONS', { BUS_PARTITIONS: '0' }],
    ['BUS_TOPIC', { BUS_TOPIC: 'customer events' }],
    ['KAFKA_IDEMPOTENT', { KAFKA_IDEMPOTENT: 'yes' }],
    ['PROJECTOR_BATCH_SIZE', { PROJECTOR_BATCH_SIZE: '1.5' }],
    ['PROJECTOR_PROJECTIONS', { PROJECTOR_PROJECTIONS: 'customer-360;audit' }],
  ])('refuses a wrong or missing %s and names it', (setting, env) => {
    const error = refusal(ProjectorEnvironment, env as Record<string, string>);
    expect(error.settings).toEqual([setting]);
    expect(error.message).toContain(setting);
  });

  it('names every wrong setting at once and never echoes their values', () => {
    const error = refusal(StoreEnvironment, { CRM_MODE: 'distributed', MONGO_URL: 'mysql://root:s3cret@db' });
    expect(error.settings).toEqual(['ESDB_URL', 'MONGO_URL']);
    expect(error.message).not.toContain('s3cret');
  });

  it.each(['esdb://eventstoredb:2113?tls=false', 'esdb+discover://cluster.example:2113'])(
    'takes %s, a connection string the EventStoreDB client parses',
    (url) => {
      const env = validateEnvironment(StoreEnvironment, { ...DISTRIBUTED, ESDB_URL: url });
      expect(env.ESDB_URL).toBe(url);
    },
  );

  it('does not ask the API for Kafka: only the bus apps need brokers', () => {
    const { KAFKA_BROKERS: _brokers, ...stores } = DISTRIBUTED;
    expect(validateEnvironment(StoreEnvironment, stores).CRM_MODE).toBe('distributed');
  });

  describe('adapters chosen port by port', () => {
    it('runs a SQLite event store on the API host with Kafka and MongoDB: no ESDB_URL asked', () => {
      const env = validateEnvironment(RelayEnvironment, {
        ...DISTRIBUTED,
        ESDB_URL: undefined,
        EVENT_STORE: 'sqlite',
      });
      expect(busConfig(env)).toMatchObject({ kind: 'kafka', brokers: ['kafka:9092'] });
    });

    it('asks for the server of each port chosen on its own, naming it', () => {
      expect(refusal(ProjectorEnvironment, { EVENT_BUS: 'kafka', READ_STORE: 'mongo' }).settings).toEqual([
        'MONGO_URL',
        'KAFKA_BROKERS',
      ]);
      expect(refusal(ApiEnvironment, { EVENT_STORE: 'esdb', KEY_STORE: 'mongo' }).settings).toEqual([
        'ESDB_URL',
        'MONGO_URL',
      ]);
    });

    it("takes the key store's own MongoDB in place of MONGO_URL", () => {
      const env = { KEY_STORE: 'mongo', MONGO_KEYS_URL: 'mongodb://keys:27017' };
      expect(validateEnvironment(ApiEnvironment, env).KEY_STORE).toBe('mongo');
    });

    it.each([
      ['EVENT_STORE', { EVENT_STORE: 'postgres' }],
      ['EVENT_BUS', { EVENT_BUS: 'rabbitmq' }],
      ['READ_STORE', { READ_STORE: 'redis' }],
      ['KEY_STORE', { KEY_STORE: 'vault' }],
    ])('refuses an unknown %s', (setting, env) => {
      expect(refusal(ApiEnvironment, env).settings).toEqual([setting]);
    });

    it('refuses a combination that cannot work, naming both settings and why', () => {
      const error = refusal(ProjectorEnvironment, { EVENT_BUS: 'kafka', KAFKA_BROKERS: 'kafka:9092' });
      expect(error.settings).toEqual(['EVENT_BUS', 'READ_STORE']);
      expect(error.message).toContain('READ_STORE=mongo');
    });
  });
});
