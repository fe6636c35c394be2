import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import { CommandOutcomeDto } from './command-outcome.dto';

const ERRORS: ReadonlyArray<[number, string]> = [
  [400, 'Malformed JSON, unknown or invalid fields, bad headers'],
  [401, 'Missing, invalid or expired bearer token'],
  [403, 'The token lacks a role this endpoint needs'],
  [404, 'Unknown customer, opportunity, purchase or complaint'],
  [
    409,
    'Already exists, an impossible transition, If-Match mismatch (revision_mismatch) or concurrency_conflict',
  ],
  [410, 'The customer was erased'],
  [413, 'Body larger than the limit'],
  [
    422,
    'A domain rule refused it (e.g. consent_required) or the idempotency key was used for another request',
  ],
  [429, 'Rate limit exceeded'],
];

/** The headers and responses every command endpoint shares. */
export const ApiCommandResponses = (options: { created?: boolean } = {}): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key append once',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'Demand the stream revision (an earlier ETag)',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Recorded in every resulting event',
    }),
    ApiResponse({
      status: options.created ? 201 : 200,
      type: CommandOutcomeDto,
      description: 'Appended (or, for a retry, the first outcome); ETag carries the new revision',
    }),
    ...ERRORS.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponseDto })),
  );
