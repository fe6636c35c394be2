import type { FieldError } from './field-error';

/** Every error the API returns has this shape (documented in OpenAPI as ErrorResponse). */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  /** Machine-readable: `validation_failed`, `not_found`, `idempotency_key_reused`, `revision_mismatch`, ... */
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;
}
