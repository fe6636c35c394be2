import { getMetadataStorage, type MetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-validator resolves a class's rules on every validation, nested objects included, by testing every
 * registered class for inheritance (typestack/class-validator#2686): 2–3 % of a command's CPU and 7 % of
 * its allocations here. Rules change only when a class or schema registers some, which happens as classes
 * load: each answer is kept per class and arguments until the next registration.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  let byClass = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  const forget =
    <A extends unknown[]>(register: (...args: A) => void) =>
    (...args: A) => {
      byClass = new WeakMap();
      register.apply(storage, args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata);
  storage.addValidationSchema = forget(storage.addValidationSchema);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let answers = byClass.get(target);
    if (answers === undefined) byClass.set(target, (answers = new Map()));
    let rules = answers.get(key);
    if (rules === undefined) answers.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
