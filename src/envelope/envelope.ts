/**
 * One stored event as the service shows it: a page of GET /events and each event of the live
 * feed (API.md). A wire type: no Node or DOM imports, so the browser's feed client shares it.
 * Positions are decimal strings (compare with BigInt).
 */
export interface Envelope {
  position: string;
  incidentId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  recordedAt: string;
  recordedBy: string;
}
