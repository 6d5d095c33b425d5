import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ApiBadRequestResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { incidentIdOf } from '../incidents/domain/events.js';
import { type FeedEnvelope, toEnvelope } from './envelope.js';
import { eventsPageSchema } from './envelope-schema.js';
import { EventsQuery } from './events-query.dto.js';
import { streamNdjson } from './ndjson-stream.js';

export interface EventsPage {
  items: FeedEnvelope[];
  /** Pass as `after` for the next page. */
  next: string;
}

const NDJSON = 'application/x-ndjson';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({
    summary: 'The global log of incident events, in position order',
    description:
      '`next` is the position to pass as `after` for the next page: the last event read, or `after` itself when ' +
      'there is nothing new (an empty page means you are at the head). With `Accept: application/x-ndjson` the ' +
      'answer streams one envelope per line from `after` to the head as it was when the request arrived, then ends ' +
      '(`limit` does not apply).',
  })
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiProduces('application/json', NDJSON)
  @ApiOkResponse({
    description: '`{ items: [envelope], next }`, or NDJSON lines',
    schema: eventsPageSchema,
  })
  @ApiBadRequestResponse({ description: 'after or limit invalid, or an unknown parameter' })
  @ApiServiceUnavailableResponse({ description: 'the event store is unreachable' })
  async events(
    @Query() query: EventsQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (req.accepts(['application/json', NDJSON]) === NDJSON) {
      await streamNdjson(this.store, res, query.after);
      return;
    }
    const stored = await this.store.readAll({ after: query.after, limit: query.limit });
    const page: EventsPage = {
      items: stored.filter((event) => incidentIdOf(event.streamId) !== null).map(toEnvelope),
      next: stored.at(-1)?.position ?? query.after,
    };
    res.json(page);
  }
}
