import { randomUUID } from 'node:crypto';
import { invalidField } from './validation.pipe';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Correlation-Id, or a new one: every event of a conversation carries the same id. */
export function correlationIdOf(header: string | string[] | undefined): string {
  if (header === undefined) return randomUUID();
  if (typeof header !== 'string' || !CORRELATION_ID.test(header)) {
    throw invalidField('X-Correlation-Id', 'must be 1-128 characters of A-Z, a-z, 0-9, . _ : -');
  }
  return header;
}
