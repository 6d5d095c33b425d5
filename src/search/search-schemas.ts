/** OpenAPI shape of GET /search. */
import type { SchemaObject } from '@nestjs/swagger';
import { CLAIM_STATES } from './claim-filter.js';
import { pageSchema } from '../incidents/queries/view-schemas.js';

export const searchHitSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['incidentId', 'claimId', 'text', 'source', 'reportedAt', 'state'],
  properties: {
    incidentId: { type: 'string' },
    claimId: { type: 'string' },
    text: {
      type: 'string',
      description: 'a statement’s text, or a casualty report’s figures in words',
    },
    source: { type: 'string', description: 'the attribution chain in words' },
    reportedAt: { type: 'string', format: 'date-time' },
    state: { type: 'string', enum: [...CLAIM_STATES] },
  },
};

export const searchPageSchema: SchemaObject = pageSchema(searchHitSchema);
