export * from './kpi-fact';
export { kpiFacts, evolveKpiFact, KPI_FACTS_FIELDS, KPI_FACTS_NAME, KPI_FACTS_VERSION } from './definition';
export { kpiFactId } from './fact-id';
export * from './kpis/kpi';
export { KpiAggregates } from './aggregates/kpi-aggregates';
