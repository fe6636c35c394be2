import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';

const ERRORS: ReadonlyArray<[number, string]> = [
  [400, 'Unknown, malformed or out-of-range query parameters, or a cursor of another query'],
  [401, 'Missing, invalid or expired bearer token'],
  [403, 'The token lacks a role this endpoint needs'],
  [503, 'The read model has not been built yet'],
];

/** The success body and the errors every query endpoint shares; `notFound` adds 404. */
export const ApiQueryResponses = (
  type: Type<unknown>,
  description: string,
  options: { notFound?: string } = {},
): MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiResponse({ status: 200, type, description }),
    ...[...ERRORS, ...(options.notFound === undefined ? [] : [[404, options.notFound] as const])].map(
      ([status, text]) => ApiResponse({ status, description: text, type: ErrorResponseDto }),
    ),
  );
