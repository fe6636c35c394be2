import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-error';

export class RequestValidationError extends BadRequestException {}

/**
 * Whitelisted DTOs: unknown fields are refused, not silently dropped, and every failing field is named.
 * Bodies and query strings both go through it.
 */
export const requestValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError({ errors: fieldErrors(errors) }),
  });
