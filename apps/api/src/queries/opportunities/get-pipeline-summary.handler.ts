import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type OpportunityDocument,
  type PipelineSummary,
  pipelineSummary,
} from '@crm/projections/opportunities';
import { READ_MODELS, ReadModels } from '../read-models';
import { GetPipelineSummaryQuery } from './get-pipeline-summary.query';

const BATCH = 1_000;

@QueryHandler(GetPipelineSummaryQuery)
export class GetPipelineSummaryHandler implements IQueryHandler<GetPipelineSummaryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(): Promise<PipelineSummary> {
    return pipelineSummary(await this.openOpportunities());
  }

  private async openOpportunities(): Promise<OpportunityDocument[]> {
    const open: OpportunityDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModels.find(READ_MODELS.opportunities, {
        where: [{ field: 'status', op: 'eq', value: 'open' }],
        limit: BATCH,
        cursor,
      });
      open.push(...page.items.map((item) => item.body as OpportunityDocument));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return open;
  }
}
