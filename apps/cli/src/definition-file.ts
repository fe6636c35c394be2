import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

/** What an analyst's definition file may be: TypeScript or JavaScript, CommonJS or ES modules. */
export const DEFINITION_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/**
 * The root of the CLI's own modules: the repository under jest and tsx, `dist/apps/cli` after `nest build`,
 * which keeps the same layout relative to this file (as `PROJECTIONS_ROOT` does).
 */
const CLI_ROOT = resolve(__dirname, '../../..');

/**
 * How a definition file outside the repository imports this code base: the same modules the CLI runs, so
 * `parseStreamName` or `upcast` in the file are the CLI's own (compiled JavaScript after `nest build`).
 */
const MODULE_PATHS: Readonly<Record<string, readonly string[]>> = {
  '@crm/domain': ['libs/domain/src'],
  '@crm/domain/*': ['libs/domain/src/*'],
  '@crm/projections/*': ['projections/*'],
};

/** `tsx/cjs/api`: its typings sit behind package `exports`, which the repository's node10 resolution skips. */
interface TsxCjsApi {
  register(): () => void;
}

/**
 * Loads a module from any folder and returns its exports. tsx (esbuild) strips the types of TypeScript and
 * turns ES modules into CommonJS; it does not type-check. Its `require` hook maps `@crm/domain` and
 * `@crm/projections/*` to the CLI's own modules through tsconfig `paths`, which tsx reads from the file
 * `TSX_TSCONFIG_PATH` names when it registers: a tsconfig written for the load into a private temporary
 * folder. The hook is removed once the file and its imports are loaded, so it changes nothing else.
 */
export function loadDefinitionModule(file: string): unknown {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`No definition file at ${path}`);
  if (!(DEFINITION_EXTENSIONS as readonly string[]).includes(extname(path))) {
    throw new Error(`${path}: a definition file ends in ${DEFINITION_EXTENSIONS.join(', ')}`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'crm-definition-'));
  const tsconfig = join(folder, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { baseUrl: CLI_ROOT, paths: MODULE_PATHS } }));
  const previous = process.env.TSX_TSCONFIG_PATH;
  process.env.TSX_TSCONFIG_PATH = tsconfig;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by `--definition`: esbuild is large
  const { register } = require('tsx/cjs/api') as TsxCjsApi;
  const unregister = register();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file is only known at run time
    return require(path) as unknown;
  } catch (error) {
    throw new Error(`${path} did not load: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    unregister();
    if (previous === undefined) delete process.env.TSX_TSCONFIG_PATH;
    else process.env.TSX_TSCONFIG_PATH = previous;
    rmSync(folder, { recursive: true, force: true });
  }
}
