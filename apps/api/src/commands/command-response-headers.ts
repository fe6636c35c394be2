import type { CommandOutcome } from '@crm/application';
import { parseStreamName } from '@crm/domain';
import type { FastifyInstance } from 'fastify';

/**
 * Fastify route config of a route whose answer is a `CommandOutcome` (set by `ApiCommandResponses`): how it
 * answers success, by the rule in docs/api.md ("Status codes").
 */
export interface CommandRoute {
  readonly commandOutcome: true;
  /** The command adds a new thing: 201, or 200 when nothing was appended (it was already there as asked). */
  readonly created: boolean;
  /**
   * For a new thing that is a resource of its own (its stream is the customer or the opportunity), the path
   * its id follows, e.g. `/customers/`: the 201 carries it in Location.
   */
  readonly location?: string;
}

const commandRoute = (config: unknown): CommandRoute | undefined =>
  typeof config === 'object' && config !== null && (config as Partial<CommandRoute>).commandOutcome === true
    ? (config as CommandRoute)
    : undefined;

/**
 * Puts the stream's new revision in ETag (for If-Match), marks answers to retries, and settles 201 against 200
 * for the routes that add something. Everything here reads the outcome, which a retry answers unchanged, so a
 * retry gets the first answer's status and headers. A Fastify hook rather than a Nest interceptor: an
 * interceptor wraps every command in an RxJS pipeline and two `AsyncResource.bind` calls, which measured about
 * a tenth of a command's CPU time (docs/benchmarks.md).
 */
export function commandResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    const route = commandRoute(request.routeOptions.config);
    if (route && reply.statusCode < 300) {
      const outcome = payload as CommandOutcome;
      void reply.header('etag', `"${outcome.revision}"`);
      if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
      if (route.created) {
        if (outcome.events.length === 0) void reply.code(200);
        else if (route.location !== undefined) {
          const stream = parseStreamName(outcome.streamId);
          if (stream) void reply.header('location', `${route.location}${stream.id}`);
        }
      }
    }
    done(null, payload);
  });
}
