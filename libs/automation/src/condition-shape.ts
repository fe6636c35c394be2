import { factPathProblem } from './fact-path';

export const CONDITION_OPERATORS = ['eq', 'in', 'gte', 'lte', 'exists'] as const;
const GROUPS = ['all', 'any', 'not'] as const;
const MAX_DEPTH = 8;
const MAX_IN_VALUES = 100;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const operandProblem = (operator: string, operand: unknown): string | undefined => {
  switch (operator) {
    case 'eq':
      return isScalar(operand) ? undefined : 'eq takes a string, number, boolean or null';
    case 'in':
      return Array.isArray(operand) && operand.length <= MAX_IN_VALUES && operand.every(isScalar)
        ? undefined
        : `in takes a list of at most ${MAX_IN_VALUES} strings, numbers, booleans or nulls`;
    case 'gte':
    case 'lte':
      return typeof operand === 'number' || typeof operand === 'string'
        ? undefined
        : `${operator} takes a number or a string`;
    default:
      return typeof operand === 'boolean' ? undefined : 'exists takes true or false';
  }
};

const leafProblem = (condition: Record<string, unknown>, at: string): string | undefined => {
  const pathProblem = factPathProblem(condition.path);
  if (pathProblem !== undefined) return `${at}: ${pathProblem}`;
  const others = Object.keys(condition).filter((key) => key !== 'path');
  const unknown = others.find((key) => !(CONDITION_OPERATORS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    return `${at}: unknown operator "${unknown}"; the operators are ${CONDITION_OPERATORS.join(', ')}`;
  }
  if (others.length !== 1) return `${at}: give exactly one operator with the path, got ${others.length}`;
  const problem = operandProblem(others[0], condition[others[0]]);
  return problem === undefined ? undefined : `${at}: ${problem}`;
};

/**
 * Why a value is not a condition, naming where below `at` (`.all[1]`), or undefined when it is one.
 * A condition is a group `{all: [...]}`, `{any: [...]}`, `{not: {...}}` or a test `{path, <operator>}`.
 */
export function conditionProblem(condition: unknown, at: string, depth = 0): string | undefined {
  if (!isPlainObject(condition)) return `${at}: a condition must be an object`;
  if (depth > MAX_DEPTH) return `${at}: conditions nest at most ${MAX_DEPTH} deep`;
  if ('path' in condition) return leafProblem(condition, at);
  const keys = Object.keys(condition);
  const group = keys[0];
  if (keys.length !== 1 || !(GROUPS as readonly string[]).includes(group)) {
    return `${at}: expected one of all, any, not, or a path with one of ${CONDITION_OPERATORS.join(', ')}; got {${keys.join(', ')}}`;
  }
  if (group === 'not') return conditionProblem(condition.not, `${at}.not`, depth + 1);
  const members = condition[group];
  if (!Array.isArray(members)) return `${at}.${group}: must be a list of conditions`;
  for (const [index, member] of members.entries()) {
    const problem = conditionProblem(member, `${at}.${group}[${index}]`, depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Why a template's data is not `{field: literal | {path}}`, or undefined when it is. */
export function templateDataProblem(data: unknown, at: string): string | undefined {
  if (!isPlainObject(data)) return `${at}: must be an object of fields`;
  for (const [field, value] of Object.entries(data)) {
    if (isScalar(value)) continue;
    if (!isPlainObject(value) || Object.keys(value).join() !== 'path') {
      return `${at}.${field}: must be a literal (string, number, boolean, null) or { "path": ... }`;
    }
    const problem = factPathProblem(value.path);
    if (problem !== undefined) return `${at}.${field}: ${problem}`;
  }
  return undefined;
}
