import { Module } from '@nestjs/common';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { AuditQueriesController } from './audit/audit-queries.controller';
import { FindAuditEntriesHandler } from './audit/find-audit-entries.handler';
import { CustomerQueriesController } from './customers/customer-queries.controller';
import { GetCustomer360AsOfHandler } from './customers/get-customer-360-as-of.handler';
import { GetCustomer360Handler } from './customers/get-customer-360.handler';
import { GetCustomerHistoryHandler } from './customers/get-customer-history.handler';
import { ListCustomersHandler } from './customers/list-customers.handler';
import { GetTierSummaryHandler } from './loyalty/get-tier-summary.handler';
import { LoyaltyQueriesController } from './loyalty/loyalty-queries.controller';
import { GetOpportunityHandler } from './opportunities/get-opportunity.handler';
import { GetPipelineSummaryHandler } from './opportunities/get-pipeline-summary.handler';
import { OpportunityQueriesController } from './opportunities/opportunity-queries.controller';
import { FindProjectionDocumentsHandler } from './projections/find-projection-documents.handler';
import { GetProjectionStatusesHandler } from './projections/get-projection-statuses.handler';
import { ProjectionCatalogue } from './projections/projection-catalogue';
import { ProjectionQueriesController } from './projections/projection-queries.controller';
import { GetKpisHandler } from './kpis/get-kpis.handler';
import { KpiQueriesController } from './kpis/kpi-queries.controller';
import { KpiAggregatesFeed } from './kpis/kpi-aggregates-feed';
import { ReadModels } from './read-models';
import { SegmentCustomerPages } from './customers/segment-customer-pages';
import { CurrentRfm } from './segments/current-rfm';
import { GetParetoShareHandler } from './segments/get-pareto-share.handler';
import { GetRfmSegmentsHandler } from './segments/get-rfm-segments.handler';
import { SegmentLedgers } from './segments/segment-ledgers';
import { SegmentQueriesController } from './segments/segment-queries.controller';

/** The read side (DESIGN §7): controllers hand typed queries to the QueryBus; handlers read the ports. */
@Module({
  imports: [DataProtectionModule],
  providers: [
    ReadModels,
    GetCustomer360Handler,
    GetCustomer360AsOfHandler,
    ListCustomersHandler,
    GetCustomerHistoryHandler,
    FindAuditEntriesHandler,
    GetTierSummaryHandler,
    GetPipelineSummaryHandler,
    GetOpportunityHandler,
    GetProjectionStatusesHandler,
    KpiAggregatesFeed,
    ProjectionCatalogue,
    FindProjectionDocumentsHandler,
    GetKpisHandler,
    SegmentLedgers,
    CurrentRfm,
    SegmentCustomerPages,
    GetRfmSegmentsHandler,
    GetParetoShareHandler,
  ],
  controllers: [
    CustomerQueriesController,
    AuditQueriesController,
    LoyaltyQueriesController,
    OpportunityQueriesController,
    ProjectionQueriesController,
    KpiQueriesController,
    SegmentQueriesController,
  ],
})
export class QueriesModule {}
