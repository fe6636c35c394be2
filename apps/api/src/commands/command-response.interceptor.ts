import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { CommandOutcome } from '@crm/application';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** Puts the stream's new revision in ETag (for If-Match) and marks answers to retries. */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor<CommandOutcome, CommandOutcome> {
  intercept(context: ExecutionContext, next: CallHandler<CommandOutcome>): Observable<CommandOutcome> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((outcome) => {
        void reply.header('etag', `"${outcome.revision}"`);
        if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
        return outcome;
      }),
    );
  }
}
