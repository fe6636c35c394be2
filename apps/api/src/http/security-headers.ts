import type { FastifyInstance } from 'fastify';

/**
 * The standard protective headers (the set `@fastify/helmet` sends by default), on every response. Answers
 * carry personal data (the 360, history, exports, audit entries), so none may be kept by a browser or proxy
 * cache (`Cache-Control: no-store`) or sniffed as another type (`X-Content-Type-Options: nosniff`). The JSON
 * API loads nothing (`default-src 'none'`); the OpenAPI page at /docs loads its own scripts and styles.
 */
const COMMON: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export function securityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(COMMON);
    const docs =
      request.url === '/docs' || request.url.startsWith('/docs/') || request.url.startsWith('/docs-');
    void reply.header('content-security-policy', docs ? DOCS_POLICY : API_POLICY);
    done(null, payload);
  });
}
