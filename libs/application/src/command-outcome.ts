import type { EventEnvelope } from '@crm/domain';

export interface AppendedEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: number;
  readonly position: number;
}

/** What a command did: the events it appended (or, for a retry, had appended the first time). */
export interface CommandOutcome {
  readonly commandId: string;
  readonly streamId: string;
  /** Revision of the stream's last event after the command; -1 when the stream still does not exist. */
  readonly revision: number;
  readonly events: readonly AppendedEvent[];
  /** True when this was a retry of an earlier command and nothing was appended now. */
  readonly replayed: boolean;
}

export const replayedOutcome = (
  commandId: string,
  streamId: string,
  prior: readonly EventEnvelope[],
): CommandOutcome => ({
  commandId,
  streamId,
  revision: prior[prior.length - 1].revision,
  events: prior.map(({ id, type, revision, position }) => ({ id, type, revision, position })),
  replayed: true,
});
