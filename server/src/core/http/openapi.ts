import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';

import { sessionCookieName } from '../session';

/**
 * The two ways to call the API: a person's session (the cookie the sign-in sets) and an
 * organisation's system with an API token. Each operation names which of them reach it and the
 * permission it needs (`x-permission`); docs/partner-systems.md tells a system how to connect.
 */
export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName,
    description: 'De sessie van een ingelogde persoon (POST /api/auth/login).',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ut_…',
    description:
      'Een API-token van de regio-beheerder voor één zetel van één organisatie: Authorization: Bearer ut_…. Het token handelt met het bereik en de projectie van die zetel en alleen met de rechten die het draagt.',
  });
  return registry;
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
