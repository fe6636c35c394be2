import type { Condition } from '@crm/read-store';
import type { CustomerFilter } from './list-customers.query';

/** The search key the 360 stores: `profile.nameLower` / `profile.emailLower` use plain toLowerCase. */
const searchCondition = (q: string): Condition =>
  q.includes('@')
    ? { field: 'profile.emailLower', op: 'prefix', value: q.toLowerCase() }
    : { field: 'profile.nameLower', op: 'prefix', value: q.toLowerCase() };

/** Conditions on declared 360 fields, each from one validated scalar. */
export const customerConditions = ({ tier, stage, churnRisk, q }: CustomerFilter): Condition[] => [
  ...(tier === undefined ? [] : [{ field: 'tier', op: 'eq', value: tier } as const]),
  ...(stage === undefined ? [] : [{ field: 'stage', op: 'eq', value: stage } as const]),
  ...(churnRisk === undefined ? [] : [{ field: 'churnRisk', op: 'eq', value: churnRisk } as const]),
  ...(q === undefined ? [] : [searchCondition(q)]),
];
