import { problem, ProblemError } from '../../common/problem/problem.js';

export function incidentNotFound(incidentId: string): ProblemError {
  return new ProblemError(problem(404, 'incident-not-found', `no incident ${incidentId}`));
}

export function claimNotFound(incidentId: string, claimId: string): ProblemError {
  return new ProblemError(
    problem(404, 'claim-not-found', `incident ${incidentId} has no claim ${claimId}`),
  );
}

export function revisionNotFound(incidentId: string, revision: number, head: number): ProblemError {
  return new ProblemError(
    problem(
      404,
      'revision-not-found',
      `incident ${incidentId} has no revision ${revision}; its latest is ${head}`,
    ),
  );
}
