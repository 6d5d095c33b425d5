/** OpenAPI shapes of the incident view, a claim and the list summary (API.md). */
import type { SchemaObject } from '@nestjs/swagger';
import { ATTRIBUTION_KINDS, MEASURES, PRECISIONS, STATUSES } from '../domain/events.js';
import { analysisCasualtyProperties, analysisClaimProperties } from './analysis-schemas.js';

const time = (description: string): SchemaObject => ({
  type: 'string',
  format: 'date-time',
  description,
});
const position: SchemaObject = {
  type: 'string',
  pattern: '^\\d+$',
  description: 'place in the global log (decimal string; compare as BigInt)',
};
const revision: SchemaObject = {
  type: 'integer',
  minimum: 0,
  description: '0 for the first event',
};

export const attributionSchema: SchemaObject = {
  type: 'array',
  description: 'the original speaker first, then each outlet that relayed it',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'kind'],
    properties: {
      name: { type: 'string' },
      kind: { type: 'string', enum: [...ATTRIBUTION_KINDS] },
      named: { type: 'boolean' },
      role: { type: 'string' },
      url: { type: 'string' },
      archiveUrl: { type: 'string' },
    },
  },
};

const figuresSchema: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['measure', 'group', 'min', 'max'],
    properties: {
      measure: { type: 'string', enum: [...MEASURES] },
      group: { type: 'string' },
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', nullable: true, description: 'null: no upper bound' },
      wording: { type: 'string' },
    },
  },
};

export const CLAIM_FLAG_NAMES = ['revised', 'corrected', 'disputed', 'supported', 'retracted'];

const disputeSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['byClaimId', 'recordedAt'],
  properties: {
    byClaimId: { type: 'string' },
    note: { type: 'string' },
    reportedAt: time('world time of the dispute, when it was given'),
    recordedAt: time('when storyline recorded the dispute'),
  },
};

export const claimSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'claimId',
    'kind',
    'state',
    'flags',
    'attribution',
    'source',
    'reportedAt',
    'firstReportedAt',
    'recordedAt',
    'updatedAt',
    'versions',
    'disputedBy',
    'disputes',
    'supportedBy',
    'supports',
    'corroboration',
  ],
  properties: {
    claimId: { type: 'string' },
    kind: { type: 'string', enum: ['statement', 'casualties'] },
    state: {
      type: 'string',
      enum: ['active', 'revised', 'corrected', 'disputed', 'retracted'],
      description:
        'the dominant flag: retracted > disputed > corrected > revised; active without flags',
    },
    flags: {
      type: 'array',
      items: { type: 'string', enum: CLAIM_FLAG_NAMES },
      description:
        'every state that applies, in this order: revised and corrected once set; disputed and supported while a non-retracted claim disputes or supports it; retracted',
    },
    text: { type: 'string', description: 'statements' },
    quoted: { type: 'string', enum: ['verbatim', 'paraphrase'] },
    topic: { type: 'string' },
    url: { type: 'string' },
    figures: { ...figuresSchema, description: 'casualty claims' },
    attribution: attributionSchema,
    source: { type: 'string', description: 'the attribution chain in words' },
    reportedAt: time('when the source published the current content'),
    firstReportedAt: time('when the source first published the claim'),
    recordedAt: time('when storyline first recorded the claim'),
    updatedAt: time('when storyline recorded the latest change to the claim'),
    versions: { type: 'integer', description: 'number of events about this claim' },
    disputedBy: {
      type: 'array',
      items: { type: 'string' },
      description: 'every claim ever recorded as disputing this one',
    },
    disputes: { type: 'array', items: disputeSchema },
    ...analysisClaimProperties,
    revisionNote: { type: 'string', description: 'the note of the latest source revision' },
    correction: {
      type: 'object',
      additionalProperties: false,
      required: ['by', 'reason', 'recordedAt'],
      description: 'our latest fix of the record',
      properties: {
        by: { type: 'string' },
        reason: { type: 'string' },
        recordedAt: time('when the correction was recorded'),
      },
    },
    retraction: {
      type: 'object',
      additionalProperties: false,
      required: ['reason', 'attribution', 'reportedAt', 'recordedAt'],
      properties: {
        reason: { type: 'string' },
        attribution: attributionSchema,
        reportedAt: time('when the source withdrew it'),
        recordedAt: time('when the retraction was recorded'),
      },
    },
  },
};

