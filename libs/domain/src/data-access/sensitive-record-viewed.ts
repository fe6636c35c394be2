import type { DomainEvent } from '../shared/envelope';
import { requireId } from '../shared/ids';

/** What was read in clear: a decrypted view worth a trace of its own (docs/data-protection.md). */
export const SENSITIVE_RECORDS = ['data-export', 'customer-history', 'audit-trail'] as const;
export type SensitiveRecord = (typeof SENSITIVE_RECORDS)[number];

/**
 * Someone read personal or audit data. Who is in the metadata (actor, source, correlation); the data says
 * what (the record and, for customer records, whose) and why (the declared purpose). It never copies
 * what was read.
 */
export type SensitiveRecordViewed = DomainEvent<
  'SensitiveRecordViewed',
  {
    readonly record: SensitiveRecord;
    /** The customer whose data was read; null for views across customers (the audit trail). */
    readonly customerId: string | null;
    readonly purpose: string;
    /** The query that selected what was read, for views across customers; without personal data. */
    readonly query?: Readonly<Record<string, string>>;
  }
>;

export type DataAccessEvent = SensitiveRecordViewed;
export type DataAccessEventType = DataAccessEvent['type'];

export const DATA_ACCESS_EVENT_SCHEMA_VERSIONS: Readonly<Record<DataAccessEventType, number>> = {
  SensitiveRecordViewed: 1,
};

/** The stream of views across customers: outside every category, so no customer id can collide with it. */
export const SHARED_ACCESS_LOG_STREAM = 'audit-access';

/** Access of one customer's data is logged in `access-<customerId>`, views across customers in one stream. */
export const accessLogStream = (customerId: string | null): string =>
  customerId === null ? SHARED_ACCESS_LOG_STREAM : `access-${requireId('customerId', customerId)}`;
