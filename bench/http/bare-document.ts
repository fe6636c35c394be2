const DOCUMENT_BYTES = 1024;

/** The document both ceilings answer GET with: customer-360-like JSON padded to exactly 1 KB, serialised once. */
export function storedDocument(): Buffer {
  const document = {
    customerId: 'b-0',
    stage: 'customer',
    tier: 'bronze',
    purchases: { count: 1, gross: { TRY: 100 } },
    notes: '',
  };
  const padding = DOCUMENT_BYTES - Buffer.byteLength(JSON.stringify(document));
  return Buffer.from(JSON.stringify({ ...document, notes: 'x'.repeat(padding) }));
}
