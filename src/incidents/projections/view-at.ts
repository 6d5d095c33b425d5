/**
 * A time-travel view as its rows give it, made only when sent: as byte pieces (to keep), or as
 * texts written one after another (streamed from a read snapshot, nothing kept).
 */
import type { ClaimsAtRevision } from './claims-at-revision.js';
import { viewPieces } from './view-rows.js';

export interface ViewAt {
  /** The revision it is at (its ETag). */
  revision: number;
  pieces(): Buffer[];
  /** Reads the claims' rows as it is iterated: only over a snapshot that holds still. */
  texts(): Iterable<string>;
}

export interface ViewRows {
  revision: number;
  /** The incident fields in view order. */
  detailsJson: string;
  claims: ClaimsAtRevision;
  /** Claims' texts that differ from the rows at the revision, by seq, and claims added. */
  replaced?: ReadonlyMap<number, string>;
  appended?: readonly string[];
  casualties: string;
  /** Further keys at the end, e.g. `,"basis":{…}`. */
  more?: string;
}

/** The view of these rows: the text viewPieces gives. */
export function viewFromRows(view: ViewRows): ViewAt {
  const { detailsJson, claims, replaced, appended, casualties, more = '' } = view;
  return {
    revision: view.revision,
    pieces: () => viewPieces(detailsJson, claims.pieces(replaced, appended), casualties, more),
    texts: function* () {
      yield `${detailsJson.slice(0, -1)},"claims":[`;
      yield* claims.texts(replaced, appended);
      yield `],"casualties":${casualties}${more}}`;
    },
  };
}

/** A view already made as one JSON text (a plain fold's). */
export function viewFromText(revision: number, json: string): ViewAt {
  return { revision, pieces: () => [Buffer.from(json)], texts: () => [json] };
}
