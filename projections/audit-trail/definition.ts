import {
  CURRENT_SCHEMA_VERSIONS,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import { auditEntryId, auditEntryOf, emptyAuditEntry, type AuditEntry } from './audit-entry';
import { chainEntries, chainEntry, GENESIS_HASH, linkAuditEntry, verifyChain } from './hash-chain';

export const AUDIT_TRAIL_NAME = 'audit-trail';
export const AUDIT_TRAIL_VERSION = 1;

/** Every event type of the domain: the audit trail has an entry for each stored event. */
export const AUDIT_TRAIL_EVENT_TYPES: readonly string[] = Object.keys(CURRENT_SCHEMA_VERSIONS);

export const AUDIT_TRAIL_FIELDS: readonly ProjectionField[] = [
  { path: 'customerId', type: 'string' },
  { path: 'actorId', type: 'string' },
  { path: 'type', type: 'string' },
  { path: 'occurredAt', type: 'string' },
  { path: 'position', type: 'number' },
];

export const auditTrailDocumentId = (event: EventEnvelope): string => auditEntryId(event.position);

/**
 * The unlinked entry for the event. A document already linked for this same event (a redelivery)
 * is returned as it is, so replaying never unlinks the chain.
 */
export const evolveAuditEntry = (doc: AuditEntry, event: EventEnvelope): AuditEntry =>
  doc.hash !== null && doc.eventId === event.id && doc.position === event.position
    ? doc
    : auditEntryOf(event);

/**
 * The audit trail as a `ProjectionDefinition`, plus the chain steps `evolve` cannot do alone
 * (it sees one document, not the entry before). The runner, processing this projection in global
 * position order on a single partition, saves `link(evolve(initial(id), event), lastHash)` and
 * carries `lastHash` forward; see README.md.
 */
export interface AuditTrailDefinition extends ProjectionDefinition<AuditEntry> {
  readonly genesisHash: string;
  /** Adds `previousHash` and `hash` to an entry made by `evolve`. */
  link(entry: AuditEntry, previousHash: string): AuditEntry;
  chainEntry(previousHash: string, event: EventEnvelope): AuditEntry;
  chainEntries(previousHash: string, events: readonly EventEnvelope[]): AuditEntry[];
  verifyChain: typeof verifyChain;
}

export const auditTrail: AuditTrailDefinition = {
  name: AUDIT_TRAIL_NAME,
  version: AUDIT_TRAIL_VERSION,
  handles: AUDIT_TRAIL_EVENT_TYPES,
  documentId: auditTrailDocumentId,
  initial: emptyAuditEntry,
  evolve: evolveAuditEntry,
  fields: AUDIT_TRAIL_FIELDS,
  genesisHash: GENESIS_HASH,
  link: linkAuditEntry,
  chainEntry,
  chainEntries,
  verifyChain,
};
