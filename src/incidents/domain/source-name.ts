/** Attribution chains in words, for the view (`source`) and the timeline summaries. */
import type { AttributionLink } from './events.js';

/**
 * The view's name of a source: the original speaker, then the relays in brackets,
 * e.g. "Josh Jacques (via Sputnik, RT)", or just "Al-Masdar News" for a single link.
 */
export function sourceName(attribution: readonly AttributionLink[]): string {
  const [speaker, ...relays] = attribution;
  if (!speaker) return 'unknown source';
  return relays.length === 0
    ? speaker.name
    : `${speaker.name} (via ${relays.map((link) => link.name).join(', ')})`;
}

/**
 * The timeline's lead-in, read the way news writes it: the relays citing the speaker,
 * e.g. "Sputnik, citing unnamed US defense official", or "Al-Masdar News".
 */
export function citingName(attribution: readonly AttributionLink[]): string {
  const [speaker, ...relays] = attribution;
  if (!speaker) return 'unknown source';
  const who = speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name;
  return relays.length === 0 ? who : `${relays.map((link) => link.name).join(', ')}, citing ${who}`;
}
