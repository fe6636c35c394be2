import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { StartedTestContainer } from 'testcontainers';
import { EsdbEventStore } from '../adapters/esdb';
import { describeEventStoreContract } from './event-store.contract';

const ESDB_IMAGE = process.env.ESDB_IMAGE ?? 'docker.eventstore.com/eventstore/eventstoredb-ee:24.10';
const ESDB_CONTRACT_PREFIXES = ['contract_']; // uniqueStreamId() names every contract stream `contract_<label>-<uuid>`

/** A cheap, synchronous check: tests must be registered synchronously and must not hang without Docker. */
function dockerEngineConfigured(): boolean {
  if (process.env.DOCKER_HOST || process.env.TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE) return true;
  return ['/var/run/docker.sock', join(homedir(), '.docker', 'run', 'docker.sock')].some((socket) =>
    existsSync(socket),
  );
}

function esdbFactory(connectionString: () => Promise<string>) {
  return async () => {
    const store = new EsdbEventStore({
      connectionString: await connectionString(),
      streamPrefixes: ESDB_CONTRACT_PREFIXES,
    });
    return { store, dispose: () => store.close() };
  };
}

/** The EventStoreDB run of the contract: against ESDB_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeEsdbContractWhereReachable(): void {
  if (process.env.ESDB_URL) {
    const url = process.env.ESDB_URL;
    describeEventStoreContract(
      'eventstoredb',
      esdbFactory(async () => url),
    );
  } else if (dockerEngineConfigured()) {
    describe('eventstoredb via testcontainers', () => {
      let started: Promise<StartedTestContainer> | undefined;
      const start = (): Promise<StartedTestContainer> => {
        started ??= import('testcontainers').then(({ GenericContainer, Wait }) =>
          new GenericContainer(ESDB_IMAGE)
            .withEnvironment({
              EVENTSTORE_INSECURE: 'true',
              EVENTSTORE_RUN_PROJECTIONS: 'All',
              EVENTSTORE_MEM_DB: 'true',
            })
            .withExposedPorts(2113)
            .withWaitStrategy(Wait.forHttp('/health/live', 2113))
            .withStartupTimeout(120_000)
            .start(),
        );
        return started;
      };
      jest.setTimeout(180_000);
      afterAll(async () => {
        if (started) await (await started).stop();
      });
      describeEventStoreContract(
        'eventstoredb',
        esdbFactory(async () => {
          const container = await start();
          return `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
        }),
      );
    });
  } else {
    console.log(
      'SKIPPED: EventStoreDB contract suite — ESDB_URL is not set and no Docker engine is available',
    );
  }
}
