import { createHash, randomUUID } from 'node:crypto';
import { type CommandRequest, requestHash } from '@crm/application';
import { actorOf, type Principal } from '../auth/principal';
import { invalidField } from '../http/validation.pipe';
import type { CommandContext } from './command-context';

/**
 * The command id: the Idempotency-Key header, else the body's commandId, scoped to the caller; else a fresh
 * one. Keys are per caller (the token's subject and azp): `<key>@<caller tag>`, the tag 16 characters of a
 * SHA-256 of both, so another caller's identical key is another command. It can neither block this caller's
 * key nor learn whether it was used. `@` is not a key character, so no key can forge another caller's scope.
 */
export function commandIdOf(context: CommandContext, bodyCommandId: string | undefined): string {
  const { idempotencyKey } = context;
  if (idempotencyKey !== undefined && bodyCommandId !== undefined && idempotencyKey !== bodyCommandId) {
    throw invalidField('commandId', 'differs from the Idempotency-Key header; give one of them');
  }
  const key = idempotencyKey ?? bodyCommandId;
  return key === undefined ? randomUUID() : `${key}@${callerTag(context.principal)}`;
}

const callerTag = ({ subject, service }: Principal): string =>
  createHash('sha256').update(`${subject}\n${service}`).digest('base64url').slice(0, 16);

export function commandRequest<C>(
  command: C,
  context: CommandContext,
  commandId: string,
  fingerprintKey: Buffer,
): CommandRequest<C> {
  return {
    command,
    commandId,
    // The caller is part of the fingerprint: another service reusing a key is a different request.
    requestHash: requestHash({ command, caller: context.principal.subject }, fingerprintKey),
    expectedRevision: context.ifMatch,
    issuer: {
      actor: actorOf(context.principal),
      correlationId: context.correlationId,
      causationId: context.causationId,
      source: context.principal.service,
      ...(context.imported ? { imported: true as const } : {}),
    },
  };
}
