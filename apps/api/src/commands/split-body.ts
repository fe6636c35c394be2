import type { CommandContext } from './command-context';
import { commandIdOf } from './command-request';
import type { CommandBodyDto } from './dto/command-body.dto';

export interface SplitBody<T extends CommandBodyDto> {
  readonly fields: Omit<T, 'commandId' | 'occurredAt'>;
  /** The Idempotency-Key header, else the body's commandId, else a fresh id. */
  readonly commandId: string;
  readonly occurredAt?: string;
}

/** Separates a body's command fields from the envelope fields every command body may carry. */
export function split<T extends CommandBodyDto>(body: T, context: CommandContext): SplitBody<T> {
  const { commandId, occurredAt, ...fields } = plain(body) as T;
  return { fields, commandId: commandIdOf(context, commandId), occurredAt };
}

/** Validated DTOs are class instances; events and request fingerprints want plain JSON values. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
