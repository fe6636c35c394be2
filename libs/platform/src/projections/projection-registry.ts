import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';

/**
 * The `projections/` folder: the repository's under jest and ts-node, `dist/apps/<app>/projections/`
 * after `nest build`, which keeps the same layout relative to this file.
 */
export const PROJECTIONS_ROOT = resolve(__dirname, '../../../../projections');

const isFunction = (value: unknown): boolean => typeof value === 'function';

/** Duck-typed: a module export is a projection when it has the shape the runner needs. */
export const isProjectionDefinition = (value: unknown): value is ProjectionDefinition => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ProjectionDefinition, unknown>>;
  return (
    typeof candidate.name === 'string' &&
    Number.isInteger(candidate.version) &&
    Array.isArray(candidate.handles) &&
    candidate.handles.every((type) => typeof type === 'string') &&
    isFunction(candidate.documentId) &&
    isFunction(candidate.initial) &&
    isFunction(candidate.evolve)
  );
};

const hasIndex = (folder: string): boolean =>
  existsSync(join(folder, 'index.ts')) || existsSync(join(folder, 'index.js'));

/** Loads through `require` because jest and ts-node hook it to compile the TypeScript sources. */
const exportsOf = (folder: string): unknown[] =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder is only known at run time
  Object.values(require(join(folder, 'index')) as Record<string, unknown>);

const definitionIn = (root: string, folder: string): ProjectionDefinition | undefined => {
  const definitions = [...new Set(exportsOf(join(root, folder)).filter(isProjectionDefinition))];
  if (definitions.length > 1) {
    const names = definitions.map((definition) => definition.name).join(', ');
    throw new Error(
      `projections/${folder} exports ${definitions.length} definitions (${names}); a folder holds one`,
    );
  }
  return definitions[0];
};

/**
 * Every projection under `root`: each subfolder whose `index` exports a definition, in folder-name order.
 * Folders without an index or without a definition (shared test helpers) are not projections. Two
 * folders defining the same name would share a collection and an alias, so that is refused.
 */
export function discoverProjections(root: string = PROJECTIONS_ROOT): ProjectionDefinition[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && hasIndex(join(root, entry.name)))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byName = new Map<string, string>();
  const definitions: ProjectionDefinition[] = [];
  for (const folder of folders) {
    const definition = definitionIn(root, folder);
    if (definition === undefined) continue;
    const other = byName.get(definition.name);
    if (other !== undefined) {
      throw new Error(
        `Projection "${definition.name}" is defined twice: projections/${other} and projections/${folder}`,
      );
    }
    byName.set(definition.name, folder);
    definitions.push(definition);
  }
  return definitions;
}
