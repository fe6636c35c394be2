import { useEmbeddedApp } from './support/embedded-app';
import { call } from './support/http-client';

interface OpenApiDocument {
  readonly components: {
    readonly schemas: Record<string, { properties: Record<string, { type?: string }> }>;
  };
}

describe('The OpenAPI document at /docs-json', () => {
  const running = useEmbeddedApp();

  it('types money amounts as integers (minor units), as the validation enforces', async () => {
    const { body } = await call<OpenApiDocument>(running().baseUrl, 'GET', '/docs-json');

    expect(body.components.schemas.MoneyDto.properties.amount.type).toBe('integer');
  });
});
