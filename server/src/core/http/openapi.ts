import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';

export function createRegistry(): OpenAPIRegistry {
  return new OpenAPIRegistry();
}

export function buildOpenApiDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Uitstroomtafel API',
      version: '0.1.0',
      description:
        'Casusregie voor Uitstroomtafels. Alle fouten hebben de vorm { error: { code, message, issues, details? } }.',
    },
    servers: [{ url: '/' }],
  });
}
