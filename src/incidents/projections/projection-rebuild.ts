import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionWriter } from './projection-writer.js';
import { ReadModelDatabase } from './read-model-database.js';

const PAGE = 500;
const PROGRESS_EVERY_MS = 1000;

/** A rebuild is already running (maps to 409). */
export class RebuildInProgress extends Error {
  override readonly name = 'RebuildInProgress';
}

export interface RebuildStarted {
  status: 'rebuilding';
  /** The log's head when the rebuild started. */
  target: string;
}

/**
 * Rebuilds every read model from the log into the next table generation while reads (and the
 * live runner) keep using the current one, then swaps them in one transaction.
 */
@Injectable()
export class ProjectionRebuild implements OnModuleDestroy {
  private readonly logger = new Logger('projections-rebuild');
  private running: Promise<void> | undefined;
  private cancelled = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: ReadModelDatabase,
    private readonly writer: ProjectionWriter,
    private readonly runner: ProjectionRunner,
  ) {}

  isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts a rebuild in the background; throws RebuildInProgress when one runs. */
  async start(): Promise<RebuildStarted> {
    if (this.running) throw new RebuildInProgress('a rebuild is already running');
    // claim the slot before the first await, so two requests cannot both start one
    let release = () => {};
    this.running = new Promise<void>((resolve) => (release = resolve));
    try {
      const target = await this.store.head();
      const generation = this.readModel.generation() + 1;
      this.readModel.createGeneration(generation);
      this.logger.log(`rebuild into generation ${generation} started, target position ${target}`);
      void this.fill(generation, target).finally(() => {
        this.running = undefined;
        release();
      });
      return { status: 'rebuilding', target };
    } catch (error) {
      this.running = undefined;
      release();
      throw error;
    }
  }

  /** Resolves when the running rebuild (if any) has finished or failed. */
  async settled(): Promise<void> {
    await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    this.cancelled = true;
    await this.running;
  }

  private async fill(generation: number, target: string): Promise<void> {
    const started = Date.now();
    let lastLog = started;
    let applied = 0;
    let checkpoint = '0';
    try {
      for (;;) {
        if (this.cancelled) throw new Error('the service is stopping');
        // the store may answer without yielding: let requests in between pages
        await new Promise<void>((resolve) => setImmediate(resolve));
        const page = await this.store.readAll({ after: checkpoint, limit: PAGE });
        const through = page.at(-1)?.position;
        if (page.length > 0) checkpoint = this.writer.apply(generation, page, through);
        applied += page.length;
        // swap in the same synchronous step as the check, so the runner cannot pass us between
        const caughtUp =
          comparePositions(checkpoint, target) >= 0 &&
          comparePositions(checkpoint, this.runner.position()) >= 0;
        if (page.length < PAGE && caughtUp) break;
        if (Date.now() - lastLog >= PROGRESS_EVERY_MS) {
          lastLog = Date.now();
          const rate = Math.round(applied / ((lastLog - started) / 1000));
          this.logger.log(
            `rebuild at position ${checkpoint} of ${target}: ${applied} events, ${rate} events/s`,
          );
        }
      }
      const old = this.readModel.generation();
      this.readModel.swapTo(generation);
      this.writer.forget(old);
      this.runner.adopt(checkpoint);
      const seconds = (Date.now() - started) / 1000;
      this.logger.log(
        `rebuild done: generation ${generation} current at position ${checkpoint}, ${applied} events in ${seconds.toFixed(1)} s`,
      );
    } catch (error) {
      this.logger.error(
        `rebuild failed, keeping generation ${this.readModel.generation()}: ${String(error)}`,
      );
      try {
        this.readModel.dropGeneration(generation);
        this.writer.forget(generation);
      } catch {
        // the next rebuild drops leftovers before it starts
      }
    }
  }
}
