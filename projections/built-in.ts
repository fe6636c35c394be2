import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { auditTrail } from './audit-trail';
import { customer360 } from './customer-360';
import { customerSpend } from './customer-spend';
import { kpiCustomers } from './kpi-customers';
import { kpiFacts } from './kpi-facts';
import { loyaltyTier } from './loyalty-tier';
import { opportunities } from './opportunities';

/** The read models every deployment runs (DESIGN §6). */
export const builtInProjections = {
  customer360,
  loyaltyTier,
  auditTrail,
  opportunities,
  kpiFacts,
  kpiCustomers,
  customerSpend,
} satisfies Record<string, ProjectionDefinition<ProjectionDocument>>;
