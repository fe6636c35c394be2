export * from './loyalty-tier.document';
export {
  loyaltyTier,
  loyaltyTierProjection,
  loyaltyTierDocumentId,
  evolveLoyaltyTier,
  LOYALTY_TIER_EVENT_TYPES,
  LOYALTY_TIER_FIELDS,
  LOYALTY_TIER_NAME,
  LOYALTY_TIER_VERSION,
} from './definition';
export { measureSpend, noSpend, type SpendColumns, type SpendWindow } from './spend-window';
