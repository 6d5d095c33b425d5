/** The incident domain's public surface: what the HTTP layer, projections and feed import. */
export * from './events.js';
export * from './commands.js';
export * from './errors.js';
export * from './state.js';
export * from './view-types.js';
export { decide } from './decide.js';
export { evolve, InvalidIncidentStream } from './evolve.js';
export { REPORTED_AT_CLOCK_SKEW_MS } from './validate.js';
export { toRecordedEvent } from './recorded.js';
export { toIncidentView, toClaimView, claimView } from './view.js';
export { consolidateCasualties } from './casualties.js';
export { sourceName, citingName } from './source-name.js';
export { foldAll, foldAsOf, foldReportedBy, foldToRevision, type Instant } from './time-travel.js';
export { claimHistory, toHistoryVersion, eventRef } from './history.js';
export { toTimelineEntry, timelineOf } from './timeline.js';
export { diffViews } from './diff.js';
export { summarize, formatFigures, SUMMARY_TEXT_LIMIT } from './summary.js';
