import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app-factory.js';
import { ConfigError } from './config/environment.js';
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

const app = await createApp(config);
await app.listen(config.port, config.host);
new Logger('main').log({
  msg: 'storyline listening',
  url: await app.getUrl(),
  store: config.store.startsWith('sqlite:') ? config.store : 'kurrentdb',
});
