import { resolveTopology, topologyProblems } from './topology';

describe('topology: which adapter serves each port', () => {
  it('embedded is the default preset: everything local', () => {
    expect(resolveTopology({})).toEqual({
      eventStore: 'sqlite',
      eventBus: 'embedded',
      readStore: 'sqlite',
      keyStore: 'sqlite',
    });
  });

  it('distributed is the preset of the design card: EventStoreDB, Kafka, MongoDB, MongoDB', () => {
    expect(resolveTopology({ CRM_MODE: 'distributed' })).toEqual({
      eventStore: 'esdb',
      eventBus: 'kafka',
      readStore: 'mongo',
      keyStore: 'mongo',
    });
  });

  it('overrides a preset port by port: a SQLite event store on the API host feeding Kafka and MongoDB', () => {
    expect(resolveTopology({ CRM_MODE: 'distributed', EVENT_STORE: 'sqlite' })).toEqual({
      eventStore: 'sqlite',
      eventBus: 'kafka',
      readStore: 'mongo',
      keyStore: 'mongo',
    });
    expect(resolveTopology({ READ_STORE: 'mongo', KEY_STORE: 'mongo' })).toMatchObject({
      eventStore: 'sqlite',
      eventBus: 'embedded',
      readStore: 'mongo',
      keyStore: 'mongo',
    });
  });

  describe('combinations that cannot work', () => {
    const kafkaWithSqliteReads = resolveTopology({ EVENT_BUS: 'kafka' });

    it.each(['api', 'projector'] as const)(
      'refuses Kafka-fed projections into a SQLite read store for the %s: a group spreads over hosts',
      (app) => {
        expect(topologyProblems(app, kafkaWithSqliteReads)).toEqual([
          expect.objectContaining({ settings: ['EVENT_BUS', 'READ_STORE'] }),
        ]);
      },
    );

    it('lets the relay keep its checkpoint in a SQLite read store on its own host', () => {
      expect(topologyProblems('relay', kafkaWithSqliteReads)).toEqual([]);
    });

    it('refuses personal-data keys on one host under a shared EventStoreDB log', () => {
      const problems = topologyProblems('api', resolveTopology({ EVENT_STORE: 'esdb' }));
      expect(problems).toEqual([expect.objectContaining({ settings: ['KEY_STORE', 'EVENT_STORE'] })]);
      expect(problems[0].message).toContain('KEY_STORE=mongo');
    });

    it.each([
      ['embedded', {}],
      ['distributed', { CRM_MODE: 'distributed' }],
      ['SQLite log feeding Kafka and MongoDB', { CRM_MODE: 'distributed', EVENT_STORE: 'sqlite' }],
      ['embedded projections into MongoDB', { READ_STORE: 'mongo', KEY_STORE: 'mongo' }],
    ])('accepts the %s topology for every app', (_name, settings) => {
      const topology = resolveTopology(settings);
      for (const app of ['api', 'relay', 'projector', 'cli'] as const)
        expect(topologyProblems(app, topology)).toEqual([]);
    });
  });
});
