import { randomUUID } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import { type CommandRequest, requestHash } from '@crm/application';
import { actorOf } from '../auth/principal';
import type { CommandContext } from './command-context';

/** The command id: the Idempotency-Key header, else the body's commandId, else a fresh one. */
export function commandIdOf(context: CommandContext, bodyCommandId: string | undefined): string {
  const { idempotencyKey } = context;
  if (idempotencyKey !== undefined && bodyCommandId !== undefined && idempotencyKey !== bodyCommandId) {
    throw new BadRequestException('Idempotency-Key and the body commandId differ; give one of them');
  }
  return idempotencyKey ?? bodyCommandId ?? randomUUID();
}

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
