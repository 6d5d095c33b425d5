import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EVENT_STORE, StoreUnavailable, type EventStore } from '../../event-store/event-store.js';
import { IncidentCommands } from '../application/incident-commands.service.js';
import { AT_TANF_INCIDENT_ID, atTanf2017Commands } from './at-tanf-2017.js';
import { demoRetryDelay, retryWhileUnavailable } from './retry-while-unavailable.js';

export const DEMO_PRINCIPAL = { name: 'storyline-demo', role: 'admin' } as const;

/**
 * A newcomer should see a real story at once: into an empty store, the At Tanf story is
 * recorded through the same command path as any write (STORYLINE_DEMO=false turns this off).
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('demo');
  private stopRetries?: () => void;

  constructor(
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: IncidentCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    try {
      await this.load();
    } catch (error) {
      // An unreachable store (or a cluster still electing its leader) must not keep the service
      // from starting: the demo is retried in the background, waiting 1 s doubling to 30 s.
      if (!(error instanceof StoreUnavailable)) throw error;
      this.retryInBackground(error);
    }
  }

  onApplicationShutdown(): void {
    this.stopRetries?.();
  }

  private retryInBackground(first: StoreUnavailable): void {
    this.logger.warn({
      msg: 'demo story not loaded yet: the event store is unavailable',
      error: first.message,
    });
    const retry = retryWhileUnavailable(() => this.load(), {
      delay: (n) => demoRetryDelay(n + 1),
      onRetry: (error, n, delayMs) =>
        this.logger.warn({
          msg: 'demo story: store still unavailable',
          error: error.message,
          attempt: n + 2,
          retryInMs: delayMs,
        }),
    });
    this.stopRetries = retry.stop;
    retry.done.catch((error: unknown) =>
      this.logger.error({ msg: 'demo story not loaded', error: String(error) }),
    );
  }

  /** Records the demo story into an empty log (a log with any event is left alone). */
  private async load(): Promise<void> {
    if ((await this.store.head()) !== '0') return;
    const commands = atTanf2017Commands();
    for (const command of commands) {
      await this.commands.execute({
        command,
        principal: DEMO_PRINCIPAL,
        correlationId: `demo-${AT_TANF_INCIDENT_ID}`,
      });
    }
    this.logger.log({
      msg: 'demo story loaded',
      incidentId: AT_TANF_INCIDENT_ID,
      updates: commands.length,
    });
  }
}
