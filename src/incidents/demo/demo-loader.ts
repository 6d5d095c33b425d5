import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EVENT_STORE, StoreUnavailable, type EventStore } from '../../event-store/event-store.js';
import { IncidentCommands } from '../application/incident-commands.service.js';
import { AT_TANF_INCIDENT_ID, atTanf2017Commands } from './at-tanf-2017.js';

export const DEMO_PRINCIPAL = { name: 'storyline-demo', role: 'admin' } as const;

/**
 * A newcomer should see a real story at once: into an empty store, the At Tanf story is
 * recorded through the same command path as any write (STORYLINE_DEMO=false turns this off).
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('demo');

  constructor(
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: IncidentCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    try {
      if ((await this.store.head()) !== '0') return;
    } catch (error) {
      // An unreachable store must not keep the service from starting; the demo waits for a later start.
      if (!(error instanceof StoreUnavailable)) throw error;
      this.logger.warn({ msg: 'demo story not loaded: the event store is unreachable' });
      return;
    }
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
