/**
 * Freezes `value` and every object and array in it, so that a function given it throws a `TypeError` (in
 * strict-mode code, which all TypeScript modules are) the moment it tries to change any of it. An object
 * already frozen is taken as frozen all through: documents share their unchanged parts.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const nested of Object.values(value)) deepFreeze(nested);
  return value;
}
