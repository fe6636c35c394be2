import { CommanderError } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryCommand } from '../src/query.command';
import { seedCommand } from '../src/seed.command';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Line {
  readonly id: string;
  readonly version: number;
  readonly body: Body;
}

interface QueryRun {
  readonly stdout: string;
  readonly stderr: string;
  /** Commander's exit code when the command refused its input; undefined when it ran. */
  readonly exitCode: number | undefined;
}

const CUSTOMERS = 12;

/** RFC 4180 as the output writes it (CRLF rows, quoted cells with doubled quotes), to read it back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  expect([row, cell]).toEqual([[], '']);
  return rows;
}

/**
 * `crm query` as a user runs it, on the embedded SQLite stores after `crm seed`: the documents the
 * projections built, read through their aliases, as JSON lines and CSV.
 */
describe('crm query', () => {
  let dir: string;
  let all: Line[];

  const crmQuery = async (...args: string[]): Promise<QueryRun> => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    jest.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
    let exitCode: number | undefined;
    try {
      await queryCommand()
        .exitOverride()
        .configureOutput({ writeErr: (text) => void stderr.push(text) })
        .parseAsync(args, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      exitCode = error.exitCode;
    } finally {
      jest.restoreAllMocks();
    }
    return { stdout: stdout.join(''), stderr: stderr.join('\n'), exitCode };
  };

  const lines = (run: QueryRun): Line[] =>
    run.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Line);

  const summary = (run: QueryRun): { documents: number; nextCursor?: string } =>
    JSON.parse(run.stderr.split('\n').at(-1) ?? '') as { documents: number; nextCursor?: string };

  const ids = (documents: readonly Line[]): string[] => documents.map((document) => document.id);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-query-'));
    process.env.CRM_DATA_DIR = dir;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await seedCommand()
      .exitOverride()
      .parseAsync(['--customers', String(CUSTOMERS), '--no-progress'], { from: 'user' });
    jest.restoreAllMocks();
    all = lines(await crmQuery('customer-360', '--limit', '10000'));
  });

  afterAll(() => {
    delete process.env.CRM_DATA_DIR;
    for (const key of ['TIER_REVIEW_ENABLED', 'AUTOMATION_ENABLED']) delete process.env[key];
    rmSync(dir, { recursive: true, force: true });
  });

  describe('--format json (the default)', () => {
    it('prints one { id, version, body } line per document, by id, and the count on stderr', async () => {
      const run = await crmQuery('customer-360');

      expect(ids(lines(run))).toEqual(
        Array.from({ length: CUSTOMERS }, (_, i) => `c${String(i + 1).padStart(6, '0')}`),
      );
      expect(lines(run)).toEqual(all);
      for (const { id, version, body } of all) {
        expect(Object.keys({ id, version, body })).toEqual(['id', 'version', 'body']);
        expect(body.customerId).toBe(id);
        expect(version).toBeGreaterThan(0);
      }
      expect(summary(run)).toEqual({ documents: CUSTOMERS });
      expect(run.exitCode).toBeUndefined();
    });

    it('pages with --limit, printing the nextCursor that --cursor continues from: each document once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const run = await crmQuery('customer-360', '--limit', '5', ...(cursor ? ['--cursor', cursor] : []));
        seen.push(...ids(lines(run)));
        cursor = summary(run).nextCursor;
        pages += 1;
      } while (cursor !== undefined);

      expect(pages).toBe(3); // 5 + 5 + 2
      expect(seen).toEqual(ids(all));
    });

    it('filters with --where, the value typed by the declared field', async () => {
      const tier = all[0].body.tier as string;
      const threshold = [...all.map((d) => d.body.netSpend as number)].sort((a, b) => a - b)[CUSTOMERS / 2];

      const byTier = lines(await crmQuery('customer-360', '--where', `tier=${tier}`));
      const rich = lines(await crmQuery('customer-360', '--where', `netSpend>=${threshold}`));
      const notAtRisk = lines(await crmQuery('customer-360', '--where', 'churnRisk=false'));
      const both = lines(
        await crmQuery('customer-360', '--where', `tier=${tier}`, '--where', `netSpend>=${threshold}`),
      );

      expect(byTier).toEqual(all.filter((d) => d.body.tier === tier));
      expect(byTier.length).toBeGreaterThan(0);
      expect(ids(rich)).toEqual(ids(all.filter((d) => d.body.netSpend >= threshold)));
      expect(ids(rich).length).toBeGreaterThanOrEqual(CUSTOMERS / 2);
      expect(ids(notAtRisk)).toEqual(ids(all.filter((d) => d.body.churnRisk === false)));
      expect(ids(both)).toEqual(ids(all.filter((d) => d.body.tier === tier && d.body.netSpend >= threshold)));
    });

    it('reads one document with --id, and says on stderr when there is none', async () => {
      const found = await crmQuery('customer-360', '--id', 'c000003');
      const missing = await crmQuery('customer-360', '--id', 'c999999');

      expect(lines(found)).toEqual([all[2]]);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toContain('no document c999999 in customer-360');
      expect(missing.exitCode).toBeUndefined();
    });

    it('reads a projection no code refers to, found under projections/ like any other', async () => {
      const complaints = lines(await crmQuery('complaints-by-category-month', '--limit', '10000'));
      const category = complaints[0].body.category as string;
      const inCategory = lines(
        await crmQuery('complaints-by-category-month', '--where', `category=${category}`, '--limit', '10000'),
      );

      expect(complaints.length).toBeGreaterThan(0);
      expect(inCategory).toEqual(complaints.filter((d) => d.body.category === category));
    });
  });

  describe('--format csv', () => {
    it('prints a header and one row per document, the body flattened by dot path', async () => {
      const run = await crmQuery('customer-360', '--format', 'csv');
      const [header, ...rows] = parseCsv(run.stdout);
      const cell = (row: string[], column: string): string => row[header.indexOf(column)];

      expect(header.slice(0, 3)).toEqual(['id', 'version', 'body.customerId']);
      expect(header).toEqual(
        expect.arrayContaining(['body.tier', 'body.netSpend', 'body.profile.email', 'body.timeline']),
      );
      expect(rows).toHaveLength(CUSTOMERS);
      rows.forEach((row, i) => {
        const { id, version, body } = all[i];
        expect(row).toHaveLength(header.length);
        expect([cell(row, 'id'), cell(row, 'version'), cell(row, 'body.tier')]).toEqual([
          id,
          String(version),
          body.tier,
        ]);
        expect(cell(row, 'body.netSpend')).toBe(String(body.netSpend));
        expect(cell(row, 'body.profile.email')).toBe(body.profile.email);
        expect(cell(row, 'body.timeline')).toBe(JSON.stringify(body.timeline));
      });
    });
  });

  describe('refusals: exit 1 with a message naming what is wrong', () => {
    it('an undeclared field, naming the declared fields', async () => {
      const run = await crmQuery('customer-360', '--where', 'email=x@example.com');

      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(
        'error: email is not a declared field: the filterable fields of customer-360 are tier (string), ' +
          'stage (string), churnRisk (boolean), profile.nameLower (string), profile.emailLower (string), ' +
          'netSpend (number), lastPurchaseAt (string)',
      );
      expect(run.stdout).toBe('');
    });

    it.each([
      [['customer-360', '--where', 'netSpend=lots'], 'netSpend takes a number, got "lots"'],
      [['customer-360', '--where', 'tier'], '"tier" is not a filter'],
      [['customer-360', '--id', 'c000001', '--where', 'tier=gold'], 'an id selects one document'],
      [['customer-360', '--cursor', 'bm90LWEtY3Vyc29y'], 'The cursor does not belong to this query'],
      [['customer-360', '--limit', '0'], 'expected a whole number from 1 to 10000'],
      [['customer-360', '--format', 'xml'], 'Allowed choices are json, csv'],
      [['customer-361'], 'Unknown projection "customer-361"; known: audit-trail, '],
    ])('%j', async (args, message) => {
      const run = await crmQuery(...args);

      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    });
  });
});
