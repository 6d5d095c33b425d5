import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller.js';

/** CSV exports of an incident's claims and casualty figures. */
@Module({ controllers: [ExportsController] })
export class ExportsModule {}
