import { Query } from '@nestjs/cqrs';
import type { PipelineSummary } from '@crm/projections/opportunities';

export class GetPipelineSummaryQuery extends Query<PipelineSummary> {}
