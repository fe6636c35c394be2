import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './error-body';

class FieldErrorDto {
  @ApiProperty({ example: 'amount.amount' })
  field!: string;

  @ApiProperty({ example: ['amount must be an integer number of minor units (kuruş), not a fraction'] })
  messages!: string[];
}

/** The one error shape of the API, for OpenAPI. */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({
    description:
      'validation_failed, unauthorized, forbidden, not_found, already_exists, invalid_transition, consent_required, ' +
      'customer_erased, invalid_input, idempotency_key_reused, revision_mismatch, concurrency_conflict, ' +
      'bad_request, payload_too_large, too_many_requests, internal_error',
    example: 'validation_failed',
  })
  code!: string;

  @ApiProperty({ example: 'invalid request: amount.amount' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    description: 'e.g. currentRevision for revision_mismatch',
    example: { currentRevision: 7 },
  })
  details?: Record<string, unknown>;
}
