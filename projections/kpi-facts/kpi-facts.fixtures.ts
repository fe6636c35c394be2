import { CURRENT_SCHEMA_VERSIONS, isCrmEventType, type EventEnvelope } from '@crm/domain';
import { kpiCustomers, type KpiCustomer } from '../kpi-customers';
import { project, testLog } from '../testing/envelope';
import { kpiFacts } from './definition';
import type { KpiFact } from './kpi-fact';
import type { KpiInput } from './kpis/all-kpis';
import { periodOf, type Period } from './kpis/kpi';

/** A period (from, to] for specs. */
export const MARCH: Period = periodOf('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

/** A little history: `on(customer)` or `deal(id)` appends to that stream; `input()` projects both read models. */
export const history = () => {
  const log = testLog();
  const events: EventEnvelope[] = [];
  const append = (streamId: string, type: string, occurredAt: string, data: unknown): void => {
    const schemaVersion = isCrmEventType(type) ? CURRENT_SCHEMA_VERSIONS[type] : 1;
    events.push(log.append({ streamId, type, occurredAt, data, schemaVersion }));
  };
  return {
    on: (customerId: string, type: string, occurredAt: string, data: unknown = {}) =>
      append(`customer-${customerId}`, type, occurredAt, data),
    deal: (opportunityId: string, type: string, occurredAt: string, data: unknown = {}) =>
      append(`opportunity-${opportunityId}`, type, occurredAt, data),
    events: () => events,
    input: (): KpiInput => ({
      facts: Object.values(project(kpiFacts, events)) as KpiFact[],
      customers: Object.values(project(kpiCustomers, events)) as KpiCustomer[],
    }),
  };
};

export const TRY = (amount: number) => ({ amount, currency: 'TRY' });

export const valueOf = (
  kpis: ReadonlyArray<{ key: string; value: number | null; records: number }>,
  key: string,
) => {
  const found = kpis.find((kpi) => kpi.key === key);
  return found === undefined ? undefined : { value: found.value, records: found.records };
};
