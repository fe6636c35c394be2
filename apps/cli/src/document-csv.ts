import type { JsonValue, StoredDocument } from '@crm/read-store';

/**
 * Documents as RFC 4180 CSV, one row per document and a header row: `id`, `version`, then one column per
 * leaf of the body by dot path (`body.profile.city`), in the order first met across the documents. An array
 * or an empty object is one cell of JSON text; null and a missing value are an empty cell.
 */
export function documentsCsv(documents: readonly StoredDocument[]): string {
  if (documents.length === 0) return '';
  const rows = documents.map((document) => {
    const cells = new Map<string, string>([
      ['id', withoutFormula(document.id)],
      ['version', String(document.version)],
    ]);
    flatten(document.body, 'body', cells);
    return cells;
  });
  const columns = [...new Set(rows.flatMap((cells) => [...cells.keys()]))];
  const lines = [columns, ...rows.map((cells) => columns.map((column) => cells.get(column) ?? ''))];
  return lines.map((line) => line.map(quoted).join(',') + '\r\n').join('');
}

function flatten(value: JsonValue, path: string, cells: Map<string, string>): void {
  if (value === null) {
    cells.set(path, '');
  } else if (Array.isArray(value)) {
    cells.set(path, JSON.stringify(value));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) cells.set(path, '{}');
    for (const [key, inner] of entries) flatten(inner, `${path}.${key}`, cells);
  } else {
    cells.set(path, typeof value === 'string' ? withoutFormula(value) : String(value));
  }
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula, and bodies hold text customers
 * typed (names, complaint descriptions): such text gets a leading apostrophe (OWASP's CSV injection
 * advice). `--format json` keeps every value exact.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const withoutFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
