import { EventStoreDBClient } from '@eventstore/db-client';
import { ESDB_CONNECTION_STRING } from './esdb-connection-string';

const clientAccepts = (connectionString: string): boolean => {
  try {
    EventStoreDBClient.connectionString(connectionString);
    return true;
  } catch {
    return false;
  }
};

describe('ESDB_CONNECTION_STRING', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb+discover://cluster.example:2113',
    'esdb://admin:changeit@node1:2113,node2:2113?tls=false',
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://cluster.example:2113',
    'kurrent://localhost:2113',
    'kurrent+discover://localhost:2113',
    'http://localhost:2113',
  ])('agrees with the client on %s', (connectionString) => {
    expect(ESDB_CONNECTION_STRING.test(connectionString)).toBe(clientAccepts(connectionString));
  });
});
