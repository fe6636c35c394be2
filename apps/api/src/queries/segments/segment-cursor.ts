import { invalidField } from '../../http/validation.pipe';

/**
 * Pages over a sorted list of customer ids computed in memory: the cursor is the last id served,
 * tagged with the list it belongs to so that a cursor of another query is refused, not reinterpreted.
 */
export const encodeAfterCursor = (list: string, afterId: string): string =>
  Buffer.from(JSON.stringify([list, afterId])).toString('base64url');

export const decodeAfterCursor = (list: string, cursor: string | undefined): string | undefined => {
  if (cursor === undefined) return undefined;
  const decoded = parse(cursor);
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    decoded[0] !== list ||
    typeof decoded[1] !== 'string'
  ) {
    throw invalidField('cursor', 'the cursor does not belong to this query');
  }
  return decoded[1];
};

const parse = (cursor: string): unknown => {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

/** The index of the first id after `afterId` in ascending `ids`. */
export const startAfter = (ids: readonly string[], afterId: string | undefined): number => {
  if (afterId === undefined) return 0;
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ids[middle] <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
};
