import { Inject, Optional } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PROJECTION_HOST } from '@crm/platform';
import type { ProjectionHosting } from '@crm/projection-runtime';
import { GetProjectionStatusesQuery, type ProjectionStatuses } from './get-projection-statuses.query';

const DISTRIBUTED_NOTE =
  'This API process runs no projections (distributed mode); ask the projector for their status.';

@QueryHandler(GetProjectionStatusesQuery)
export class GetProjectionStatusesHandler implements IQueryHandler<GetProjectionStatusesQuery> {
  constructor(@Optional() @Inject(PROJECTION_HOST) private readonly host?: ProjectionHosting) {}

  async execute(): Promise<ProjectionStatuses> {
    return this.host === undefined
      ? { projections: [], note: DISTRIBUTED_NOTE }
      : { projections: await this.host.statuses() };
  }
}
