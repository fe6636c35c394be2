import type { CommandOutcome } from '@crm/application';
import type { FastifyInstance } from 'fastify';

/** Fastify route config that marks a route whose answer is a `CommandOutcome` (set by `ApiCommandResponses`). */
export const COMMAND_ROUTE = { commandOutcome: true } as const;

const isCommandRoute = (config: unknown): boolean =>
  typeof config === 'object' &&
  config !== null &&
  (config as { commandOutcome?: unknown }).commandOutcome === true;

/**
 * Puts the stream's new revision in ETag (for If-Match) and marks answers to retries. A Fastify hook rather
 * than a Nest interceptor: an interceptor wraps every command in an RxJS pipeline and two
 * `AsyncResource.bind` calls, which measured about a tenth of a command's CPU time (docs/benchmarks.md).
 */
export function commandResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    if (isCommandRoute(request.routeOptions.config) && reply.statusCode < 300) {
      const outcome = payload as CommandOutcome;
      void reply.header('etag', `"${outcome.revision}"`);
      if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    }
    done(null, payload);
  });
}
