import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_AUTH, MINI_APP_INIT_DATA, POS_API_KEY } from '../common/auth/access.decorators';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dvorik API')
      .setDescription(
        'Loyalty and messaging backend of «Мармеладный Дворик». Admin API under /api/v1 (JWT bearer, roles ' +
          'owner / marketing / readonly); POS till API under /internal/v1 (X-API-Key); Telegram Mini Apps under /webapp/v1 (Telegram initData). Every error answers ' +
          '`{ "error": { "code", "message", "details" } }` with a stable code.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, POS_API_KEY)
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Telegram Mini Apps (/webapp/v1): `tma <Telegram.WebApp.initData>`',
        },
        MINI_APP_INIT_DATA,
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
