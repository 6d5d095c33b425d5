/**
 * Response schemas of the analyst fields (API.md, "support and corroboration" and "Casualties:
 * ranges, undisputed ranges, our assessment"): a claim's supports and corroboration, a casualty
 * row's undisputed range and the desk's assessment.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { MEASURES } from '../domain/events.js';

const time = (description: string): SchemaObject => ({
  type: 'string',
  format: 'date-time',
  description,
});

export const supportSchema: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['byClaimId', 'recordedAt'],
  properties: {
    byClaimId: { type: 'string' },
    note: { type: 'string' },
    reportedAt: time('world time of the support, when it was given'),
    recordedAt: time('when storyline recorded the support'),
  },
};

export const analysisClaimProperties: Record<string, SchemaObject> = {
  supportedBy: {
    type: 'array',
    items: { type: 'string' },
    description: 'every claim ever recorded as supporting (corroborating) this one',
  },
  supports: { type: 'array', items: supportSchema },
  corroboration: {
    type: 'object',
    additionalProperties: false,
    required: ['independentSources', 'grade'],
    description:
      'independentSources: distinct original speakers of the claim and of its non-retracted supporters (a named speaker is one per kind and case-folded name; unnamed speakers of one kind count once per first relay). grade: retracted if retracted; else contested while a non-retracted claim disputes it; else corroborated with ≥ 2 independent sources; else single-source',
    properties: {
      independentSources: { type: 'integer', minimum: 1 },
      grade: { type: 'string', enum: ['retracted', 'contested', 'corroborated', 'single-source'] },
    },
  },
};

export const assessmentSchema: SchemaObject = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  required: [
    'measure',
    'group',
    'low',
    'best',
    'high',
    'basis',
    'reason',
    'reportedAt',
    'recordedAt',
    'recordedBy',
  ],
  description:
    "the desk's latest low / best / high estimate of this measure and group (POST /incidents/:id/casualty-assessments), or null",
  properties: {
    measure: { type: 'string', enum: [...MEASURES] },
    group: { type: 'string', description: 'as the assessment spelled it' },
    low: { type: 'integer' },
    best: { type: 'integer' },
    high: { type: 'integer', nullable: true, description: 'null: no upper bound' },
    basis: { type: 'array', items: { type: 'string' }, description: 'the claims it rests on' },
    reason: { type: 'string' },
    reportedAt: time('world time of the assessment: its reportedAt, else its recordedAt'),
    recordedAt: time('when storyline recorded it'),
    recordedBy: { type: 'string' },
  },
};

export const analysisCasualtyProperties: Record<string, SchemaObject> = {
  undisputed: {
    type: 'object',
    nullable: true,
    additionalProperties: false,
    required: ['min', 'max'],
    description:
      'the same range over the sources whose claims no non-retracted claim disputes; null when every one is disputed',
    properties: {
      min: { type: 'integer' },
      max: { type: 'integer', nullable: true },
    },
  },
  assessment: assessmentSchema,
};
