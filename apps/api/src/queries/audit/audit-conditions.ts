import { toEpochMs } from '@crm/domain';
import type { Condition } from '@crm/read-store';
import type { AuditFilter } from './find-audit-entries.query';

/** Event times are stored in UTC (the command executor normalises them), so UTC bounds compare as strings. */
const utc = (instant: string): string => new Date(toEpochMs(instant)).toISOString();

const timeCondition = ({ from, to }: AuditFilter): Condition[] =>
  from === undefined && to === undefined
    ? []
    : [
        {
          field: 'occurredAt',
          op: 'range',
          ...(from === undefined ? {} : { gte: utc(from) }),
          ...(to === undefined ? {} : { lte: utc(to) }),
        },
      ];

const equal = (field: string, value: string | undefined): Condition[] =>
  value === undefined ? [] : [{ field, op: 'eq', value }];

/** Conditions on the audit trail's declared fields, each from one validated scalar. */
export const auditConditions = (filter: AuditFilter): Condition[] => [
  ...equal('customerId', filter.customerId),
  ...equal('actorId', filter.actorId),
  ...equal('type', filter.type),
  ...timeCondition(filter),
];
