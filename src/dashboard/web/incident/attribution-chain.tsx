import type { AttributionLink } from '../api/api-types.js';

/** The chain from the original speaker to the last relay, each link with its kind. */
export function AttributionChain({ chain }: { chain: readonly AttributionLink[] }) {
  return (
    <ol class="chain" aria-label="Attribution, original speaker first" data-testid="attribution">
      {chain.map((link, index) => (
        <li key={`${index}-${link.name}`} class="chain-link">
          {index > 0 && (
            <span class="chain-arrow" aria-label="relayed by">
              →
            </span>
          )}
          <span class="chain-name" dir="auto">
            {link.name}
          </span>
          {link.role && (
            <span class="chain-role" dir="auto">
              , {link.role}
            </span>
          )}{' '}
          <span class="badge badge-kind">{link.kind}</span>
          {link.named === false && <span class="badge badge-unnamed">unnamed</span>}
          {link.url && (
            <a class="chain-url" href={link.url} rel="noopener noreferrer" target="_blank">
              source<span class="visually-hidden"> of {link.name}</span>
            </a>
          )}
          {link.archiveUrl && (
            <a class="chain-url" href={link.archiveUrl} rel="noopener noreferrer" target="_blank">
              archive<span class="visually-hidden"> of {link.name}</span>
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
