import { isCrmEventType, type ProjectionDefinition } from '@crm/domain';
import { isProjectionDefinition } from '@crm/platform';
import { storageName } from '@crm/projection-runtime';
import { assertCollectionName, assertFieldPath } from '@crm/read-store/names';
import { loadDefinitionModule } from './definition-file';

/** Kebab-case, as the registered projections are named: it becomes the alias with `-` written `_`. */
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const FIELD_TYPES: ReadonlySet<unknown> = new Set(['string', 'number', 'boolean']);
const SHAPE =
  'an object with name (kebab-case), version (a whole number ≥ 1), handles (event types), ' +
  'documentId, initial and evolve (functions) and fields (the queryable fields, may be [])';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The one definition a module exports: `export default`, a named export, or `module.exports` itself. */
function exportedDefinition(moduleExports: unknown): ProjectionDefinition {
  const candidates = [moduleExports, ...(isObject(moduleExports) ? Object.values(moduleExports) : [])];
  const definitions = [...new Set(candidates.filter(isProjectionDefinition))];
  if (definitions.length === 1) return definitions[0];
  if (definitions.length > 1) {
    const names = definitions.map((definition) => definition.name).join(', ');
    throw new Error(`it exports ${definitions.length} projection definitions (${names}); export one`);
  }
  throw new Error(`it exports no projection definition: expected ${SHAPE}`);
}

function fieldProblems(fields: unknown): string[] {
  if (!Array.isArray(fields)) return ['fields: required, an array of { path, type } (may be empty)'];
  const problems: string[] = [];
  const paths = new Set<unknown>();
  fields.forEach((field: unknown, index) => {
    const { path, type } = isObject(field) ? field : { path: undefined, type: undefined };
    try {
      assertFieldPath(path);
    } catch {
      problems.push(`fields[${index}].path: a dot path of identifiers, got ${JSON.stringify(path)}`);
    }
    if (!FIELD_TYPES.has(type))
      problems.push(`fields[${index}].type: string, number or boolean, got ${JSON.stringify(type)}`);
    if (paths.has(path)) problems.push(`fields[${index}].path: ${JSON.stringify(path)} is declared twice`);
    paths.add(path);
  });
  return problems;
}

/** What is wrong with a definition for a run from a file, empty when nothing is. */
export function adHocDefinitionProblems(
  definition: ProjectionDefinition,
  registered: readonly ProjectionDefinition[],
): string[] {
  const { name, version, handles, fields, fold } = definition;
  const problems: string[] = [];
  if (!NAME.test(name)) {
    problems.push(`name: kebab-case (a-z, 0-9, single hyphens, a letter first), got ${JSON.stringify(name)}`);
  } else {
    try {
      assertCollectionName(storageName(name));
      assertCollectionName(`${storageName(name)}_v${version}`);
    } catch {
      problems.push(`name: reserved by the read store, or too long (${storageName(name)}_v${version})`);
    }
    const clash = registered.find((other) => storageName(other.name) === storageName(name));
    if (clash !== undefined) {
      problems.push(
        `name: "${name}" is taken by the registered projection "${clash.name}" (projections/), whose ` +
          `collections it would write; rename yours, or run \`crm replay ${clash.name}\``,
      );
    }
  }
  if (version < 1) problems.push(`version: a whole number ≥ 1, got ${version}`);
  if (handles.length === 0) problems.push('handles: at least one event type');
  for (const type of handles.filter((handled) => !isCrmEventType(handled))) {
    problems.push(`handles: unknown event type "${type}" (docs/events.md lists them)`);
  }
  problems.push(...fieldProblems(fields));
  if (fold !== undefined && (typeof fold.step !== 'function' || typeof fold.finalize !== 'function')) {
    problems.push('fold: needs step and finalize functions');
  }
  return problems;
}

/**
 * Loads the projection definition a file exports (`crm replay --definition`) and checks it; any problem is
 * an error naming the file and every problem found.
 */
export function loadAdHocDefinition(
  file: string,
  registered: readonly ProjectionDefinition[],
): ProjectionDefinition {
  const moduleExports = loadDefinitionModule(file);
  let definition: ProjectionDefinition;
  try {
    definition = exportedDefinition(moduleExports);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const problems = adHocDefinitionProblems(definition, registered);
  if (problems.length > 0) {
    throw new Error(
      `${file}: not a valid projection definition:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return definition;
}
