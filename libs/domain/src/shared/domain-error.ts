export type DomainErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'already_exists'
  | 'invalid_transition'
  | 'consent_required'
  | 'customer_erased';

/** Suggested HTTP status per code, for the exception filter at the edge. */
export const DOMAIN_ERROR_HTTP_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 422,
  not_found: 404,
  already_exists: 409,
  invalid_transition: 409,
  consent_required: 422,
  customer_erased: 410,
};

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class AlreadyExistsError extends DomainError {
  readonly code = 'already_exists';
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
}

export class ConsentRequiredError extends DomainError {
  readonly code = 'consent_required';
}

export class CustomerErasedError extends DomainError {
  readonly code = 'customer_erased';

  constructor(customerId: string) {
    super(`customer ${customerId} has been erased; no further commands are accepted`, { customerId });
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
