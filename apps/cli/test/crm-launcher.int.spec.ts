import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The real bin/crm.js, copied into a miniature repository whose "built CLI" echoes its arguments and
 * whose "nest build" records that it ran and writes a new built CLI. The launcher finds everything
 * relative to its own folder, so it cannot tell the difference, and no real 15 s build is needed.
 */
describe('bin/crm.js, the launcher', () => {
  let repo: string;
  const path = (relative: string): string => join(repo, relative);
  const builtCli = 'dist/apps/cli/apps/cli/src/main.js';
  const source = 'apps/cli/src/main.ts';
  const buildLog = 'build.log';

  const write = (relative: string, text: string): void => {
    mkdirSync(dirname(path(relative)), { recursive: true });
    writeFileSync(path(relative), text);
  };
  const setModified = (relative: string, secondsAgo: number): void => {
    const at = new Date(Date.now() - secondsAgo * 1_000);
    utimesSync(path(relative), at, at);
  };
  const crm = (...args: string[]) =>
    spawnSync(process.execPath, [path('bin/crm.js'), ...args], { cwd: repo, encoding: 'utf8' });
  const builds = (): string[] =>
    existsSync(path(buildLog)) ? readFileSync(path(buildLog), 'utf8').trim().split('\n') : [];

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'crm-launcher-'));
    mkdirSync(path('bin'));
    copyFileSync(join(__dirname, '../../../bin/crm.js'), path('bin/crm.js'));
    write(source, 'export {};\n');
    write(builtCli, "console.log('built CLI ran with', process.argv.slice(2).join(' '));\n");
    write(
      'node_modules/@nestjs/cli/bin/nest.js',
      [
        "const fs = require('node:fs');",
        `fs.appendFileSync(${JSON.stringify(buildLog)}, process.argv.slice(2).join(' ') + '\\n');`,
        `if (process.env.FAIL_BUILD) process.exit(2);`,
        `fs.mkdirSync(${JSON.stringify(dirname(builtCli))}, { recursive: true });`,
        `fs.writeFileSync(${JSON.stringify(builtCli)}, "console.log('rebuilt CLI ran with', process.argv.slice(2).join(' '));");`,
      ].join('\n'),
    );
  });

  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  it('runs the built CLI without building when the build is newer than every source', () => {
    setModified(source, 60);
    setModified(builtCli, 10);
    const builtAt = statSync(path(builtCli)).mtimeMs;

    const run = crm('--help');

    expect(run.status).toBe(0);
    expect(run.stdout).toBe('built CLI ran with --help\n');
    expect(builds()).toEqual([]);
    expect(statSync(path(builtCli)).mtimeMs).toBe(builtAt);
  });

  it('builds once, then runs the new build, when a source changed after the last build', () => {
    setModified(builtCli, 60);
    setModified(source, 10);

    const first = crm('seed', '--no-progress');
    const second = crm('seed', '--no-progress');

    expect(builds()).toEqual(['build cli']);
    expect(first.stdout).toBe('rebuilt CLI ran with seed --no-progress\n');
    expect(first.stderr).toContain('crm: building apps/cli');
    expect(second.stdout).toBe('rebuilt CLI ran with seed --no-progress\n');
    expect(second.stderr).toBe('');
  });

  it('builds on first use, when nothing is built yet', () => {
    rmSync(path('dist'), { recursive: true });

    const run = crm('--help');

    expect(builds()).toEqual(['build cli']);
    expect(run.stdout).toBe('rebuilt CLI ran with --help\n');
  });

  it('stops with the build’s exit code, and runs nothing, when the build fails', () => {
    rmSync(path('dist'), { recursive: true });

    const run = spawnSync(process.execPath, [path('bin/crm.js'), '--help'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, FAIL_BUILD: '1' },
    });

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('crm: the build of apps/cli failed');
  });
});
