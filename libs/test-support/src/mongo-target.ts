import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWhereServerReachable } from './server-target';

/** A database of its own for one opened adapter, dropped afterwards, so runs never see each other's data. */
export interface ScratchDatabase {
  readonly url: string;
  readonly databaseName: string;
  drop(): Promise<void>;
}

/**
 * Runs a MongoDB adapter's contract suite where a server is reachable: MONGO_URL, else a testcontainers
 * `mongo:7` (MONGO_IMAGE to change), else one SKIPPED line naming `suite` (DESIGN §8).
 */
export function describeWhereMongoReachable(
  suite: string,
  databasePrefix: string,
  describeSuite: (scratch: () => Promise<ScratchDatabase>) => void,
): void {
  describeWhereServerReachable(
    {
      name: 'mongodb',
      envVar: 'MONGO_URL',
      suite,
      container: {
        image: process.env.MONGO_IMAGE ?? 'mongo:7',
        port: 27017,
        readyWhen: { logLine: /Waiting for connections/ },
        connectionString: (host, port) => `mongodb://${host}:${port}/?directConnection=true`,
      },
    },
    (connectionString) =>
      describeSuite(async () => {
        const url = await connectionString();
        const databaseName = `${databasePrefix}_${randomBytes(6).toString('hex')}`;
        return { url, databaseName, drop: () => dropDatabase(url, databaseName) };
      }),
  );
}

async function dropDatabase(url: string, databaseName: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    await client.db(databaseName).dropDatabase();
  } finally {
    await client.close();
  }
}
