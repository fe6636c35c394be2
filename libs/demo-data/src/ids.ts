const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export const customerIdOf = (index: number): string => `c${pad(index + 1, 6)}`;

export const opportunityIdOf = (index: number, ordinal: number): string => `o${pad(index + 1, 6)}-${ordinal}`;

export const commandIdOf = (seed: number, customerId: string, sequence: number): string =>
  `seed-${seed}-${customerId}-${pad(sequence, 3)}`;

export const campaignIdOf = (atMs: number, channel: string): string =>
  `cmp-${new Date(atMs).toISOString().slice(0, 7)}-${channel}`;
