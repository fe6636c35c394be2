import { isDeepStrictEqual } from 'node:util';
import { type ArgumentMetadata, BadRequestException, type Type, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { type FieldError, fieldErrors } from './field-error';
import { inputProblems, MAX_BODY_DEPTH } from './input-rules';

/** A 400 that names every field at fault (`validation_failed`). */
/** A query string is flat: its values are strings, or arrays of them when a parameter repeats. */
const QUERY_DEPTH = 2;

export class RequestValidationError extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super({ errors });
  }
}

/** A 400 naming one field (a body field, a query parameter, a path parameter or a header). */
export const invalidField = (field: string, message: string): RequestValidationError =>
  new RequestValidationError([{ field, messages: [message] }]);

const isEmptyObject = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  for (const _ in value) return false;
  return true;
};

/**
 * Request bodies are JSON objects; an array would otherwise fail field by field as properties "0", "1"...
 * Bodies and query strings first pass the input rules (input-rules.ts): depth, reserved keys, `null` and
 * characters, checked without recursion before class-transformer and class-validator walk them.
 * An empty query string skips class-transformer and class-validator when its DTO was found, on first use,
 * to accept it and to come out as a fresh instance: most reads have no query (a few % of a read's CPU).
 */
class RequestValidationPipe extends ValidationPipe {
  private readonly acceptsEmptyQuery = new Map<Type, boolean>();
  /** A DTO's validation rules, as Nest's nested-binary check reads them: fixed once its class is loaded. */
  private readonly rulesByClass = new Map<unknown, ValidationMetadata[]>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw invalidField('body', 'the body must be a JSON object');
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = inputProblems(value, metadata.type === 'body' ? MAX_BODY_DEPTH : QUERY_DEPTH);
      if (problems.length > 0) throw new RequestValidationError(problems);
    }
    const dto = this.wholeQueryDto(metadata);
    if (dto !== undefined && isEmptyObject(value) && (await this.emptyQueryAccepted(dto, metadata))) {
      return new dto();
    }
    return super.transform(value, metadata);
  }

  /**
   * Nest looks up a DTO's rules in class-validator's storage on every call (a scan of every registered
   * class), which measured several % of a command's CPU; the rules of a class never change once loaded.
   */
  protected override findNestedBinaryValues(
    object: unknown,
    metadataCache: Map<unknown, ValidationMetadata[]> = this.rulesByClass,
  ): ValidationError[] {
    return super.findNestedBinaryValues(object, metadataCache);
  }

  private wholeQueryDto(metadata: ArgumentMetadata): Type | undefined {
    const { type, data, metatype } = metadata;
    return type === 'query' && data === undefined && metatype !== undefined && this.toValidate(metadata)
      ? metatype
      : undefined;
  }

  private async emptyQueryAccepted(dto: Type, metadata: ArgumentMetadata): Promise<boolean> {
    const known = this.acceptsEmptyQuery.get(dto);
    if (known !== undefined) return known;
    let accepted: boolean;
    try {
      const validated: unknown = await super.transform({}, metadata);
      accepted = validated instanceof dto && isDeepStrictEqual({ ...validated }, { ...new dto() });
    } catch {
      accepted = false;
    }
    this.acceptsEmptyQuery.set(dto, accepted);
    return accepted;
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
    exceptionFactory: (errors) => new RequestValidationError(fieldErrors(errors)),
  });
