/** kafkajs wraps broker errors (`KafkaJSNonRetriableError`, `KafkaJSNumberOfRetriesExceeded`) in `cause`. */
export function kafkaErrorTypes(error: unknown): string[] {
  const types: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null; depth++) {
    const { type, cause } = current as { type?: unknown; cause?: unknown };
    if (typeof type === 'string') types.push(type);
    if (cause === current) break;
    current = cause;
  }
  return types;
}

const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

export const isTooLarge = (error: unknown): boolean => kafkaErrorTypes(error).some((t) => TOO_LARGE.has(t));

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
