import {
  CUSTOMER_EVENT_SCHEMA_VERSIONS,
  type CustomerEvent,
  type CustomerEventType,
  type EventEnvelope,
} from '@crm/domain';

/** A stored customer-stream event, narrowed by `type` like the domain's `CustomerEvent` union. */
export type CustomerEnvelope = CustomerEvent & Omit<EventEnvelope, 'type' | 'data'>;

/** An envelope of one customer event type. */
export type CustomerEnvelopeOf<T extends CustomerEventType> = Extract<CustomerEnvelope, { type: T }>;

export const CUSTOMER_EVENT_TYPES = Object.keys(CUSTOMER_EVENT_SCHEMA_VERSIONS) as CustomerEventType[];

export const isCustomerEventType = (type: string): type is CustomerEventType =>
  Object.prototype.hasOwnProperty.call(CUSTOMER_EVENT_SCHEMA_VERSIONS, type);
