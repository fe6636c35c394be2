import { Command, InvalidArgumentError, Option } from 'commander';
import { findReadableProjection, readableProjections } from '@crm/platform';
import { DocumentFilterError, documentSelection, projectionDocuments } from '@crm/projection-runtime';
import { InvalidQueryError, type StoredDocument, UnknownCollectionError } from '@crm/read-store';
import { documentsCsv } from './document-csv';
import { isBrokenPipe, JsonlSink } from './jsonl-sink';
import { withReadStore } from './read-store-context';

const DEFAULT_LIMIT = 100;
/** The read store's largest page (ReadStore `Query.limit`). */
const MAX_LIMIT = 10_000;

interface QueryOptions {
  readonly id?: string;
  readonly where: string[];
  readonly limit: number;
  readonly cursor?: string;
  readonly format: 'json' | 'csv';
}

const parseLimit = (value: string): number => {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** One JSON object per line, `{ id, version, body }`: the shape of the API's items, ready for jq. */
const jsonLines = (documents: readonly StoredDocument[]): string =>
  documents.map(({ id, version, body }) => `${JSON.stringify({ id, version, body })}\n`).join('');

/** `crm query`: a projection's documents, any projection under projections/, on any read store. */
export function queryCommand(): Command {
  const command = new Command('query')
    .description(
      "print a projection's documents (through its alias, by document id) as JSON lines or CSV; " +
        'filters only on the fields the projection declares. Output may be personal data.',
    )
    .argument('<projection>', 'projection name, e.g. customer-360')
    .option('--id <id>', 'only the document with this id')
    .option(
      '--where <filter>',
      'field=value on a declared field (repeatable: ANDed, several = on one field mean any of them); ' +
        'also field>=value, >, <=, < and field^=prefix',
      collect,
      [],
    )
    .option('--limit <n>', `documents per page, 1 to ${MAX_LIMIT}`, parseLimit, DEFAULT_LIMIT)
    .option('--cursor <cursor>', 'the nextCursor of the previous page (same filters): the next page')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'));
  return command.action(async (name: string, options: QueryOptions) => {
    try {
      const selection = documentSelection(options);
      const found = await withReadStore(async (reads) => {
        const projection = await findReadableProjection(name, reads);
        if (projection === undefined) return { known: await readableProjections(reads) };
        return { projection, page: await projectionDocuments(reads, projection, selection) };
      });
      const { page, known } = found;
      if (page === undefined) {
        const names = (known ?? []).map((projection) => projection.name).join(', ');
        return command.error(`error: Unknown projection "${name}"; known: ${names}`);
      }
      await print(options.format === 'csv' ? documentsCsv(page.items) : jsonLines(page.items));
      if (options.id !== undefined && page.items.length === 0) {
        console.error(`no document ${options.id} in ${name}`);
      }
      console.error(JSON.stringify({ documents: page.items.length, nextCursor: page.nextCursor }));
    } catch (error) {
      if (error instanceof DocumentFilterError) return command.error(`error: ${error.message}`);
      if (error instanceof InvalidQueryError) return command.error(`error: ${error.message}`);
      if (error instanceof UnknownCollectionError) {
        return command.error(
          `error: ${name} has no documents yet: its collection is created on its first run ` +
            `(start the API, or crm replay ${name})`,
        );
      }
      throw error;
    }
  });
}

/** Piping into `head` ends the output early (EPIPE): nothing is wrong with the query. */
async function print(output: string): Promise<void> {
  const sink = JsonlSink.stdout();
  try {
    await sink.write(output);
    await sink.close();
  } catch (error) {
    if (!isBrokenPipe(error)) throw error;
  }
}
