import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';

/** Read stores take only `[a-z0-9_]` names, and projection names are kebab-case (`customer-360`). */
export function storageName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** The versioned collection a projection writes, `<name>_v<version>`; its alias is `<name>`. */
export function collectionName(definition: ProjectionDefinition<ProjectionDocument>): string {
  return `${storageName(definition.name)}_v${definition.version}`;
}
