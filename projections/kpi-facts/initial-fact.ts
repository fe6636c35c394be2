import type { KpiFact, KpiFactKind } from './kpi-fact';

const header = <TKind extends KpiFactKind>(kind: TKind) => ({
  kind,
  customerId: null,
  subject: null,
  atMs: null,
  endMs: null,
  lastRevision: -1,
  lastPosition: 0,
});

const EMPTY: Readonly<Record<KpiFactKind, () => KpiFact>> = {
  complaint: () => ({
    ...header('complaint'),
    openedAt: null,
    slaHours: 0,
    resolvedAt: null,
    firstContact: null,
    reopened: false,
  }),
  opportunity: () => ({
    ...header('opportunity'),
    amount: 0,
    currency: null,
    openedAt: null,
    stages: [],
    outcome: null,
    closedAt: null,
  }),
  delivery: () => ({ ...header('delivery'), sentAt: null, openedAt: null, clicks: [] }),
  nps: () => ({ ...header('nps'), score: 0, at: null }),
  csat: () => ({ ...header('csat'), score: 0, at: null }),
  purchase: () => ({ ...header('purchase'), amount: 0, currency: null, at: null, returns: [] }),
};

const isKind = (value: string): value is KpiFactKind => Object.prototype.hasOwnProperty.call(EMPTY, value);

/** Fact ids start with their kind (`complaint:…`, `purchase:…`), so the empty fact follows from the id. */
export const initialFact = (id: string): KpiFact => {
  const kind = id.slice(0, id.indexOf(':'));
  if (!isKind(kind)) {
    throw new Error(`not a KPI fact id: ${id}`);
  }
  return EMPTY[kind]();
};
