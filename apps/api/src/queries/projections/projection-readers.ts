import { AUDIT_TRAIL_NAME } from '@crm/projections/audit-trail';
import type { Role } from '../../auth/role';

/**
 * Who reads a projection's documents besides admin. The audit trail is the auditors' (as GET /audit is),
 * and reading it is logged; every other read model is the analysts' (ADR 0032).
 */
export const readerOf = (projection: string): Role =>
  projection === AUDIT_TRAIL_NAME ? 'auditor' : 'analyst';

/** Whether a read of the projection appends SensitiveRecordViewed before it is answered, as GET /audit does. */
export const isLoggedRead = (projection: string): boolean => projection === AUDIT_TRAIL_NAME;
