import type { ValidationError } from 'class-validator';

/** One field's problems, with the path into the body (`amount.currency`, `address.city`). */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
