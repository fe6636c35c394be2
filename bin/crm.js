#!/usr/bin/env node
'use strict';
/*
 * The `crm` launcher (`npm run crm -- …`, `npx crm …`). It builds apps/cli only when the built
 * entry point is missing or older than a source it is compiled from, then runs the built CLI in this
 * same process, so Ctrl-C, exit codes and stdout behave as if the CLI had been started directly.
 * Plain JavaScript, because it must run before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entryPoint = join(root, 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
// The CLI compiles code from all three trees (it reuses the API's wiring), so a change in any of them counts.
const sourceTrees = ['apps', 'libs', 'projections'].map((tree) => join(root, tree));
const buildSettings = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'apps/cli/tsconfig.app.json'];

function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of a compiled input under `dir` (specs are not compiled into dist). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, modifiedAt(path) ?? 0);
  }
  return newest;
}

function isBuildFresh() {
  const builtAt = modifiedAt(entryPoint);
  if (builtAt === undefined) return false;
  const newest = Math.max(
    ...sourceTrees.map(newestSource),
    ...buildSettings.map((file) => modifiedAt(join(root, file)) ?? 0),
  );
  return newest <= builtAt;
}

function build() {
  process.stderr.write('crm: building apps/cli (first run, or sources changed since the last build)…\n');
  // Build output goes to stderr: stdout carries only the command's result.
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const result = spawnSync(process.execPath, [nest, 'build', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('crm: the build of apps/cli failed (see above)\n');
    process.exit(result.status ?? 1);
  }
}

if (!isBuildFresh()) build();
require(entryPoint);
