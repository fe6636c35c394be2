/**
 * The connection strings `@eventstore/db-client` 6.2.1 parses: `esdb://` and `esdb+discover://`, nothing
 * else (dist/Client/parseConnectionString.js, `parseProtocol`):
 *
 *     const expected = "esdb:// or esdb+discover://";
 *     ...
 *     switch (match.groups.protocol) {
 *         case "esdb": { ... dnsDiscover: false ... }
 *         case "esdb+discover": { ... dnsDiscover: true ... }
 *     }
 *     throw new ParseError(connectionString, [position, nextPosition], expected);
 *
 * (`kurrentdb://` arrived with the later `@kurrent/kurrentdb-client`.) The settings validation uses this,
 * so a scheme the client would refuse stops the process at start-up, naming `ESDB_URL`.
 */
export const ESDB_CONNECTION_STRING = /^esdb(\+discover)?:\/\/\S+$/;
