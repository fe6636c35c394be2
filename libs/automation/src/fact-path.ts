import type { RuleFacts } from './rule';

const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|0|[1-9][0-9]{0,5})$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
const PREFIXES = ['event.data.', 'customer.'] as const;

/** Why a path is not one a rule may read, or undefined when it is. */
export function factPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0 || path.length > 200) {
    return 'a path must be a string of 1-200 characters';
  }
  if (path !== 'event.type' && !PREFIXES.some((prefix) => path.startsWith(prefix))) {
    return `path "${path}" must be event.type, event.data.<field> or customer.<field>`;
  }
  const bad = path.split('.').find((segment) => !SEGMENT.test(segment) || FORBIDDEN.has(segment));
  return bad === undefined ? undefined : `path "${path}" has an invalid segment "${bad}"`;
}

/** The value at a valid path; undefined when any step is missing. Own properties only. */
export function resolveFact(facts: RuleFacts, path: string): unknown {
  let current: unknown = facts;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
