import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const OPENAPI_INFO = {
  title: 'Visita API',
  version: '1.0.0',
  description:
    'Wire-compatible with the Altegio / YCLIENTS REST API v1. Auth: `Authorization: Bearer <partner_token>` or `Bearer <partner_token>, User <user_token>`. Every answer is the `{success, data, meta}` envelope.',
};

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          BearerPartner: { type: 'http', scheme: 'bearer', description: 'Bearer <partner_token>' },
          BearerPartnerUser: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Bearer <partner_token>, User <user_token>',
          },
          BearerClient: {
            type: 'http',
            scheme: 'bearer',
            description: 'Bearer <client token> (the client app, /api/app/v1)',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
