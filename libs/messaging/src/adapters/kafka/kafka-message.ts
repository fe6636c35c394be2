import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { BusMessage, ConsumedMessage } from '../../event-bus';

export const toKafkaMessage = (message: BusMessage): Message => ({
  key: message.key,
  value: message.value,
  headers: { ...message.headers },
});

const headerText = (value: IHeaders[string]): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/** Kafka returns keys, values and header values as Buffers. */
export function fromKafkaMessage(message: KafkaMessage): ConsumedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    offset: Number(message.offset),
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers,
  };
}
