/** OpenAPI shapes of timeline entries, claim history and diffs (API.md). */
import type { SchemaObject } from '@nestjs/swagger';
import { INCIDENT_EVENT_TYPES } from '../domain/events.js';
import {
  claimSchema,
  pageSchema,
  positionSchema,
  revisionSchema,
  timeSchema,
} from './view-schemas.js';

const eventRefProperties: Record<string, SchemaObject> = {
  revision: revisionSchema,
  position: positionSchema,
  eventId: { type: 'string', format: 'uuid' },
  type: { type: 'string', enum: [...INCIDENT_EVENT_TYPES] },
  recordedAt: timeSchema('when storyline stored the event'),
  recordedBy: { type: 'string', description: 'the principal that recorded it' },
  reportedAt: timeSchema('when the source published it (events about a report only)'),
};

export const timelinePageSchema: SchemaObject = pageSchema({
  type: 'object',
  properties: {
    ...eventRefProperties,
    summary: { type: 'string', description: 'one readable line' },
    data: { type: 'object', description: 'the event as recorded' },
  },
});

export const historySchema: SchemaObject = {
  type: 'object',
  properties: {
    claimId: { type: 'string' },
    versions: {
      type: 'array',
      description: 'oldest first',
      items: {
        type: 'object',
        properties: {
          ...eventRefProperties,
          claim: { ...claimSchema, description: 'the claim after this change' },
        },
      },
    },
  },
};

export const diffSchema: SchemaObject = {
  type: 'object',
  properties: {
    from: revisionSchema,
    to: revisionSchema,
    changes: {
      type: 'array',
      description:
        'incident fields first (incident-changed), then claims (claim-added, claim-changed with the changed fields, claim-retracted), then moved casualty ranges (casualties-changed)',
      items: {
        type: 'object',
        properties: {
          type: {
            type: 'string',
            enum: [
              'incident-changed',
              'claim-added',
              'claim-changed',
              'claim-retracted',
              'casualties-changed',
            ],
          },
        },
      },
    },
  },
};
