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
import type { Envelope } from '../envelope/envelope.js';
import { toEnvelope } from '../envelope/to-envelope.js';
import { eventsPageSchema } from './envelope-schema.js';
import { EventsQuery } from './events-query.dto.js';
import { incidentPage, streamIncidentNdjson } from './incident-log.js';
import { streamNdjson } from './ndjson-stream.js';

export interface EventsPage {
  items: Envelope[];
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
      '(`limit` does not apply). `incidentId` restricts both to one incident’s events (read from its stream); ' +
      'an unknown incident answers an empty page (or no lines).',
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
    const { incidentId, after, limit } = query;
    if (req.accepts(['application/json', NDJSON]) === NDJSON) {
      if (incidentId === undefined) await streamNdjson(this.store, res, after);
      else await streamIncidentNdjson(this.store, res, incidentId, after);
      return;
    }
    if (incidentId === undefined) res.json(await this.page(after, limit));
    else res.json(await incidentPage(this.store, incidentId, after, limit));
  }

  /**
   * Up to `limit` incident events after `after`. Records of other streams (Idempotency-Key
   * reservations) are read past, not counted, so a short page always means the end of the log.
   */
  private async page(after: string, limit: number): Promise<EventsPage> {
    const items: EventsPage['items'] = [];
    let next = after;
    for (;;) {
      const wanted = limit - items.length;
      const stored = await this.store.readAll({ after: next, limit: wanted });
      for (const event of stored) {
        if (incidentIdOf(event.streamId) !== null) items.push(toEnvelope(event));
      }
      next = stored.at(-1)?.position ?? next;
      if (stored.length < wanted || items.length >= limit) return { items, next };
    }
  }
}