/** The times a reportedBy (or bitemporal) view was asked for. */
export const basisSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['reportedBy'],
  description:
    'only on `reportedBy` views: the times asked for (`asOf` too when bitemporal); the view’s `revision` is then the highest revision it folded, not a `?revision=` view',
  properties: {
    reportedBy: time('world time: the story as reported by then'),
    asOf: time('system time: from what storyline had recorded by then'),
  },
};

const rangeProperties: Record<string, SchemaObject> = {
  measure: { type: 'string', enum: [...MEASURES] },
  group: { type: 'string' },
  min: { type: 'integer', description: 'lowest min across the sources' },
  max: {
    type: 'integer',
    nullable: true,
    description: 'highest max across the sources; null when one gives no upper bound',
  },
};

const casualtySchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['measure', 'group', 'min', 'max', 'sources', 'undisputed', 'assessment'],
  description:
    'per measure and group (groups matched case-insensitively, trimmed; the first spelling recorded is shown): the latest non-retracted figure of each claim',
  properties: {
    ...rangeProperties,
    sources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['claimId', 'source', 'min', 'max', 'reportedAt'],
        properties: {
          claimId: { type: 'string' },
          source: { type: 'string' },
          min: { type: 'integer' },
          max: { type: 'integer', nullable: true },
          reportedAt: time('when the source reported it'),
          wording: { type: 'string' },
        },
      },
    },
    ...analysisCasualtyProperties,
  },
};

const detailProperties: Record<string, SchemaObject> = {
  incidentId: { type: 'string' },
  title: { type: 'string' },
  status: { type: 'string', enum: [...STATUSES] },
  tags: { type: 'array', items: { type: 'string' } },
  location: {
    type: 'object',
    nullable: true,
    additionalProperties: false,
    required: ['name'],
    properties: { name: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' } },
  },
  occurredAt: {
    type: 'object',
    nullable: true,
    additionalProperties: false,
    required: ['at', 'precision'],
    properties: {
      at: time('when it happened'),
      precision: { type: 'string', enum: [...PRECISIONS] },
    },
  },
  updatedAt: time('recordedAt of the latest event'),
  revision,
  position,
};

export const viewSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'incidentId',
    'revision',
    'position',
    'title',
    'summary',
    'location',
    'occurredAt',
    'tags',
    'status',
    'openedAt',
    'updatedAt',
    'claims',
    'casualties',
  ],
  properties: {
    ...detailProperties,
    summary: { type: 'string', nullable: true },
    openedAt: time('when the incident was recorded'),
    claims: { type: 'array', items: claimSchema },
    casualties: { type: 'array', items: casualtySchema },
    basis: basisSchema,
  },
};

/** A cursor page of API.md: `{ items, nextCursor }`, `nextCursor` absent on the last page. */
export function pageSchema(item: SchemaObject): SchemaObject {
  return {
    type: 'object',
    required: ['items'],
    properties: {
      items: { type: 'array', items: item },
      nextCursor: { type: 'string', description: 'absent on the last page' },
    },
  };
}

export const summaryPageSchema: SchemaObject = pageSchema({
  type: 'object',
  properties: {
    ...detailProperties,
    claimCount: { type: 'integer' },
    casualties: { type: 'array', items: { type: 'object', properties: rangeProperties } },
  },
});

export { position as positionSchema, revision as revisionSchema, time as timeSchema };
