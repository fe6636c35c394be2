/**
 * The customer stream's revision a stored 360 reflects (`lastRevision`), read from the stored JSON bytes.
 * It is the 360's ETag, so a client can send it back as If-Match on a command: read, then write.
 *
 * The 360 is sent on without a parse (GET /customers/{id} is the hottest read), and `emptyCustomer360`
 * puts `lastRevision` right after `customerId` (at most 64 characters), so it sits in the first bytes;
 * the document-copy spec keeps that order. Should a document ever put it elsewhere, the whole JSON is
 * parsed instead: slower, never wrong.
 */
const HEAD_BYTES = 160;
const LAST_REVISION = /"lastRevision":(-?\d+)[,}]/;

export function customer360Revision(json: Buffer): number {
  const inHead = LAST_REVISION.exec(json.subarray(0, HEAD_BYTES).toString('utf8'));
  if (inHead !== null) return Number(inHead[1]);
  return (JSON.parse(json.toString('utf8')) as { lastRevision: number }).lastRevision;
}
