/** The 201 body of every write (API.md). */
export interface WriteResult {
  incidentId: string;
  claimId?: string;
  eventId: string;
  revision: number;
  position: string;
}
