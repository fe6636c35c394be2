import type { Actor } from '@crm/domain';

/** Who issues a command and in which conversation; recorded in every event it produces. */
export interface CommandIssuer {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The message that caused this command; the command itself when absent. */
  readonly causationId?: string;
  readonly source: string;
  readonly reason?: string;
  /** The command imports history: recorded as `metadata.imported`, and automation skips its events. */
  readonly imported?: true;
}

export interface CommandRequest<TCommand> {
  readonly command: TCommand;
  /** The idempotency key: event ids derive from it, and a retry with it appends nothing. */
  readonly commandId: string;
  /** Fingerprint of what was asked; the same command id with another fingerprint is refused. */
  readonly requestHash: string;
  /** If-Match: the revision the caller demands the stream be at (-1: must not exist). */
  readonly expectedRevision?: number;
  readonly issuer: CommandIssuer;
}
