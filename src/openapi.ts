import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI description at /docs (UI) and /docs-json, written for storyline's users. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('storyline')
    .setDescription(
      [
        'Event-sourced timelines of developing news incidents.',
        'Every error is `application/problem+json` (RFC 9457). Writes need a bearer token',
        '(`Authorization: Bearer <token>`); roles reporter < editor < admin.',
        'Every response carries `X-Request-Id` (send your own to correlate logs).',
      ].join(' '),
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
