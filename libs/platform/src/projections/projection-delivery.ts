import type { ProjectionDefinition } from '@crm/domain';

/**
 * Which bus topic a projection reads in distributed mode (ADR 0009).
 *
 * - `per-customer`: every document is changed by the events of one customer only, so the partitioned
 *   topic (key = customer id) delivers each document's events in global order and the version fence holds.
 * - `global-order`: a document takes events of several customers, or the projection links documents in
 *   global order (the audit trail's hash chain); it reads the single-partition topic, in global order.
 */
export type ProjectionDelivery = 'per-customer' | 'global-order';

/**
 * Projections checked to be per-customer (projection-delivery.spec.ts replays the demo history and fails
 * when one of their documents takes events of two customers). Any other projection, such as a new one an
 * analyst adds, reads in global order until it is checked and listed here: slower, never wrong.
 */
export const PER_CUSTOMER_PROJECTIONS: ReadonlySet<string> = new Set([
  'complaints-by-category-month',
  'customer-360',
  'customer-spend',
  'kpi-customers',
  'kpi-facts',
  'loyalty-tier',
  'opportunities',
]);

export function projectionDelivery(definition: ProjectionDefinition): ProjectionDelivery {
  return PER_CUSTOMER_PROJECTIONS.has(definition.name) ? 'per-customer' : 'global-order';
}
