/** OpenAPI shapes of timeline entries, claim history and diffs (API.md). */
import type { SchemaObject } from '@nestjs/swagger';
import { INCIDENT_EVENT_TYPES } from '../domain/events.js';
import {
  CLAIM_FLAG_NAMES,
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
  reportedAt: timeSchema(
    'world time of the event, when it carries one (reports, revisions, retractions; dated disputes, status changes and details revisions)',
  ),
};

const eventRefRequired = ['revision', 'position', 'eventId', 'type', 'recordedAt', 'recordedBy'];

export const timelinePageSchema: SchemaObject = pageSchema({
  type: 'object',
  additionalProperties: false,
  required: [...eventRefRequired, 'summary', 'data'],
  properties: {
    ...eventRefProperties,
    summary: { type: 'string', description: 'one readable line' },
    data: { type: 'object', description: 'the event as recorded' },
  },
});

export const historySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['claimId', 'versions'],
  properties: {
    claimId: { type: 'string' },
    versions: {
      type: 'array',
      description: 'oldest first',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [...eventRefRequired, 'claim'],
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
        'incident fields first (incident-changed), then claims (claim-added, claim-changed with the changed fields, claim-retracted), then moved casualty ranges (casualties-changed) and changed desk assessments (casualty-assessed, before/after the assessment or null)',
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
              'claim-removed',
              'casualties-changed',
              'casualty-assessed',
            ],
          },
          claimId: { type: 'string' },
          state: { type: 'string', description: 'claim-changed: the claim’s state after' },
          flags: {
            type: 'array',
            items: { type: 'string', enum: CLAIM_FLAG_NAMES },
            description: 'claim-changed, claim-retracted: every flag of the claim after',
          },
          fields: {
            type: 'array',
            description: 'claim-changed, claim-retracted: { field, before, after }',
            items: { type: 'object' },
          },
        },
      },
    },
  },
};
