import type { PagePosition } from '../../page-cursor';
import type { Condition, Scalar, Sort } from '../../read-store';
import { BODY_TEXT, fieldExpression, quoted } from './schema';

export type SqlValue = string | number | null;

/** SQL text built only from validated field paths; every value is a bound parameter. */
export interface SqlFilter {
  readonly sql: string;
  readonly params: SqlValue[];
}

/** json_extract reads JSON true/false as 1/0, so booleans are compared as those. */
export function sqlValue(value: Scalar): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

export function whereSql(conditions: readonly Condition[], sort?: Sort, after?: PagePosition): SqlFilter {
  const clauses = ['deleted = 0'];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  for (const condition of conditions) {
    const column = fieldExpression(condition.field);
    switch (condition.op) {
      case 'eq':
        if (condition.value === null) add(`${column} IS NULL`);
        else add(`${column} = ?`, sqlValue(condition.value));
        break;
      case 'in': {
        const present = condition.values.filter((value) => value !== null);
        const inList = `${column} IN (SELECT value FROM json_each(?))`;
        if (present.length === condition.values.length) add(inList, JSON.stringify(present));
        else add(`(${inList} OR ${column} IS NULL)`, JSON.stringify(present));
        break;
      }
      case 'range':
        for (const [bound, operator] of [
          ['gt', '>'],
          ['gte', '>='],
          ['lt', '<'],
          ['lte', '<='],
        ] as const) {
          const value = condition[bound];
          if (value !== undefined) add(`${column} ${operator} ?`, value);
        }
        break;
      case 'prefix':
        addPrefix(add, column, condition.value);
        break;
    }
  }
  if (after !== undefined) add(...keysetSql(sort, after));
  return { sql: clauses.join(' AND '), params };
}

/** The page query; `filter` parameters come first, then the row limit. */
export function findSql(table: string, filter: SqlFilter, sort?: Sort): string {
  return `SELECT id, version, ${BODY_TEXT} FROM ${quoted(table)} WHERE ${filter.sql} ORDER BY ${orderSql(sort)} LIMIT ?`;
}

function orderSql(sort?: Sort): string {
  if (sort === undefined) return 'id ASC';
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return `${fieldExpression(sort.field)} ${direction}, id ${direction}`;
}

/**
 * Binary (UTF-8 byte order) comparison puts exactly the strings starting with `prefix` in
 * [prefix, successor(prefix)), which an index range can serve; LIKE and GLOB would need escaping.
 */
function addPrefix(add: (sql: string, ...values: SqlValue[]) => void, column: string, prefix: string): void {
  const upper = successor(prefix);
  if (upper === undefined) add(`${column} >= ?`, prefix);
  else add(`${column} >= ? AND ${column} < ?`, prefix, upper);
}

/** The smallest string greater than every string with this prefix, if any. */
export function successor(prefix: string): string | undefined {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = (codePoints.pop() as number) + 1;
    if (last <= 0x10ffff) {
      codePoints.push(last === 0xd800 ? 0xe000 : last);
      return String.fromCodePoint(...codePoints);
    }
  }
  return undefined;
}

/** Rows after the cursor in (sort value, id) order; NULL sorts first ascending and last descending. */
function keysetSql(sort: Sort | undefined, after: PagePosition): [string, ...SqlValue[]] {
  if (sort === undefined) return ['id > ?', after.id];
  const column = fieldExpression(sort.field);
  const value = sqlValue(after.value);
  if (sort.direction === 'asc') {
    return value === null
      ? [`((${column} IS NULL AND id > ?) OR ${column} IS NOT NULL)`, after.id]
      : [`(${column} > ? OR (${column} = ? AND id > ?))`, value, value, after.id];
  }
  return value === null
    ? [`(${column} IS NULL AND id < ?)`, after.id]
    : [`(${column} < ? OR (${column} = ? AND id < ?) OR ${column} IS NULL)`, value, value, after.id];
}
