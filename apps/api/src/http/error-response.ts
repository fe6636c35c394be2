import { HttpException, HttpStatus } from '@nestjs/common';
import { DOMAIN_ERROR_HTTP_STATUS, InvalidInputError, isDomainError } from '@crm/domain';
import {
  ConcurrencyRetriesExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from '@crm/application';
import { StreamDeletedError } from '@crm/event-store';
import type { ErrorBody } from './error-body';
import type { FieldError } from './field-error';
import { RequestValidationError } from './validation.pipe';

export interface ErrorResponse {
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;
}

const reasonOf = (status: number): string =>
  (HttpStatus[status] ?? 'ERROR')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const codeOf = (status: number): string => (HttpStatus[status] ?? 'error').toLowerCase();

const response = (
  statusCode: number,
  code: string,
  message: string,
  extra: { errors?: readonly FieldError[]; details?: Record<string, unknown> } = {},
  headers: Record<string, string> = {},
): ErrorResponse => ({ body: { statusCode, error: reasonOf(statusCode), code, message, ...extra }, headers });

/** Refusals of the request as a whole, by status: the part of the request at fault. */
const FIELD_OF_STATUS: Readonly<Record<number, string>> = { 413: 'body', 415: 'content-type' };

/** Maps anything thrown while serving a request to its status, JSON body and headers. */
export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof RequestValidationError) {
    const { errors } = error;
    const fields = errors.map((entry) => entry.field).join(', ');
    return response(400, 'validation_failed', `invalid request: ${fields}`, { errors });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const field = FIELD_OF_STATUS[status];
    const errors = field === undefined ? undefined : [{ field, messages: [error.message] }];
    return response(status, codeOf(status), error.message, errors === undefined ? {} : { errors });
  }
  if (error instanceof InvalidInputError) {
    return response(422, error.code, error.message, {
      errors: [{ field: error.field, messages: [error.message] }],
    });
  }
  if (isDomainError(error)) {
    return response(DOMAIN_ERROR_HTTP_STATUS[error.code], error.code, error.message, {
      details: { ...error.details },
    });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return response(422, 'idempotency_key_reused', error.message, {
      details: { commandId: error.commandId },
    });
  }
  if (error instanceof RevisionMismatchError) {
    return response(
      409,
      'revision_mismatch',
      error.message,
      { details: { currentRevision: error.currentRevision } },
      { etag: `"${error.currentRevision}"` },
    );
  }
  if (error instanceof ConcurrencyRetriesExhaustedError) {
    return response(409, 'concurrency_conflict', error.message, {}, { 'retry-after': '1' });
  }
  if (error instanceof StreamDeletedError) {
    // Deleted in the event store by an operator (tombstoned): gone for good, not a server fault.
    return response(410, 'stream_deleted', error.message, { details: { streamId: error.streamId } });
  }
  return response(500, 'internal_error', 'internal server error');
}
