import type { AttributionLink } from './events.js';

/** Distinct chains kept for sharing; past this the table starts again. */
const MAX_CHAINS = 4096;

/**
 * One copy of each distinct attribution chain in a fold. A story's claims mostly come through
 * a few sources (a wire, an official), but every event parsed brings a copy of its own: ~130
 * bytes a claim, ~12 MB of a 100,000-event story told by one source. Claims are never mutated,
 * so equal chains (same JSON, hence the same bytes in every view) can be one object. Bounded:
 * past MAX_CHAINS distinct chains the table starts again; chains already shared stay shared.
 */
export class SharedAttributions {
  private readonly byJson = new Map<string, AttributionLink[]>();
  /** The chains handed out, known without serialising them again. */
  private readonly kept = new WeakSet<AttributionLink[]>();

  /** The kept chain equal to `chain` (`chain` itself when it is the first of its kind). */
  of(chain: AttributionLink[]): AttributionLink[] {
    if (this.kept.has(chain)) return chain;
    const json = JSON.stringify(chain);
    const kept = this.byJson.get(json);
    if (kept) return kept;
    if (this.byJson.size >= MAX_CHAINS) this.byJson.clear();
    this.byJson.set(json, chain);
    this.kept.add(chain);
    return chain;
  }
}
