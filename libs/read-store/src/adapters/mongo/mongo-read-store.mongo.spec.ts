import { type CommandStartedEvent, MongoClient } from 'mongodb';
import { describeWhereMongoReachable, type ScratchDatabase } from '@crm/test-support';
import { MongoReadStore, type MongoReadStoreOptions } from './mongo-read-store';

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

describeWhereMongoReachable('MongoDB read-store consistency suite', 'crm_read_store_pins', (scratch) => {
  describe('the MongoDB read store pins its write path', () => {
    let database: ScratchDatabase;
    let commands: CommandStartedEvent[];

    /** A store whose client asks the secondaries first and acknowledges on one node, unless the store pins. */
    async function open(pins: Partial<MongoReadStoreOptions> = {}): Promise<MongoReadStore> {
      const client = new MongoClient(withQuery(database.url, 'readPreference=secondaryPreferred&w=1'), {
        monitorCommands: true,
      });
      client.on('commandStarted', (event) => commands.push(event));
      await client.connect();
      return MongoReadStore.over(client, { databaseName: database.databaseName, ...pins });
    }

    beforeEach(async () => {
      database = await scratch();
      commands = [];
    });

    afterEach(() => database.drop());

    it('writes with w: majority and reads from the primary, whatever the connection string says', async () => {
      const store = await open();
      try {
        await store.ensureCollection({ name: 'customers', fields: [] });
        await store.bulkWrite('customers', [
          { kind: 'upsert', document: { id: 'c-1', version: 1, body: {} } },
        ]);
        await store.saveCheckpoint('customers', { position: 1, updatedAt: '2026-03-01T10:00:00.000Z' });

        const writes = commands.filter((event) => event.commandName === 'update');
        expect(writes.length).toBeGreaterThanOrEqual(3);
        expect(writes.map((event) => event.command.writeConcern)).toEqual(
          writes.map(() => ({ w: 'majority' })),
        );
        expect(store.consistency()).toEqual({ writeConcern: { w: 'majority' }, readPreference: 'primary' });
      } finally {
        await store.close();
      }
    });

    it('lets both be overridden', async () => {
      const store = await open({ writeConcern: { w: 1 }, readPreference: 'nearest' });
      try {
        await store.saveCheckpoint('customers', { position: 1, updatedAt: '2026-03-01T10:00:00.000Z' });

        const [write] = commands.filter((event) => event.commandName === 'update');
        expect(write.command.writeConcern).toEqual({ w: 1 });
        expect(store.consistency()).toEqual({ writeConcern: { w: 1 }, readPreference: 'nearest' });
      } finally {
        await store.close();
      }
    });

    it('indexes `deleted`, which every read filters on', async () => {
      const store = await open();
      try {
        await store.ensureCollection({ name: 'customers', fields: [{ path: 'tier', type: 'string' }] });
        const client = new MongoClient(database.url);
        const indexes = await client.db(database.databaseName).collection('customers').indexes();
        await client.close();

        expect(indexes.map((index) => index.key)).toContainEqual({ deleted: 1 });
      } finally {
        await store.close();
      }
    });

    it('reads many ids as the server calls for: one $in on MongoDB, one _id query each on FerretDB', async () => {
      const client = new MongoClient(database.url);
      const info = await client.db('admin').command({ buildInfo: 1 });
      await client.close();
      const ferret = 'ferretdbVersion' in info;
      const ids = Array.from({ length: 40 }, (_, n) => `c-${n}`);
      const seed = await open();
      await seed.ensureCollection({ name: 'customers', fields: [] });
      await seed.bulkWrite(
        'customers',
        ids.map((id, n) => ({ kind: 'upsert', document: { id, version: 1, body: { n } } })),
      );
      await seed.close();
      const asked = [...ids.slice(0, 35), 'c-absent'];

      const answers = new Map<string, unknown>();
      for (const lookup of ['detected', 'in', 'each'] as const) {
        const store = await open(lookup === 'detected' ? {} : { idLookup: lookup });
        try {
          commands = [];
          const found = await store.getMany('customers', asked);
          answers.set(
            lookup,
            [...found.entries()].sort(([a], [b]) => a.localeCompare(b)),
          );
          const finds = commands.filter(
            (event) => event.commandName === 'find' && event.command.find === 'customers',
          ).length;
          if (lookup === 'detected') {
            expect(await store.lookupOfIds()).toBe(ferret ? 'each' : 'in');
          } else {
            expect(finds).toBe(lookup === 'in' ? 1 : asked.length);
          }
        } finally {
          await store.close();
        }
      }
      expect(answers.get('in')).toHaveLength(35);
      expect(answers.get('each')).toEqual(answers.get('in'));
      expect(answers.get('detected')).toEqual(answers.get('in'));
    });
  });
});
