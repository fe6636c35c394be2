import { InvalidQueryError } from './errors';
import { assertDocumentId, assertFieldPath } from './names';
import { decodeCursor, type PagePosition } from './page-cursor';
import type { CollectionSpec, Condition, FieldSpec, Query, Sort, WriteOperation } from './read-store';

const MAX_PAGE_SIZE = 10_000;
const MAX_IN_VALUES = 1_000;

/** A query whose every field, operator and value has been checked at runtime against the collection. */
export interface CheckedQuery {
  readonly where: readonly Condition[];
  readonly sort?: Sort;
  readonly limit: number;
  readonly after?: PagePosition;
}

export function checkSpec(spec: CollectionSpec): void {
  if (!Array.isArray(spec.fields)) throw new InvalidQueryError('A collection spec needs a fields array');
  const seen = new Set<string>();
  for (const field of spec.fields) {
    assertFieldPath(field.path);
    if (!['string', 'number', 'boolean'].includes(field.type)) {
      throw new InvalidQueryError(`Field ${field.path} has an unknown type ${JSON.stringify(field.type)}`);
    }
    if (seen.has(field.path)) throw new InvalidQueryError(`Field ${field.path} is declared twice`);
    seen.add(field.path);
  }
}

export function checkQuery(spec: CollectionSpec, query: Query): CheckedQuery {
  const { limit, sort, cursor } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (sort !== undefined) {
    declaredField(spec, sort.field);
    if (sort.direction !== 'asc' && sort.direction !== 'desc') {
      throw new InvalidQueryError(`Unknown sort direction ${JSON.stringify(sort.direction)}`);
    }
  }
  return {
    where: checkConditions(spec, query.where),
    sort,
    limit,
    after: cursor === undefined ? undefined : decodeCursor(cursor, sort),
  };
}

export function checkConditions(
  spec: CollectionSpec,
  where: readonly Condition[] | undefined,
): readonly Condition[] {
  if (where === undefined) return [];
  if (!Array.isArray(where)) throw new InvalidQueryError('where must be an array of conditions');
  for (const condition of where) checkCondition(spec, condition);
  return where;
}

function checkCondition(spec: CollectionSpec, condition: Condition): void {
  if (condition === null || typeof condition !== 'object') {
    throw new InvalidQueryError(`A condition must be an object, got ${JSON.stringify(condition)}`);
  }
  const field = declaredField(spec, condition.field);
  const op: unknown = condition.op;
  switch (condition.op) {
    case 'eq':
      return checkScalar(field, condition.value);
    case 'in':
      if (!Array.isArray(condition.values) || condition.values.length > MAX_IN_VALUES) {
        throw new InvalidQueryError(`in on ${field.path} needs an array of at most ${MAX_IN_VALUES} values`);
      }
      return condition.values.forEach((value) => checkScalar(field, value));
    case 'range': {
      if (field.type === 'boolean') throw new InvalidQueryError(`No range on boolean field ${field.path}`);
      const bounds = (['gt', 'gte', 'lt', 'lte'] as const).map((bound) => condition[bound]);
      const present = bounds.filter((bound) => bound !== undefined);
      if (present.length === 0) throw new InvalidQueryError(`range on ${field.path} needs a bound`);
      return present.forEach((bound) => checkScalar(field, bound, false));
    }
    case 'prefix':
      // MongoDB refuses a regular expression with a NUL character in it.
      if (field.type !== 'string' || typeof condition.value !== 'string' || condition.value.includes('\0')) {
        throw new InvalidQueryError(
          `prefix needs a string field and a string value without NUL (${field.path})`,
        );
      }
      return;
    default:
      throw new InvalidQueryError(`Unknown condition operator ${JSON.stringify(op)}`);
  }
}

function declaredField(spec: CollectionSpec, path: unknown): FieldSpec {
  const field = spec.fields.find((candidate) => candidate.path === path);
  if (field === undefined) {
    throw new InvalidQueryError(`Field ${JSON.stringify(path)} is not declared on ${spec.name}`);
  }
  return field;
}

function checkScalar(field: FieldSpec, value: unknown, nullable = true): void {
  const typed = typeof value === field.type && (typeof value !== 'number' || Number.isFinite(value));
  if (!typed && !(nullable && value === null)) {
    throw new InvalidQueryError(`Field ${field.path} takes a ${field.type}, got ${JSON.stringify(value)}`);
  }
}

/** Writes come from projection code, but a bad version would silently break the fence, so it is checked. */
export function checkOperations(operations: readonly WriteOperation[]): void {
  if (!Array.isArray(operations)) throw new InvalidQueryError('bulkWrite needs an array of operations');
  for (const operation of operations) {
    const id = operation.kind === 'upsert' ? operation.document.id : operation.id;
    const version = operation.kind === 'upsert' ? operation.document.version : operation.version;
    assertDocumentId(id);
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new InvalidQueryError(`Version of ${id} must be a non-negative integer, got ${String(version)}`);
    }
    if (operation.kind === 'upsert') {
      const body: unknown = operation.document.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new InvalidQueryError(`The body of ${id} must be a JSON object`);
      }
    } else if (operation.kind !== 'delete') {
      throw new InvalidQueryError(`Unknown write operation ${JSON.stringify(operation)}`);
    }
  }
}
