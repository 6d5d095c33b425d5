import { Module } from '@nestjs/common';
import { RebuildController } from './rebuild.controller.js';

/** Operations for admins (the rebuild service comes from the global ProjectionsModule). */
@Module({ controllers: [RebuildController] })
export class AdminModule {}
