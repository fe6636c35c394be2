import { describeWhereServerReachable } from '@crm/test-support';
import { EsdbEventStore } from '../adapters/esdb';
import { describeEsdbAdapterContract } from './esdb-adapter.contract';
import { describeEventStoreContract } from './event-store.contract';

// uniqueStreamId() names every contract stream `contract_<label>-<uuid>`.
const ESDB_CONTRACT_PREFIXES = ['contract_'];

/** The EventStoreDB run of the contract: against ESDB_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeEsdbContractWhereReachable(): void {
  describeWhereServerReachable(
    {
      name: 'eventstoredb',
      envVar: 'ESDB_URL',
      suite: 'EventStoreDB contract suite',
      container: {
        image: process.env.ESDB_IMAGE ?? 'docker.eventstore.com/eventstore/eventstoredb-ee:24.10',
        port: 2113,
        environment: {
          EVENTSTORE_INSECURE: 'true',
          EVENTSTORE_RUN_PROJECTIONS: 'All',
          EVENTSTORE_MEM_DB: 'true',
        },
        readyWhen: { httpPath: '/health/live' },
        connectionString: (host, port) => `esdb://${host}:${port}?tls=false`,
      },
    },
    (connectionString) => {
      describeEventStoreContract('eventstoredb', async () => {
        const store = new EsdbEventStore({
          connectionString: await connectionString(),
          streamPrefixes: ESDB_CONTRACT_PREFIXES,
        });
        return { store, dispose: () => store.close() };
      });
      describeEsdbAdapterContract(connectionString);
    },
  );
}
