/**
 * The URL the start-up log prints for the address the API listens on (`HOST`, `PORT`). A wildcard
 * address (every interface) is not a place to browse to, so it is shown as `localhost`; any other
 * host is shown as it is, so `HOST=127.0.0.1` prints `http://127.0.0.1:3000`.
 */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export function listeningUrl(host: string, port: number): string {
  if (WILDCARDS.has(host)) return `http://localhost:${port}`;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${bracketed}:${port}`;
}
