export * from './kpi-customer.document';
export {
  kpiCustomers,
  kpiCustomerId,
  evolveKpiCustomer,
  KPI_CUSTOMERS_FIELDS,
  KPI_CUSTOMERS_NAME,
  KPI_CUSTOMERS_VERSION,
} from './definition';
