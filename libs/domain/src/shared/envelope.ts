export type ActorKind = 'service' | 'user';

export interface Actor {
  readonly id: string;
  readonly kind: ActorKind;
  readonly roles: readonly string[];
}

/** Who did it, on whose behalf, and why: carried by every event, never taken from a request body. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: string;
  readonly tenantId?: string;
  readonly reason?: string;
  /**
   * Set on events of a command that imports history (the demo seed, a bulk import): facts that already
   * happened elsewhere, which automation must not act on again (docs/automation.md).
   */
  readonly imported?: true;
  /** Fingerprint of the request that issued the command: a retry with the same command id must match it. */
  readonly requestHash?: string;
}

/** An event as a decider emits it: no stream position yet. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** An event ready to be appended: identity, schema version and time are fixed before the store sees it. */
export interface NewEvent<TType extends string = string, TData = unknown> extends DomainEvent<TType, TData> {
  readonly id: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly metadata: EventMetadata;
}

/** An event as the store returns it (DESIGN §4): the store assigns revision, position and recordedAt. */
export interface EventEnvelope<TType extends string = string, TData = unknown>
  extends NewEvent<TType, TData> {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}
