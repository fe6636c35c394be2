import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../event-store/machine';
import type { CatchUpResult } from './catch-up';
import { applyTable } from './table';

const USAGE = `npm run bench:projection-apply -- --dir PATH [options]

How fast the API's projections apply a log on their own thread, against batch size: the projection side's
ceiling, to set beside the append rate \`bench:http\` reports. PATH is an API data directory (events.db,
keys.db, dev-master-key), e.g. one kept by \`npm run bench:http -- --dir PATH\`; it is copied, not changed.

  --dir PATH           the API data directory whose log is applied                      (required)
  --batch-sizes LIST   runner batch sizes, one catch-up of all projections each          (default 200,500,2000,5000)
  --each N             also each projection alone at batch size N (0: not)               (default 0)
`;

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    'batch-sizes': { type: 'string', default: '200,500,2000,5000' },
    each: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function measure(dir: string, batchSize: number, only = ''): CatchUpResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'catch-up.ts'), dir, String(batchSize), only],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`catch-up exited with ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout) as CatchUpResult;
}

function main(): void {
  if (args.help || args.dir === undefined) {
    process.stdout.write(USAGE);
    process.exit(args.help ? 0 : 1);
  }
  if (!existsSync(join(args.dir, 'events.db'))) throw new Error(`no events.db in ${args.dir}`);
  const batchSizes = args['batch-sizes'].split(',').map(Number);
  const each = Number(args.each);
  const header = machineDescription({
    log: `${args.dir} (copied; the read store starts empty), one child process per row`,
  });
  const rows: CatchUpResult[] = [];
  for (const batchSize of batchSizes) {
    log(`all projections, batch size ${batchSize} …`);
    rows.push(measure(args.dir, batchSize));
  }
  if (each > 0) {
    const names = [
      'audit-trail',
      'customer-360',
      'customer-spend',
      'kpi-customers',
      'kpi-facts',
      'loyalty-tier',
    ];
    for (const name of names) {
      log(`${name} alone, batch size ${each} …`);
      rows.push(measure(args.dir, each, name));
    }
  }
  process.stdout.write(
    [
      '## Projection apply rate',
      '',
      ...header,
      `- load average at end (1/5/15 min): ${loads()}`,
      '',
      applyTable(rows),
      '',
    ].join('\n'),
  );
}

main();
