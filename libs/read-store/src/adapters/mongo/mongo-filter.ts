import type { Document, SortDirection } from 'mongodb';
import type { PagePosition } from '../../page-cursor';
import type { Condition, Sort } from '../../read-store';
import { fieldKey } from './mongo-document';

/**
 * The filter of a checked query. Every operator is chosen here and every value sits under an explicit
 * operator (`$eq`, `$in`, ...), so no caller-supplied object ever becomes part of the filter's structure.
 */
export function documentFilter(
  conditions: readonly Condition[],
  sort?: Sort,
  after?: PagePosition,
): Document {
  const clauses = conditions.map(conditionFilter);
  if (after !== undefined) clauses.push(keysetFilter(sort, after));
  return clauses.length === 0 ? { deleted: { $eq: false } } : { deleted: { $eq: false }, $and: clauses };
}

export function sortSpec(sort?: Sort): [string, SortDirection][] {
  if (sort === undefined) return [['_id', 1]];
  const direction = sort.direction === 'asc' ? 1 : -1;
  return [
    [fieldKey(sort.field), direction],
    ['_id', direction],
  ];
}

/** An anchored, flag-free regular expression is what lets MongoDB serve a prefix from the index. */
export function prefixPattern(prefix: string): string {
  return `^${prefix.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}`;
}

function conditionFilter(condition: Condition): Document {
  const key = fieldKey(condition.field);
  switch (condition.op) {
    case 'eq':
      return { [key]: { $eq: condition.value } };
    case 'in':
      return { [key]: { $in: [...condition.values] } };
    case 'range': {
      const bounds: Document = {};
      if (condition.gt !== undefined) bounds.$gt = condition.gt;
      if (condition.gte !== undefined) bounds.$gte = condition.gte;
      if (condition.lt !== undefined) bounds.$lt = condition.lt;
      if (condition.lte !== undefined) bounds.$lte = condition.lte;
      return { [key]: bounds };
    }
    case 'prefix':
      return { [key]: { $regex: prefixPattern(condition.value) } };
  }
}

/** Documents after the cursor in (sort value, _id) order; null and missing sort before every value. */
function keysetFilter(sort: Sort | undefined, after: PagePosition): Document {
  if (sort === undefined) return { _id: { $gt: after.id } };
  const key = fieldKey(sort.field);
  const { value, id } = after;
  if (sort.direction === 'asc') {
    return value === null
      ? { $or: [{ [key]: { $eq: null }, _id: { $gt: id } }, { [key]: { $ne: null } }] }
      : { $or: [{ [key]: { $gt: value } }, { [key]: { $eq: value }, _id: { $gt: id } }] };
  }
  return value === null
    ? { [key]: { $eq: null }, _id: { $lt: id } }
    : {
        $or: [
          { [key]: { $lt: value } },
          { [key]: { $eq: value }, _id: { $lt: id } },
          { [key]: { $eq: null } },
        ],
      };
}
