import { applyCampaignEvent } from './campaigns';
import {
  applyComplained,
  applyComplaintPrioritized,
  applyComplaintReopened,
  applyComplaintResolved,
} from './complaints';
import { applyConsentGranted, applyConsentWithdrawn } from './consents';
import type { Customer360 } from './customer-360.document';
import type { CustomerEnvelope } from './customer-envelope';
import { applyStageAdvanced } from './lifecycle';
import {
  applyTierChanged,
  applyTierDowngradeCancelled,
  applyTierDowngradeWarned,
  applyTierFloorSet,
} from './loyalty';
import { applyErased, applyProfileUpdated, applyRegistered } from './profile';
import { applyPurchased, applyPurchaseReturned } from './purchases';
import { applyNpsAnswered, applySatisfactionAnswered } from './surveys';

/** Routes one customer event to the section it changes; derived flags are computed afterwards. */
export const applyEvent = (doc: Customer360, event: CustomerEnvelope): Customer360 => {
  switch (event.type) {
    case 'CustomerRegistered':
      return applyRegistered(doc, event);
    case 'CustomerProfileUpdated':
      return applyProfileUpdated(doc, event);
    case 'CustomerErased':
      return applyErased(doc, event);
    case 'Purchased':
      return applyPurchased(doc, event);
    case 'PurchaseReturned':
      return applyPurchaseReturned(doc, event);
    case 'TierChanged':
      return applyTierChanged(doc, event);
    case 'TierDowngradeWarned':
      return applyTierDowngradeWarned(doc, event);
    case 'TierDowngradeCancelled':
      return applyTierDowngradeCancelled(doc);
    case 'TierFloorSet':
      return applyTierFloorSet(doc, event);
    case 'Complained':
      return applyComplained(doc, event);
    case 'ComplaintResolved':
      return applyComplaintResolved(doc, event);
    case 'ComplaintReopened':
      return applyComplaintReopened(doc, event);
    case 'ComplaintPrioritized':
      return applyComplaintPrioritized(doc, event);
    case 'CampaignSent':
    case 'CampaignOpened':
    case 'CampaignClicked':
      return applyCampaignEvent(doc, event);
    case 'StageAdvanced':
      return applyStageAdvanced(doc, event);
    case 'ConsentGranted':
      return applyConsentGranted(doc, event);
    case 'ConsentWithdrawn':
      return applyConsentWithdrawn(doc, event);
    case 'NpsAnswered':
      return applyNpsAnswered(doc, event);
    case 'SatisfactionAnswered':
      return applySatisfactionAnswered(doc, event);
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
