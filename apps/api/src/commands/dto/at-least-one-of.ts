import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Refuses a body that gives none of `fields`. The rule hangs on a `body` pseudo-field, which is
 * therefore reported as the offending field and may not itself be sent.
 */
export const AtLeastOneOf =
  (fields: readonly string[]): ClassDecorator =>
  (target) =>
    registerDecorator({
      name: 'atLeastOneOf',
      target,
      propertyName: 'body',
      options: {
        message: ({ value }: ValidationArguments) =>
          value === undefined
            ? `give at least one of ${fields.join(', ')}`
            : 'property body should not exist',
      },
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) =>
          value === undefined &&
          fields.some((field) => (object as Record<string, unknown>)[field] !== undefined),
      },
    });
