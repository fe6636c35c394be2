import {
  AUDIT_TRAIL_NAME,
  type AuditEntry,
  type BrokenLink,
  GENESIS_HASH,
  reportChain,
} from '@crm/projections/audit-trail';
import { storageName } from '@crm/projection-runtime';
import { type Page, type ReadStore, UnknownCollectionError } from '@crm/read-store';

export type AuditTrailVerification =
  | { readonly ok: true; readonly verified: number; readonly lastHash: string; readonly lastPosition: number }
  | { readonly ok: false; readonly verified: number; readonly firstBroken: BrokenLink };

/**
 * Recomputes the audit trail's hash chain from the stored entries, in log order, page by page, and stops
 * at the first broken link (`crm audit verify`, `GET /audit/verify`). `lastHash` is worth keeping outside
 * the system: a later run that does not reach it shows a truncated trail.
 */
export async function verifyAuditTrail(reads: ReadStore, pageSize = 1_000): Promise<AuditTrailVerification> {
  let verified = 0;
  let lastHash = GENESIS_HASH;
  let lastPosition = -1;
  let cursor: string | undefined;
  do {
    const page = await pageOf(reads, pageSize, cursor);
    const report = reportChain(
      page.items.map((item) => item.body as AuditEntry),
      lastHash,
      lastPosition,
    );
    if (!report.ok)
      return { ok: false, verified: verified + report.verified, firstBroken: report.firstBroken };
    verified += report.verified;
    lastHash = report.lastHash;
    lastPosition = report.lastPosition;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { ok: true, verified, lastHash, lastPosition };
}

/** A trail whose projection never ran is empty, not an error. */
async function pageOf(reads: ReadStore, limit: number, cursor: string | undefined): Promise<Page> {
  try {
    return await reads.find(storageName(AUDIT_TRAIL_NAME), {
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    });
  } catch (error) {
    if (error instanceof UnknownCollectionError) return { items: [] };
    throw error;
  }
}
