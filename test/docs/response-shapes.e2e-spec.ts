/**
 * Real responses checked against the schemas /docs/json publishes, so the description cannot
 * drift from the service: the view (now, reportedBy with basis, bitemporal), a claim with flags,
 * timeline pages, a claim history, a diff.
 */
import {
  ID as ANALYST_ID,
  recordAnalystStory,
  write as writeAs,
} from '../analyst/corroboration-story.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { at, ID, recordBackDatedStory } from '../replay/back-dated-story.js';
import { bootApp, type BootedApp } from '../support/boot.js';

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: unknown;
};

describe('responses match /docs/json', () => {
  let booted: BootedApp;
  let doc: Document;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);

  /** The validator of the 200 JSON answer the document gives for a path and method. */
  function validatorOf(path: string, method = 'get'): ValidateFunction {
    const ok = doc.paths[path]?.[method]?.responses['200'] as {
      content: { 'application/json': { schema: object } };
    };
    const schema = ok.content['application/json'].schema;
    // refs (#/components/...) resolve against the document's own components
    return ajv.compile({ ...schema, components: doc.components });
  }

  async function check(path: string, url: string) {
    const res = await request(booted.url).get(url).expect(200);
    const validate = validatorOf(path);
    expect({ url, errors: validate(res.body) ? null : validate.errors }).toEqual({
      url,
      errors: null,
    });
    return res.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    booted = await bootApp();
    await recordBackDatedStory(booted.url);
    doc = (await request(booted.url).get('/docs/json').expect(200)).body as Document;
  });
  afterAll(() => booted.close());

  test('the view, now and in time travel, with basis', async () => {
    await check('/incidents/{id}', `/incidents/${ID}`);
    await check('/incidents/{id}', `/incidents/${ID}?revision=3`);
    const reported = await check('/incidents/{id}', `/incidents/${ID}?reportedBy=${at('18:00')}`);
    expect(reported.basis).toEqual({ reportedBy: at('18:00') });
    const both = await check(
      '/incidents/{id}',
      `/incidents/${ID}?reportedBy=${at('18:00')}&asOf=${new Date().toISOString()}`,
    );
    expect(both.basis).toMatchObject({ reportedBy: at('18:00'), asOf: expect.any(String) });
  });

  test('a claim with flags, its history, the timeline and a diff', async () => {
    const claim = await check(
      '/incidents/{id}/claims/{claimId}',
      `/incidents/${ID}/claims/c-strike`,
    );
    expect(claim.flags).toEqual(['revised', 'disputed']);
    // the claim's JSON reads in the schema's order, its id first
    expect(Object.keys(claim).slice(0, 4)).toEqual(['claimId', 'kind', 'state', 'flags']);
    await check('/incidents/{id}/claims/{claimId}', `/incidents/${ID}/claims/c-wire`);
    await check('/incidents/{id}/claims/{claimId}', `/incidents/${ID}/claims/f-ministry`);
    await check(
      '/incidents/{id}/claims/{claimId}/history',
      `/incidents/${ID}/claims/c-strike/history`,
    );
    await check('/incidents/{id}/timeline', `/incidents/${ID}/timeline?by=reported`);
    await check('/incidents/{id}/timeline', `/incidents/${ID}/timeline?limit=2`);
    await check('/incidents/{id}/diff', `/incidents/${ID}/diff?from=1&to=11`);
    await check('/incidents/{id}/diff', `/incidents/${ID}/diff?from=0&to=5`);
  });

  test('search, filtered claims, sources and a source’s claims', async () => {
    const hits = await check('/search', '/search?q=hospital%20minis');
    expect((hits.items as unknown[]).length).toBeGreaterThan(0);
    await check('/incidents', '/incidents?q=hospital');
    await check('/incidents/{id}/claims', `/incidents/${ID}/claims?flag=revised&source=AP`);
    const sources = await check('/sources', '/sources?limit=2');
    expect((sources.items as unknown[]).length).toBe(2);
    await check('/sources/{kind}/{name}/claims', '/sources/wire/ap/claims');
  });

  test('supports, corroboration, undisputed ranges and assessments match the schemas', async () => {
    await recordAnalystStory(booted.url);
    const support = `/incidents/${ANALYST_ID}/claims/warning/supports`;
    await writeAs(booted.url, support, { supportedByClaimId: 'coalition', note: 'same shots' });
    await writeAs(
      booted.url,
      `/incidents/${ANALYST_ID}/casualty-assessments`,
      {
        measure: 'killed',
        group: 'civilians',
        low: 1,
        best: 6,
        high: null,
        basis: ['masdar'],
        reason: 'r',
      },
      'editor',
    );
    const view = await check('/incidents/{id}', `/incidents/${ANALYST_ID}`);
    expect(JSON.stringify(view)).toContain('"assessment":{');
    await check('/incidents/{id}', `/incidents/${ANALYST_ID}?revision=7`);
    const claim = await check(
      '/incidents/{id}/claims/{claimId}',
      `/incidents/${ANALYST_ID}/claims/warning`,
    );
    expect(claim.flags).toEqual(['supported']);
    await check('/incidents/{id}/timeline', `/incidents/${ANALYST_ID}/timeline`);
    await check('/incidents/{id}/diff', `/incidents/${ANALYST_ID}/diff?from=6&to=8`);
  });

  test('the schemas are strict: an extra or a missing field fails', () => {
    const validate = validatorOf('/incidents/{id}/claims/{claimId}');
    const claim = {
      claimId: 'c1',
      kind: 'statement',
      state: 'active',
      flags: [],
      attribution: [{ name: 'AP', kind: 'wire' }],
      source: 'AP',
      reportedAt: at('16:00'),
      firstReportedAt: at('16:00'),
      recordedAt: at('16:00'),
      updatedAt: at('16:00'),
      versions: 1,
      disputedBy: [],
      disputes: [],
      supportedBy: [],
      supports: [],
      corroboration: { independentSources: 1, grade: 'single-source' },
    };
    expect(validate(claim)).toBe(true);
    expect(validate({ ...claim, corroboration: { independentSources: 1, grade: 'maybe' } })).toBe(
      false,
    );
    expect(validate({ ...claim, surprise: 1 })).toBe(false);
    const { flags: _flags, ...noFlags } = claim;
    expect(validate(noFlags)).toBe(false);
    expect(validate({ ...claim, flags: ['supported-ish'] })).toBe(false);
  });
});
