/** The wire shapes of GET /sources and GET /sources/:kind/:name/claims (types only: the dashboard reads them too). */
import type { ClaimView } from '../incidents/domain/view-types.js';

/** A speaker or outlet and its track record, counted from the claims that name it. */
export interface SourceRecord {
  name: string;
  kind: string;
  claims: number;
  asOriginal: number;
  asRelay: number;
  revised: number;
  corrected: number;
  disputed: number;
  supported: number;
  retracted: number;
  firstReportedAt: string;
  lastReportedAt: string;
}

/** One of a source's claims, with its incident. */
export interface SourceClaim {
  incidentId: string;
  claim: ClaimView;
}
