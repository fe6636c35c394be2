import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-error';

export class RequestValidationError extends BadRequestException {}

/** Request bodies are JSON objects; an array would otherwise fail field by field as properties "0", "1"... */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new RequestValidationError({
        errors: [{ field: 'body', messages: ['the body must be a JSON object'] }],
      });
    }
    return super.transform(value, metadata);
  }
}

/**
 * Whitelisted DTOs: unknown fields are refused, not silently dropped, and every failing field is named.
 * Bodies and query strings both go through it.
 */
export const requestValidationPipe = (): ValidationPipe =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError({ errors: fieldErrors(errors) }),
  });
