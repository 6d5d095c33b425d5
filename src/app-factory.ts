import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { jsonOnlyMiddleware } from './common/http/json-only.middleware.js';
import { createValidationPipe } from './common/http/validation.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { requestIdMiddleware } from './common/logging/request-id.middleware.js';
import {
  ProblemDetailsFilter,
  type ProblemMapper,
} from './common/problem/problem-details.filter.js';
import { domainProblem } from './incidents/http/domain-problem.js';
import { setupOpenApi } from './openapi.js';

export interface CreateAppOptions {
  logger?: JsonLogger | false;
  problemMappers?: readonly ProblemMapper[];
}

/** Builds the whole service as `main.ts` runs it; end-to-end tests boot exactly this. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? new JsonLogger(),
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(jsonOnlyMiddleware);
  app.useBodyParser('json', { limit: config.maxBody, type: 'application/json', strict: true });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(
    new ProblemDetailsFilter([domainProblem, ...(options.problemMappers ?? [])]),
  );
  setupOpenApi(app);
  return app;
}
