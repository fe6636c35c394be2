import type { ProjectionDefinition, ProjectionField } from '@crm/domain';

/** What filtering needs of a projection: its name and declared fields (a definition, or an ad-hoc record). */
export type FilterableProjection = Pick<ProjectionDefinition, 'name' | 'fields'>;
import type { Condition, Scalar } from '@crm/read-store';

/**
 * A filter a person typed against a projection's documents, refused before the read store sees it: the
 * message says what was wrong and, for a field, which fields the projection declares.
 */
export class DocumentFilterError extends Error {
  override readonly name = 'DocumentFilterError';
}

type Operator = '>=' | '<=' | '^=' | '=' | '>' | '<';

/** Operators longest first, so that `>=` is not read as `>` and a value starting with `=`. */
const FILTER = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(>=|<=|\^=|=|>|<)([\s\S]*)$/;
/** JSON's number grammar: no hex, no `Infinity`, no empty string read as 0. */
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const RANGE_BOUND: Readonly<Record<'>' | '>=' | '<' | '<=', 'gt' | 'gte' | 'lt' | 'lte'>> = {
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};

interface ParsedFilter {
  readonly field: ProjectionField;
  readonly operator: Operator;
  readonly value: Scalar;
}

/**
 * Turns `field=value` filters (also `field>=value`, `>`, `<=`, `<` and the string prefix `field^=value`)
 * into read-store conditions on the projection's declared fields, each value typed by its field's declared
 * type. Filters are ANDed, except that several `=` on one field mean any of those values (one `in`).
 */
export function documentConditions(
  definition: FilterableProjection,
  filters: readonly string[],
): Condition[] {
  const parsed = filters.map((filter) => parseFilter(definition, filter));
  const equalities = new Map<string, Scalar[]>();
  const conditions: Condition[] = [];
  for (const { field, operator, value } of parsed) {
    if (operator === '=') {
      const values = equalities.get(field.path) ?? [];
      if (values.length === 0) equalities.set(field.path, values);
      values.push(value);
    } else if (operator === '^=') {
      conditions.push({ field: field.path, op: 'prefix', value: value as string });
    } else {
      if (field.type === 'boolean') {
        throw new DocumentFilterError(`${field.path} is a boolean: it takes = only, not ${operator}`);
      }
      conditions.push({ field: field.path, op: 'range', [RANGE_BOUND[operator]]: value as string | number });
    }
  }
  const byValue = [...equalities].map(
    ([field, values]): Condition =>
      values.length === 1 ? { field, op: 'eq', value: values[0] } : { field, op: 'in', values },
  );
  return [...byValue, ...conditions];
}

function parseFilter(definition: FilterableProjection, filter: string): ParsedFilter {
  const match = FILTER.exec(filter);
  if (match === null) {
    throw new DocumentFilterError(
      `${JSON.stringify(filter)} is not a filter: write field=value (or >=, >, <=, <, ^= for a prefix)`,
    );
  }
  const [, path, operator, text] = match as unknown as [string, string, Operator, string];
  const field = declaredField(definition, path);
  if (operator === '^=' && field.type !== 'string') {
    throw new DocumentFilterError(`${field.path} is a ${field.type}: ^= (prefix) takes a string field`);
  }
  return { field, operator, value: typedValue(field, text) };
}

function declaredField(definition: FilterableProjection, path: string): ProjectionField {
  const fields = definition.fields ?? [];
  const field = fields.find((candidate) => candidate.path === path);
  if (field !== undefined) return field;
  const declared =
    fields.length === 0
      ? `${definition.name} declares no filterable field`
      : `the filterable fields of ${definition.name} are ${fields.map((f) => `${f.path} (${f.type})`).join(', ')}`;
  throw new DocumentFilterError(`${path} is not a declared field: ${declared}`);
}

function typedValue(field: ProjectionField, text: string): Scalar {
  switch (field.type) {
    case 'string':
      return text;
    case 'number':
      if (NUMBER.test(text) && Number.isFinite(Number(text))) return Number(text);
      throw new DocumentFilterError(`${field.path} takes a number, got ${JSON.stringify(text)}`);
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw new DocumentFilterError(`${field.path} takes true or false, got ${JSON.stringify(text)}`);
  }
}
