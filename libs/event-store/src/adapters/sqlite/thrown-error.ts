import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../../errors';
import type { ExpectedRevision } from '../../event-store';

/**
 * An error as plain data, to cross from the writer thread: structured cloning keeps only built-in error
 * classes, and callers check the store's errors with `instanceof` and read their fields.
 */
export type ThrownError =
  | {
      readonly kind: 'wrong-expected-revision';
      readonly streamId: string;
      readonly expected: ExpectedRevision;
      readonly actual: number;
    }
  | {
      readonly kind: 'partial-duplicate';
      readonly streamId: string;
      readonly duplicateIds: readonly string[];
    }
  | {
      readonly kind: 'other';
      readonly name: string;
      readonly message: string;
      readonly code?: string;
      readonly stack?: string;
    };

const BUILT_IN_ERRORS: Readonly<Record<string, ErrorConstructor>> = {
  Error,
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

export function describeThrown(error: unknown): ThrownError {
  if (error instanceof WrongExpectedRevisionError) {
    const { streamId, expected, actual } = error;
    return { kind: 'wrong-expected-revision', streamId, expected, actual };
  }
  if (error instanceof PartialDuplicateAppendError) {
    return { kind: 'partial-duplicate', streamId: error.streamId, duplicateIds: error.duplicateIds };
  }
  const thrown: Error & { code?: unknown } = error instanceof Error ? error : new Error(String(error));
  const { name, message, code, stack } = thrown;
  return { kind: 'other', name, message, stack, ...(typeof code === 'string' ? { code } : {}) };
}

/** The error again, of the same class where it is the store's own or a built-in one. */
export function rebuildThrown(thrown: ThrownError): Error {
  switch (thrown.kind) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevisionError(thrown.streamId, thrown.expected, thrown.actual);
    case 'partial-duplicate':
      return new PartialDuplicateAppendError(thrown.streamId, thrown.duplicateIds);
    case 'other': {
      const ErrorClass = Object.hasOwn(BUILT_IN_ERRORS, thrown.name) ? BUILT_IN_ERRORS[thrown.name] : Error;
      const error: Error & { code?: string } = new ErrorClass(thrown.message);
      error.name = thrown.name;
      if (thrown.stack !== undefined) error.stack = thrown.stack;
      if (thrown.code !== undefined) error.code = thrown.code;
      return error;
    }
  }
}
