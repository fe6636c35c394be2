import { applyDecorators, HttpCode } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import { CommandOutcomeDto } from './command-outcome.dto';
import type { CommandRoute } from './command-response-headers';

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

export interface CommandResponseOptions {
  /** The command adds a new thing (a customer, a purchase, a complaint, …): 201 Created, not 200. */
  readonly created?: boolean;
  /** The new thing is a resource of its own: the path its id follows, sent as Location (`/customers/`). */
  readonly location?: string;
}

const OUTCOME_HEADERS = {
  ETag: { description: 'The stream revision after the command; send it back as If-Match' },
  'Idempotent-Replayed': { description: '"true" when this answers a retry with the first outcome' },
};

/**
 * The status, headers and responses every command endpoint shares, by the rule in docs/api.md ("Status
 * codes"): 200 for a command on something that exists, 201 for one that adds something (200 if it turns
 * out to be there already). The route is marked so that `commandResponseHeaders` sets ETag,
 * Idempotent-Replayed and Location, and settles 201 against 200, from the outcome.
 */
export const ApiCommandResponses = ({
  created = false,
  location,
}: CommandResponseOptions = {}): MethodDecorator =>
  applyDecorators(
    HttpCode(created ? 201 : 200),
    RouteConfig({ commandOutcome: true, created, location } satisfies CommandRoute),
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
    ...(created
      ? [
          ApiResponse({
            status: 201,
            type: CommandOutcomeDto,
            description: 'Added (or, for a retry, the first outcome)',
            headers: {
              ...OUTCOME_HEADERS,
              ...(location === undefined
                ? {}
                : { Location: { description: `The new resource: ${location}{id}` } }),
            },
          }),
          ApiResponse({
            status: 200,
            type: CommandOutcomeDto,
            description: 'Nothing appended: it was already there exactly as asked (events is empty)',
            headers: OUTCOME_HEADERS,
          }),
        ]
      : [
          ApiResponse({
            status: 200,
            type: CommandOutcomeDto,
            description: 'Appended (or, for a retry, the first outcome)',
            headers: OUTCOME_HEADERS,
          }),
        ]),
    ...ERRORS.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponseDto })),
  );
