import { isValidId, parseStreamName, type EventEnvelope } from '@crm/domain';

/**
 * One audit entry per stored event: who, what, when, why, how, and whose data it concerns.
 * Only envelope metadata and ids: never `data` fields such as names, emails or free text.
 * `previousHash` and `hash` are null until the runner links the entry into the chain.
 */
export interface AuditEntry {
  readonly [key: string]: unknown;
  readonly entryId: string;
  // what
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  // when
  readonly occurredAt: string;
  readonly recordedAt: string;
  // who
  readonly actorId: string;
  readonly actorKind: string;
  readonly actorRoles: readonly string[];
  readonly tenantId: string | null;
  // why
  readonly commandId: string;
  readonly reason: string | null;
  // how
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: string;
  // subject
  readonly customerId: string | null;
  readonly opportunityId: string | null;
  // chain
  readonly previousHash: string | null;
  readonly hash: string | null;
}

/** Width of Number.MAX_SAFE_INTEGER (9007199254740991): every safe position fits. */
export const AUDIT_ENTRY_ID_WIDTH = 16;

/** The zero-padded global position, so that entry ids sort in log order as plain strings. */
export const auditEntryId = (position: number): string => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`a global position must be a non-negative safe integer, got ${position}`);
  }
  return String(position).padStart(AUDIT_ENTRY_ID_WIDTH, '0');
};

interface Subject {
  readonly customerId: string | null;
  readonly opportunityId: string | null;
}

/**
 * Customer streams, and the access logs of customers' data, name their customer. Opportunity streams name the opportunity; the customer is
 * only in `OpportunityOpened.data.customerId` (the other opportunity events do not carry it).
 */
export const subjectOf = (event: EventEnvelope): Subject => {
  const stream = parseStreamName(event.streamId);
  if (stream === null) {
    return { customerId: null, opportunityId: null };
  }
  if (stream.category === 'customer' || stream.category === 'access') {
    return { customerId: stream.id, opportunityId: null };
  }
  const data = event.data as { readonly customerId?: unknown } | null;
  const customerId =
    typeof data === 'object' && data !== null && isValidId(data.customerId) ? data.customerId : null;
  return { customerId, opportunityId: stream.id };
};

/** The entry for one event, not yet linked into the chain. */
export const auditEntryOf = (event: EventEnvelope): AuditEntry => {
  const { actor, commandId, correlationId, causationId, source, tenantId, reason } = event.metadata;
  return {
    entryId: auditEntryId(event.position),
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actorId: actor.id,
    actorKind: actor.kind,
    actorRoles: [...actor.roles],
    tenantId: tenantId ?? null,
    commandId,
    reason: reason ?? null,
    correlationId,
    causationId,
    source,
    ...subjectOf(event),
    previousHash: null,
    hash: null,
  };
};

/** The document before its event arrives; `evolve` replaces it entirely. */
export const emptyAuditEntry = (entryId: string): AuditEntry => ({
  entryId,
  eventId: '',
  type: '',
  schemaVersion: 0,
  streamId: '',
  revision: -1,
  position: -1,
  occurredAt: '',
  recordedAt: '',
  actorId: '',
  actorKind: '',
  actorRoles: [],
  tenantId: null,
  commandId: '',
  reason: null,
  correlationId: '',
  causationId: '',
  source: '',
  customerId: null,
  opportunityId: null,
  previousHash: null,
  hash: null,
});
