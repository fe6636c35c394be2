export * from './audit-entry';
export * from './canonical-json';
export * from './hash-chain';
export {
  auditTrail,
  auditTrailDocumentId,
  evolveAuditEntry,
  AUDIT_TRAIL_EVENT_TYPES,
  AUDIT_TRAIL_FIELDS,
  AUDIT_TRAIL_NAME,
  AUDIT_TRAIL_VERSION,
  type AuditTrailDefinition,
} from './definition';
export * from './chain-report';
