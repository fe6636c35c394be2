import type { ConsumedBatch, ConsumeOptions } from './event-bus';

export interface DeliveryControl {
  readonly isRunning: () => boolean;
  /** Waits `ms`, ending early when the consumer stops. */
  readonly pause: (ms: number) => Promise<void>;
  /** Keeps group membership alive while a batch is retried (Kafka's heartbeat). */
  readonly keepAlive?: () => Promise<void>;
}

/**
 * Hands `batch` to the handler until it succeeds; true when it did, false when the consumer stopped first.
 * Both adapters use it, so a failed batch is redelivered the same way whatever the bus.
 */
export async function deliverBatch(
  options: ConsumeOptions,
  batch: ConsumedBatch,
  control: DeliveryControl,
): Promise<boolean> {
  while (control.isRunning()) {
    try {
      await options.handle(batch);
      return true;
    } catch (error) {
      options.onError?.(error, batch);
      await control.pause(options.retryDelayMs ?? 1_000);
      await control.keepAlive?.();
    }
  }
  return false;
}
