import { InvalidQueryError } from './errors';
import { scalarAt } from './document-value';
import type { Page, Scalar, Sort, StoredDocument } from './read-store';

/** Where the previous page ended: the sort value and id of its last document. */
export interface PagePosition {
  readonly value: Scalar;
  readonly id: string;
}

type CursorTuple = [field: string | null, direction: Sort['direction'], value: Scalar, id: string];

export function encodeCursor(sort: Sort | undefined, position: PagePosition): string {
  const tuple: CursorTuple = [sort?.field ?? null, sort?.direction ?? 'asc', position.value, position.id];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** A cursor is only valid for the sort it was issued for; anything else is refused, not reinterpreted. */
export function decodeCursor(cursor: unknown, sort: Sort | undefined): PagePosition {
  const tuple = parseTuple(cursor);
  if (
    tuple === undefined ||
    tuple[0] !== (sort?.field ?? null) ||
    tuple[1] !== (sort?.direction ?? 'asc') ||
    (sort === undefined && tuple[2] !== null)
  ) {
    throw new InvalidQueryError('The cursor does not belong to this query');
  }
  return { value: tuple[2], id: tuple[3] };
}

function parseTuple(cursor: unknown): CursorTuple | undefined {
  if (typeof cursor !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [field, direction, value, id] = parsed as unknown[];
  const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (
    (field !== null && typeof field !== 'string') ||
    (direction !== 'asc' && direction !== 'desc') ||
    !scalar ||
    typeof id !== 'string'
  ) {
    return undefined;
  }
  return [field, direction, value as Scalar, id];
}

/**
 * Builds a page from up to `limit + 1` fetched documents: the extra one only says that more match, and
 * the cursor points after the last document returned.
 */
export function pageOf(fetched: readonly StoredDocument[], limit: number, sort: Sort | undefined): Page {
  const items = fetched.slice(0, limit);
  if (fetched.length <= limit) return { items };
  const last = items[items.length - 1];
  const value = sort === undefined ? null : scalarAt(last.body, sort.field);
  return { items, nextCursor: encodeCursor(sort, { value, id: last.id }) };
}
