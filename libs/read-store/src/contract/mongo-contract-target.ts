import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { StartedTestContainer } from 'testcontainers';
import { MongoReadStore } from '../adapters/mongo';
import { describeReadStoreContract } from './read-store.contract';

const MONGO_IMAGE = process.env.MONGO_IMAGE ?? 'mongo:7';

/** A cheap, synchronous check: tests must be registered synchronously and must not hang without Docker. */
function dockerEngineConfigured(): boolean {
  if (process.env.DOCKER_HOST || process.env.TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE) return true;
  return ['/var/run/docker.sock', join(homedir(), '.docker', 'run', 'docker.sock')].some((socket) =>
    existsSync(socket),
  );
}

/** Each opened store gets its own database, dropped on dispose, so runs never see each other's data. */
function mongoFactory(url: () => Promise<string>) {
  return async () => {
    const mongoUrl = await url();
    const databaseName = `crm_read_store_contract_${randomBytes(6).toString('hex')}`;
    const store = await MongoReadStore.connect({ url: mongoUrl, databaseName });
    return {
      store,
      dispose: async () => {
        await store.close();
        const client = new MongoClient(mongoUrl);
        try {
          await client.db(databaseName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  };
}

/** The MongoDB run of the contract: against MONGO_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeMongoContractWhereReachable(): void {
  if (process.env.MONGO_URL) {
    const url = process.env.MONGO_URL;
    describeReadStoreContract(
      'mongodb',
      mongoFactory(async () => url),
    );
  } else if (dockerEngineConfigured()) {
    describe('mongodb via testcontainers', () => {
      let started: Promise<StartedTestContainer> | undefined;
      const start = (): Promise<StartedTestContainer> => {
        started ??= import('testcontainers').then(({ GenericContainer, Wait }) =>
          new GenericContainer(MONGO_IMAGE)
            .withExposedPorts(27017)
            .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
            .withStartupTimeout(120_000)
            .start(),
        );
        return started;
      };
      jest.setTimeout(180_000);
      afterAll(async () => {
        if (started) await (await started).stop();
      });
      describeReadStoreContract(
        'mongodb',
        mongoFactory(async () => {
          const container = await start();
          return `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`;
        }),
      );
    });
  } else {
    console.log(
      'SKIPPED: MongoDB read-store contract suite — MONGO_URL is not set and no Docker engine is available',
    );
  }
}
