import type { ProjectionDocument } from '@crm/domain';

/**
 * Links each applied document to the one applied before it in global order (the audit trail's hash
 * chain). `link` must be pure: on replay it sees the same previous document and must give the same
 * result.
 */
export interface DocumentChain<TDoc extends ProjectionDocument = ProjectionDocument> {
  link(previous: TDoc | undefined, next: TDoc): TDoc;
}

/** Where the chain ended after the last batch, so that a restarted runner links to the right document. */
export const CHAIN_HEADS = { name: 'projection_chain_heads', fields: [] } as const;
