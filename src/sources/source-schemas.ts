/** OpenAPI shapes of GET /sources and GET /sources/:kind/:name/claims. */
import type { SchemaObject } from '@nestjs/swagger';
import { ATTRIBUTION_KINDS } from '../incidents/domain/events.js';
import { claimSchema, pageSchema } from '../incidents/queries/view-schemas.js';

const count = (description: string): SchemaObject => ({ type: 'integer', minimum: 0, description });

export const sourceRecordSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'name',
    'kind',
    'claims',
    'asOriginal',
    'asRelay',
    'revised',
    'corrected',
    'disputed',
    'supported',
    'retracted',
    'firstReportedAt',
    'lastReportedAt',
  ],
  properties: {
    name: { type: 'string', description: 'as first spelled (names match case-insensitively)' },
    kind: { type: 'string', enum: [...ATTRIBUTION_KINDS] },
    claims: count('claims whose current attribution chain names the source'),
    asOriginal: count('of them, as the original speaker'),
    asRelay: count('of them, as a relay'),
    revised: count('of them, revised by their source'),
    corrected: count('of them, corrected by us'),
    disputed: count('of them, disputed now'),
    supported: count('of them, supported now'),
    retracted: count('of them, retracted'),
    firstReportedAt: { type: 'string', format: 'date-time' },
    lastReportedAt: { type: 'string', format: 'date-time' },
  },
};

export const sourcesPageSchema = pageSchema(sourceRecordSchema);

export const sourceClaimsPageSchema = pageSchema({
  type: 'object',
  additionalProperties: false,
  required: ['incidentId', 'claim'],
  properties: { incidentId: { type: 'string' }, claim: claimSchema },
});
