/**
 * The ceiling `bench:http` measures the API against: bare Fastify (the HTTP server under the API's Nest
 * adapter) on the same routes, doing only what any server must. Run as its own process by
 * `startBareServer`, so that, like the API, it does not share an event loop with the load generator.
 * The bench's authorization header reaches it too and is ignored.
 */
import { randomUUID } from 'node:crypto';
import fastify from 'fastify';
import { storedDocument } from './bare-document';

interface PurchaseBody {
  readonly purchaseId: string;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  const document = storedDocument();
  const app = fastify();

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/customers/:customerId', (_request, reply) => {
    void reply.type('application/json; charset=utf-8').send(document);
  });
  // Fastify parses the JSON body before the handler runs; the answer is shaped like the API's CommandOutcome.
  app.post<{ Params: { customerId: string }; Body: PurchaseBody | null }>(
    '/customers/:customerId/purchases',
    (request, reply) => {
      if (typeof request.body?.purchaseId !== 'string') {
        void reply.code(400).send({ message: 'purchaseId must be a string' });
        return;
      }
      const commandId = randomUUID();
      void reply.code(201).send({
        commandId,
        streamId: `customer-${request.params.customerId}`,
        revision: 1,
        events: [{ id: commandId, type: 'Purchased', revision: 1, position: 1 }],
        replayed: false,
      });
    },
  );

  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  await app.listen({ port, host });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
