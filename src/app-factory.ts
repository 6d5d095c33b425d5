import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { InFlightRequests } from './common/http/in-flight-requests.js';
import { applySecurity } from './common/http/security.js';
import { WriteRateGuard } from './common/load/write-rate.guard.js';
import { TimedExpressAdapter } from './common/http/timed-express-adapter.js';
import { jsonOnlyMiddleware } from './common/http/json-only.middleware.js';
import { jsonBody } from './common/http/json-body.js';
import { jsonGuardMiddleware } from './common/input/json-guard.middleware.js';
import { createValidationPipe } from './common/http/validation.js';
import { JsonLogger } from './common/logging/json-logger.js';
import { requestIdMiddleware } from './common/logging/request-id.middleware.js';
import {
  ProblemDetailsFilter,
  type ProblemMapper,
} from './common/problem/problem-details.filter.js';
import { domainProblem } from './incidents/http/domain-problem.js';
import { storageFaultProblem } from './common/problem/storage-fault-problem.js';
import { storeUnavailableProblem } from './common/problem/store-unavailable-problem.js';
import { setupOpenApi } from './openapi.js';
import { FeedIoAdapter } from './feed/feed-io-adapter.js';
import { CurrentViewBodies } from './incidents/queries/current-view-body.js';
import { keptViewAnswer, keptViewMiddleware } from './incidents/queries/kept-view.middleware.js';

export interface CreateAppOptions {
  logger?: JsonLogger | false;
  problemMappers?: readonly ProblemMapper[];
}

const inFlightByApp = new WeakMap<NestExpressApplication, InFlightRequests>();

/**
 * Shuts down in the order users need: stop accepting connections, let the requests in flight
 * finish (bounded), then stop the feed, the projections and the store.
 */
export async function shutdownApp(app: NestExpressApplication, drainMs = 10_000): Promise<void> {
  const server = app.getHttpServer();
  server.close();
  server.closeIdleConnections();
  await inFlightByApp.get(app)?.drained(drainMs);
  await app.close();
}

/** Builds the whole service as `main.ts` runs it; end-to-end tests boot exactly this. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const adapter = new TimedExpressAdapter(config.limits);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), adapter, {
    bodyParser: false,
    logger: options.logger ?? new JsonLogger(),
  });
  // the feed's messages bound without a per-socket rxjs chain (feed-io-adapter.ts)
  app.useWebSocketAdapter(new FeedIoAdapter(app));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  const inFlight = new InFlightRequests();
  inFlightByApp.set(app, inFlight);
  const securityHeaders = applySecurity(app, config.limits);
  app.use(inFlight.middleware);
  app.use(requestIdMiddleware);
  // a kept current view answers here (conditional or cross-origin GETs), with no body to parse
  // and no route to match; an unconditional one is answered before Express, by the same steps
  const bodies = app.get(CurrentViewBodies);
  app.use(keptViewMiddleware(bodies, config));
  adapter.answerFirst(
    keptViewAnswer(bodies, config, [securityHeaders, inFlight.middleware, requestIdMiddleware]),
  );
  app.use(jsonOnlyMiddleware);
  app.use(...jsonBody(config.maxBody));
  app.use(jsonGuardMiddleware);
  app.useGlobalPipes(createValidationPipe());
  // after the auth guard (an APP_GUARD, registered while the app was created): keys on its principal
  app.useGlobalGuards(new WriteRateGuard(config.limits));
  app.useGlobalFilters(
    new ProblemDetailsFilter([
      domainProblem,
      storageFaultProblem,
      storeUnavailableProblem,
      ...(options.problemMappers ?? []),
    ]),
  );
  setupOpenApi(app);
  return app;
}
