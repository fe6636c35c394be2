import { CUSTOMER_EVENT_SCHEMA_VERSIONS, type CustomerEvent } from './customer/customer.events';
import {
  DATA_ACCESS_EVENT_SCHEMA_VERSIONS,
  type DataAccessEvent,
} from './data-access/sensitive-record-viewed';
import { OPPORTUNITY_EVENT_SCHEMA_VERSIONS, type OpportunityEvent } from './opportunity/opportunity.events';

export type CrmEvent = CustomerEvent | OpportunityEvent | DataAccessEvent;
export type CrmEventType = CrmEvent['type'];

/** The version every event type is written at today; older stored versions are upcast on read. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<CrmEventType, number>> = {
  ...CUSTOMER_EVENT_SCHEMA_VERSIONS,
  ...OPPORTUNITY_EVENT_SCHEMA_VERSIONS,
  ...DATA_ACCESS_EVENT_SCHEMA_VERSIONS,
};

export const isCrmEventType = (type: string): type is CrmEventType =>
  Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, type);
