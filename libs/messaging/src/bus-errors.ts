/**
 * The broker refused a publish because a message (or the batch carrying it) is over its size limit. Retrying
 * the same publish can never succeed: the caller has to send fewer or smaller messages.
 */
export class MessageTooLargeError extends Error {
  constructor(
    readonly topic: string,
    readonly messages: number,
    options?: { readonly cause?: unknown },
  ) {
    super(`The broker refused ${messages} message(s) on "${topic}" as too large`, options);
    this.name = 'MessageTooLargeError';
  }
}
