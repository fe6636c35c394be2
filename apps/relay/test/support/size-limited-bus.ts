import { type BusMessage, type EventBus, MessageTooLargeError, messageBytes } from '@crm/messaging';

/** Records what reaches each topic; refuses a publish over `limitBytes` as a broker would (MESSAGE_TOO_LARGE). */
export class SizeLimitedBus implements Pick<EventBus, 'publish'> {
  readonly topics = new Map<string, BusMessage[]>();
  readonly publishedBytes: number[] = [];
  refused = 0;

  constructor(private readonly limitBytes: number) {}

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    const bytes = messages.reduce((sum, message) => sum + messageBytes(message), 0);
    if (bytes > this.limitBytes) {
      this.refused++;
      throw new MessageTooLargeError(topic, messages.length);
    }
    this.publishedBytes.push(bytes);
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), ...messages]);
  }

  positions(topic: string): number[] {
    return (this.topics.get(topic) ?? []).map((message) => Number(message.headers['crm-global-position']));
  }
}
