import type { FieldError } from './field-error';

/**
 * The rules every request body and query string obeys before any DTO looks at it (docs/api.md, "Input
 * rules"). They are checked by one iterative walk, so no input can make it recurse, and each breach is
 * reported with the path of the field that holds it.
 */

/** Bodies nest at most this deep; the deepest command body (`address.city`, `amount.amount`) is 2. */
export const MAX_BODY_DEPTH = 8;
/** At most this many breaches are reported; a hostile body could otherwise hold thousands. */
const MAX_REPORTED = 20;

/**
 * Keys that name a member of every object (`__proto__`, `constructor`, `toString`, ...) or `prototype`:
 * refused anywhere, so no input can reach or shadow what objects inherit.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Half of a UTF-16 surrogate pair without its other half: not a character, and not valid UTF-8 either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * What no string may hold: C0 controls other than tab, line feed and carriage return (NUL included), DEL,
 * the C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which make text display otherwise than it reads.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** What free text may hold but a single-line value may not: tab and the line breaks. */
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;

export const STRING_RULE =
  'must be well-formed Unicode without control characters (tab and line breaks only in free text) or bidirectional overrides';

/** Why `value` breaks the character rules of every string, or undefined when it does not. */
export function characterProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'must be well-formed UTF-16: it holds half of a surrogate pair';
  if (FORBIDDEN_CHARACTER.test(value)) {
    return 'must not hold control characters other than tab and line breaks, nor bidirectional overrides';
  }
  return undefined;
}

export const isSingleLine = (value: string): boolean => !LINE_BREAK_OR_TAB.test(value);

/** A field path as error messages show it: dotted, with any key that is not a plain name quoted. */
const pathOf = (parent: string, key: string): string => {
  const shown = /^[A-Za-z0-9_$-]{1,64}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  return parent === '' ? shown : `${parent}.${shown}`;
};

/**
 * Every breach of the input rules in a parsed body or query string: nesting deeper than `maxDepth`, a
 * reserved key, `null` (an optional field is left out, never null), and a string or key that breaks the
 * character rules. Empty when `value` obeys them all.
 */
export function inputProblems(value: unknown, maxDepth: number, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const report = (field: string, message: string): void => {
    if (problems.length < MAX_REPORTED)
      problems.push({ field: field === '' ? 'body' : field, messages: [message] });
  };
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_REPORTED) {
    const { value: current, path, depth } = pending.pop() as (typeof pending)[number];
    if (current === null) {
      report(path, 'must not be null: leave an optional field out instead');
    } else if (typeof current === 'string') {
      const problem = characterProblem(current);
      if (problem !== undefined) report(path, problem);
    } else if (typeof current === 'object') {
      if (depth >= maxDepth) {
        report(path, `nests deeper than ${maxDepth} levels`);
        continue;
      }
      const entries = Array.isArray(current)
        ? current.map((item, index) => [String(index), item] as const)
        : Object.entries(current as Record<string, unknown>);
      for (const [key, item] of entries) {
        const at = pathOf(path, key);
        if (RESERVED_KEYS.has(key))
          report(at, `${JSON.stringify(key)} is a reserved name and cannot be a field`);
        else if (characterProblem(key) !== undefined) report(at, `the field name ${STRING_RULE}`);
        else pending.push({ value: item, path: at, depth: depth + 1 });
      }
    }
  }
  return problems;
}
