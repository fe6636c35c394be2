import { IsIn } from 'class-validator';

/** Membership in a domain vocabulary, with a message that lists the allowed values. */
export const IsOneOf = (allowed: readonly string[]): PropertyDecorator =>
  IsIn([...allowed], { message: `$property must be one of: ${allowed.join(', ')}` });
