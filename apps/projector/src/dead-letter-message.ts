import type { DeadLetter } from '@crm/projection-runtime';
import type { BusMessage, ConsumedMessage } from '@crm/messaging';

export const DEAD_LETTER_HEADERS = {
  projection: 'crm-dead-letter-projection',
  error: 'crm-dead-letter-error',
  attempts: 'crm-dead-letter-attempts',
} as const;

/** The original message, unchanged, with why and where it failed; drained by replaying it after a fix. */
export function deadLetterMessage(original: ConsumedMessage, letter: DeadLetter): BusMessage {
  return {
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
      [DEAD_LETTER_HEADERS.projection]: letter.projection,
      [DEAD_LETTER_HEADERS.error]: letter.error.slice(0, 1_000),
      [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
    },
  };
}
