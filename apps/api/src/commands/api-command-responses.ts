import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import { CommandOutcomeDto } from './command-outcome.dto';
import { COMMAND_ROUTE } from './command-response-headers';

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

/**
 * The headers and responses every command endpoint shares, documented for OpenAPI; the route is also marked
 * so that `commandResponseHeaders` sets its ETag and Idempotent-Replayed headers from the outcome.
 */
export const ApiCommandResponses = (options: { created?: boolean } = {}): MethodDecorator =>
  applyDecorators(
    RouteConfig(COMMAND_ROUTE),
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
      description: 'Appended (or, for a retry, the first outcome)',
      headers: {
        ETag: { description: 'The stream revision after the command; send it back as If-Match' },
        'Idempotent-Replayed': { description: '"true" when this answers a retry with the first outcome' },
      },
    }),
    ...ERRORS.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponseDto })),
  );
