import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { invalidField } from './validation.pipe';

/**
 * The API's one body parser: JSON by `JSON.parse` alone. A malformed or empty body is a 400 naming `body`;
 * every other rule (reserved keys such as `__proto__` and `prototype`, depth, `null`, characters) is the
 * validation pipe's, which names the field at fault. `JSON.parse` makes a `__proto__` key an own property,
 * never a prototype. Other media types (forms included) are 415.
 */
export function useJsonBodyParser(app: NestFastifyApplication): void {
  app.useBodyParser('application/json', {}, (_request, body, done) => {
    const text = body.toString('utf8');
    if (text.trim() === '') {
      done(invalidField('body', 'the body must be a JSON object, not empty'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidField('body', 'the body is not valid JSON'), undefined);
    }
  });
}
