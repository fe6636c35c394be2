import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import type { Principal } from '../auth/principal';
import { correlationIdOf } from '../http/correlation-id';

/** Who reads a sensitive view, in which conversation: recorded in the SensitiveRecordViewed event. */
export interface Reader {
  readonly principal: Principal;
  readonly correlationId: string;
}

export const ReaderContext = createParamDecorator((_: unknown, context: ExecutionContext): Reader => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.principal === undefined) throw new Error('sensitive view reached without authentication');
  return {
    principal: request.principal,
    correlationId: correlationIdOf(request.headers['x-correlation-id']),
  };
});
