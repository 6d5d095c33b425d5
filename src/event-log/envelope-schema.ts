import type { SchemaObject } from '@nestjs/swagger';

/** OpenAPI shape of the envelope GET /events and the live feed send. */
export const envelopeSchema: SchemaObject = {
  type: 'object',
  properties: {
    position: { type: 'string', pattern: '^\\d+$', description: 'place in the global log' },
    incidentId: { type: 'string' },
    revision: { type: 'integer', minimum: 0 },
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', example: 'CasualtyFiguresReported' },
    data: { type: 'object', description: 'the event as recorded' },
    recordedAt: { type: 'string', format: 'date-time' },
    recordedBy: { type: 'string' },
  },
};

export const eventsPageSchema: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: envelopeSchema },
    next: { type: 'string', description: 'pass as `after` for the next page' },
  },
};
