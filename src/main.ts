import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, shutdownApp } from './app-factory.js';
import { ConfigError } from './config/environment.js';
import { redactConnectionString } from './event-store/store-location.js';
import { loadConfig, type AppConfig } from './config/app-config.js';

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`storyline: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

// A library promise that rejects with no one listening (the KurrentDB client can leave one behind
// when a connection drops mid-write) is logged instead of ending every reader's and writer's service.
process.on('unhandledRejection', (reason) => {
  new Logger('process').error({ msg: 'unhandled promise rejection', error: String(reason) });
});

const app = await createApp(config);
await app.listen(config.port, config.host);
const logger = new Logger('main');

// Stop accepting, let in-flight requests finish, stop projections and feed, close the store.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.log({ msg: 'shutting down', signal });
    shutdownApp(app).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  });
}
logger.log({
  msg: 'storyline listening',
  url: await app.getUrl(),
  store: redactConnectionString(config.store),
});
