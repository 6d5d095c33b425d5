import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';

/** The web page at `/`: static, built by scripts/build-dashboard.mjs, reading the public API. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
