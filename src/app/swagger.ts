import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_AUTH, POS_API_KEY } from '../common/auth/access.decorators';
import { API_TAGS } from '../common/http/api-tags';
import { ErrorBodySchema } from '../common/http/error-body.schema';
import { completeOpenApiDocument } from '../common/http/openapi-completion';

/**
 * The OpenAPI document of the app's routes: the one source of web/api/openapi.json (`npm run
 * api:generate`), of /docs-json and of the contract check in the e2e suite.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Dvorik API')
    .setDescription(
      'Loyalty and messaging backend of «Мармеладный Дворик». Admin API under /api/v1 (JWT bearer, roles ' +
        'owner / marketing / readonly); POS till API under /internal/v1 (X-API-Key). Every error answers ' +
        '`{ "error": { "code", "message", "details" } }` with a stable code.\n\n' +
        'API «Мармеладного Дворика»: клиенты, скидочные коды, рассылки и статистика для админки и кассы.',
    )
    .setVersion('1')
    .addServer('/', 'The server that serves this document (same origin)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, POS_API_KEY);
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // Proprietary code: a license name and no public license text to link to.
  config.info.license = { name: 'Proprietary (UNLICENSED), «Мармеладный Дворик»' };
  return completeOpenApiDocument(
    SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodySchema] }),
  );
}

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
