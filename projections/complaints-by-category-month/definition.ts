import {
  parseStreamName,
  type EventEnvelope,
  type ProjectionDefinition,
  type ProjectionField,
} from '@crm/domain';
import {
  emptyComplaintMonths,
  STILL_OPEN_MONTH,
  type ComplaintMonthsDocument,
} from './complaint-months.document';

export const COMPLAINTS_BY_CATEGORY_MONTH_NAME = 'complaints-by-category-month';
export const COMPLAINTS_BY_CATEGORY_MONTH_VERSION = 1;

export const COMPLAINTS_BY_CATEGORY_MONTH_EVENT_TYPES = [
  'Complained',
  'ComplaintResolved',
  'ComplaintReopened',
] as const;

/** `openedMonth ≤ M ≤ activeUntilMonth` finds every complaint with an event in month M. */
export const COMPLAINTS_BY_CATEGORY_MONTH_FIELDS: readonly ProjectionField[] = [
  { path: 'category', type: 'string' },
  { path: 'openedMonth', type: 'string' },
  { path: 'activeUntilMonth', type: 'string' },
];

/** The UTC calendar month of an instant, `YYYY-MM`. */
export const monthOf = (instant: string): string => new Date(instant).toISOString().slice(0, 7);

const text = (event: EventEnvelope, name: string): string | null => {
  const value = (event.data as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : null;
};

/** `<customerId>:<complaintId>` for a complaint event on a customer stream; null otherwise. */
export const complaintMonthsDocumentId = (event: EventEnvelope): string | null => {
  const stream = parseStreamName(event.streamId);
  const complaintId = text(event, 'complaintId');
  return stream?.category === 'customer' && complaintId !== null ? `${stream.id}:${complaintId}` : null;
};

const opened = (doc: ComplaintMonthsDocument, event: EventEnvelope): ComplaintMonthsDocument => ({
  ...doc,
  category: text(event, 'category'),
  openedAt: event.occurredAt,
  openedMonth: monthOf(event.occurredAt),
});

const resolved = (doc: ComplaintMonthsDocument, event: EventEnvelope): ComplaintMonthsDocument => {
  const month = monthOf(event.occurredAt);
  return {
    ...doc,
    resolvedAt: event.occurredAt,
    resolvedMonth: month,
    resolutionMs: doc.openedAt === null ? null : Date.parse(event.occurredAt) - Date.parse(doc.openedAt),
    activeUntilMonth: month,
  };
};

const reopened = (doc: ComplaintMonthsDocument, event: EventEnvelope): ComplaintMonthsDocument => ({
  ...doc,
  resolvedAt: null,
  resolvedMonth: null,
  resolutionMs: null,
  reopenedMonths: [...doc.reopenedMonths, monthOf(event.occurredAt)],
  activeUntilMonth: STILL_OPEN_MONTH,
});

/** Pure; a redelivered event (position at or below the last applied) leaves the document as it is. */
export const evolveComplaintMonths = (
  doc: ComplaintMonthsDocument,
  event: EventEnvelope,
): ComplaintMonthsDocument => {
  if (event.position <= doc.lastPosition) {
    return doc;
  }
  const applied = { ...doc, lastPosition: event.position };
  switch (event.type) {
    case 'Complained':
      return opened(applied, event);
    case 'ComplaintResolved':
      return resolved(applied, event);
    case 'ComplaintReopened':
      return reopened(applied, event);
    default:
      return doc;
  }
};

export const complaintsByCategoryMonth: ProjectionDefinition<ComplaintMonthsDocument> = {
  name: COMPLAINTS_BY_CATEGORY_MONTH_NAME,
  version: COMPLAINTS_BY_CATEGORY_MONTH_VERSION,
  handles: COMPLAINTS_BY_CATEGORY_MONTH_EVENT_TYPES,
  documentId: complaintMonthsDocumentId,
  initial: emptyComplaintMonths,
  evolve: evolveComplaintMonths,
  fields: COMPLAINTS_BY_CATEGORY_MONTH_FIELDS,
};
