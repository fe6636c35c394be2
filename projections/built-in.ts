import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { auditTrail } from './audit-trail';
import { customer360 } from './customer-360';
import { loyaltyTier } from './loyalty-tier';
import { opportunities } from './opportunities';

/** The read models every deployment runs (DESIGN §6). */
export const builtInProjections = {
  customer360,
  loyaltyTier,
  auditTrail,
  opportunities,
} satisfies Record<string, ProjectionDefinition<ProjectionDocument>>;
