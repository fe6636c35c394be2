import type { ProjectionDefinition } from '@crm/domain';

/** One consumer group per projection version (`crm-projection-<name>-v<version>`): each progresses alone. */
export const projectionGroupId = (prefix: string, definition: ProjectionDefinition): string =>
  `${prefix}-${definition.name}-v${definition.version}`;
