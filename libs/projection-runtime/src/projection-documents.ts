import type { Page, ReadStore } from '@crm/read-store';
import { storageName } from './collection-name';
import { DocumentFilterError, documentConditions, type FilterableProjection } from './document-filter';

/** Which documents of a projection to read: one by id, or a page of those matching every filter. */
export type DocumentSelection =
  | { readonly id: string }
  | {
      /** `field=value` and the other forms `documentConditions` reads. */
      readonly where: readonly string[];
      readonly limit: number;
      readonly cursor?: string;
    };

/**
 * A projection's documents as its readers see them: through its alias (ADR 0005), so during a rebuild the
 * version being served, by document id. Only the ReadStore port is used, so it reads any adapter alike.
 * Throws `DocumentFilterError` for a filter the definition does not allow, and the port's errors as they
 * are (`UnknownCollectionError` before the projection's first run, `InvalidQueryError` for a foreign cursor).
 */
export async function projectionDocuments(
  reads: ReadStore,
  definition: FilterableProjection,
  selection: DocumentSelection,
): Promise<Page> {
  const alias = storageName(definition.name);
  if ('id' in selection) {
    const document = await reads.get(alias, selection.id);
    return { items: document === undefined ? [] : [document] };
  }
  return reads.find(alias, {
    where: documentConditions(definition, selection.where),
    limit: selection.limit,
    cursor: selection.cursor,
  });
}

/** An id reads one document, so filters or a cursor beside it would be silently ignored: refused instead. */
export function documentSelection(options: {
  readonly id?: string;
  readonly where?: readonly string[];
  readonly limit: number;
  readonly cursor?: string;
}): DocumentSelection {
  const { id, where = [], limit, cursor } = options;
  if (id === undefined) return { where, limit, cursor };
  if (where.length > 0 || cursor !== undefined) {
    throw new DocumentFilterError('an id selects one document: it takes no filter and no cursor');
  }
  return { id };
}
