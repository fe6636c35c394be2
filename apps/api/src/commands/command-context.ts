import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import type { Principal } from '../auth/principal';
import { correlationIdOf } from '../http/correlation-id';
import { invalidField } from '../http/validation.pipe';

/** What a command request carries besides its body, read from the token and the headers. */
export interface CommandContext {
  readonly principal: Principal;
  readonly correlationId: string;
  /** `Idempotency-Key`: becomes the command id. */
  readonly idempotencyKey?: string;
  /** `If-Match`: the revision the stream must be at; -1 demands that it does not exist yet. */
  readonly ifMatch?: number;
  /** The message that caused the command, when it is not the caller's own request (automation rules). */
  readonly causationId?: string;
  /** The command imports history (the seed): its events are marked so that automation skips them. */
  readonly imported?: true;
}

export const COMMAND_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const IF_MATCH = /^(?:W\/)?"?(-1|0|[1-9][0-9]{0,15})"?$/;

/** The revision an If-Match names, exactly: digits beyond what a revision can be are refused, never rounded. */
const revisionOf = (ifMatch: string): number | undefined => {
  const digits = IF_MATCH.exec(ifMatch)?.[1];
  return digits !== undefined && BigInt(digits) <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(digits)
    : undefined;
};

function single(header: string | string[] | undefined, name: string): string | undefined {
  if (Array.isArray(header)) throw invalidField(name, 'must be given once');
  return header;
}

export function readCommandContext(request: AuthenticatedRequest): CommandContext {
  if (request.principal === undefined) throw new Error('command route reached without authentication');
  const key = single(request.headers['idempotency-key'], 'Idempotency-Key');
  if (key !== undefined && !COMMAND_ID.test(key)) {
    throw invalidField('Idempotency-Key', 'must be 1-128 characters of A-Z, a-z, 0-9, . _ : -');
  }
  const ifMatch = single(request.headers['if-match'], 'If-Match');
  const revision = ifMatch === undefined ? undefined : revisionOf(ifMatch);
  if (ifMatch !== undefined && revision === undefined) {
    throw invalidField(
      'If-Match',
      `must be a stream revision from -1 to ${Number.MAX_SAFE_INTEGER}, such as "3" (the ETag of a command response)`,
    );
  }
  return {
    principal: request.principal,
    correlationId: correlationIdOf(request.headers['x-correlation-id']),
    idempotencyKey: key,
    ifMatch: revision,
  };
}

export const CommandHeaders = createParamDecorator((_: unknown, context: ExecutionContext) =>
  readCommandContext(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
