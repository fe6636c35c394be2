import { toEpochMs } from '@crm/domain';
import type { ComplaintView, ComplaintsView, Customer360 } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { withChanges } from './document-copy';

const averageResolutionMs = (resolved: readonly ComplaintView[]): number | null =>
  resolved.length === 0
    ? null
    : resolved.reduce((sum, complaint) => sum + (complaint.resolutionMs ?? 0), 0) / resolved.length;

const withComplaints = (
  doc: Customer360,
  open: readonly ComplaintView[],
  resolved: readonly ComplaintView[],
): Customer360 => {
  const complaints: ComplaintsView = { open, resolved, averageResolutionMs: averageResolutionMs(resolved) };
  return withChanges(doc, { complaints });
};

const without = (list: readonly ComplaintView[], complaintId: string): ComplaintView[] =>
  list.filter((complaint) => complaint.complaintId !== complaintId);

export const applyComplained = (doc: Customer360, event: CustomerEnvelopeOf<'Complained'>): Customer360 => {
  const { complaintId, category, channel, slaHours } = event.data;
  const opened: ComplaintView = {
    complaintId,
    category,
    channel,
    slaHours,
    priority: 'normal',
    openedAt: event.occurredAt,
    resolvedAt: null,
    resolutionMs: null,
    firstContact: null,
    reopenCount: 0,
  };
  return withComplaints(
    doc,
    [...without(doc.complaints.open, complaintId), opened],
    without(doc.complaints.resolved, complaintId),
  );
};

/** Resolution time runs from the original opening, also after reopenings (RULES.md, Service). */
export const applyComplaintResolved = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'ComplaintResolved'>,
): Customer360 => {
  const { complaintId, firstContact } = event.data;
  const complaint = doc.complaints.open.find((c) => c.complaintId === complaintId);
  if (complaint === undefined) {
    return doc;
  }
  const resolved: ComplaintView = {
    ...complaint,
    resolvedAt: event.occurredAt,
    resolutionMs: toEpochMs(event.occurredAt) - toEpochMs(complaint.openedAt),
    firstContact,
  };
  return withComplaints(doc, without(doc.complaints.open, complaintId), [
    ...doc.complaints.resolved,
    resolved,
  ]);
};

/** A reopened complaint is open again and keeps its original `openedAt`. */
export const applyComplaintReopened = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'ComplaintReopened'>,
): Customer360 => {
  const { complaintId } = event.data;
  const complaint = doc.complaints.resolved.find((c) => c.complaintId === complaintId);
  if (complaint === undefined) {
    return doc;
  }
  const reopened: ComplaintView = {
    ...complaint,
    resolvedAt: null,
    resolutionMs: null,
    firstContact: null,
    reopenCount: complaint.reopenCount + 1,
  };
  return withComplaints(
    doc,
    [...doc.complaints.open, reopened],
    without(doc.complaints.resolved, complaintId),
  );
};

/** The decider only prioritizes open complaints, so a resolved one is left as it is. */
export const applyComplaintPrioritized = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'ComplaintPrioritized'>,
): Customer360 => {
  const { complaintId, priority } = event.data;
  const open = doc.complaints.open.map((complaint) =>
    complaint.complaintId === complaintId ? { ...complaint, priority } : complaint,
  );
  return withComplaints(doc, open, doc.complaints.resolved);
};
