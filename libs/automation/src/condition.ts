import { resolveFact } from './fact-path';
import type { Condition, RuleFacts, Scalar } from './rule';

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** Numbers compare with numbers, strings (ISO instants, tiers' names) with strings; mixed types never match. */
const compare = (actual: unknown, bound: number | string): number | undefined =>
  typeof actual === typeof bound && (typeof actual === 'number' || typeof actual === 'string')
    ? actual < bound
      ? -1
      : actual > bound
        ? 1
        : 0
    : undefined;

/** Evaluates a validated condition; an empty `all` holds and an empty `any` does not. */
export function evaluateCondition(condition: Condition, facts: RuleFacts): boolean {
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, facts));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  const actual = resolveFact(facts, condition.path);
  if ('eq' in condition) return isScalar(actual) && actual === condition.eq;
  if ('in' in condition) return isScalar(actual) && condition.in.includes(actual);
  if ('gte' in condition) return (compare(actual, condition.gte) ?? -1) >= 0;
  if ('lte' in condition) return (compare(actual, condition.lte) ?? 1) <= 0;
  return (actual !== undefined && actual !== null) === condition.exists;
}
