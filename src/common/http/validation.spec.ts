import { expect, test } from '@jest/globals';
import { ReportStatementDto } from '../../incidents/http/dto/claim.dto.js';
import { ProblemError } from '../problem/problem.js';
import { createValidationPipe } from './validation.js';

const pipe = createValidationPipe();
const asBody = { type: 'body', metatype: ReportStatementDto } as const;
const statement = {
  text: 'A US official told Reuters the convoy ignored warnings to turn back.',
  attribution: [{ name: 'Reuters', kind: 'wire' }],
  reportedAt: '2017-05-18T19:05:00Z',
};

test('a valid body comes back as the DTO, its nested links as theirs', async () => {
  const body = (await pipe.transform(structuredClone(statement), asBody)) as ReportStatementDto;
  expect(body).toBeInstanceOf(ReportStatementDto);
  expect(JSON.parse(JSON.stringify(body))).toEqual(statement);
});

test('every error, nested and unknown fields included, is reported at its dotted path', async () => {
  const bad = {
    ...statement,
    reportedAt: '2017-02-30T10:00:00Z',
    attribution: [{ name: '', kind: 'rumour' }],
    extra: 1,
  };
  const failure = await pipe.transform(bad, asBody).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ProblemError);
  const fields = (failure as ProblemError).problem.errors?.map((e) => e.field);
  expect(new Set(fields)).toEqual(
    new Set(['extra', 'reportedAt', 'attribution.0.name', 'attribution.0.kind']),
  );
});
