import type { Money } from '../money';
import type { Upcaster } from './upcaster-registry';

export interface PurchasedV1Data {
  readonly purchaseId: string;
  readonly amount: number;
  readonly channel?: string;
}

/** Version 1 was written before multi-currency support, when every purchase was in kuruş. */
export const purchasedV1ToV2: Upcaster = (data) => {
  const v1 = data as PurchasedV1Data;
  const amount: Money = { amount: v1.amount, currency: 'TRY' };
  return { ...v1, amount };
};
