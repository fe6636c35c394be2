interface Closable {
  disconnect(): Promise<void>;
}

/**
 * Runs `start` (connect, subscribe, run) on a fresh kafkajs client and disconnects it when `start` fails.
 * kafkajs opens the seed broker's socket before a connect can fail (metadata, group coordinator), and a
 * failed `subscribe` leaves a connected consumer: without this every failed retry would leave one more socket
 * open and keep the process from exiting.
 */
export async function startedOrClosed<T extends Closable>(
  client: T,
  start: (client: T) => Promise<void>,
): Promise<T> {
  try {
    await start(client);
    return client;
  } catch (error) {
    await client.disconnect().catch(() => undefined);
    throw error;
  }
}
