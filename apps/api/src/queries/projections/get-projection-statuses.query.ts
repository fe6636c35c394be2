import { Query } from '@nestjs/cqrs';
import type { ProjectionStatus } from '@crm/projection-runtime';

export interface ProjectionStatuses {
  readonly projections: ProjectionStatus[];
  /** Why the list is empty: this process runs no projections (distributed mode). */
  readonly note?: string;
}

export class GetProjectionStatusesQuery extends Query<ProjectionStatuses> {}
