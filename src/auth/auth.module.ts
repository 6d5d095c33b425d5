import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { ensureAdminTokenFile } from './admin-token-file.js';
import { AuthGuard } from './auth.guard.js';
import { TokenRegistry } from './token-registry.js';

@Global()
@Module({
  providers: [
    {
      provide: TokenRegistry,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (config.tokens.length > 0) return new TokenRegistry(config.tokens);
        const { file, token } = ensureAdminTokenFile(config.dataDir);
        new Logger('auth').log({ msg: 'no STORYLINE_TOKENS set; admin token file in use', file });
        return new TokenRegistry([{ name: 'admin', role: 'admin', token }]);
      },
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenRegistry],
})
export class AuthModule {}
