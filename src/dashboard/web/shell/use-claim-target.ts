import { useEffect } from 'preact/hooks';

/**
 * `#/incidents/<id>?claim=<claimId>` (the sources page links claims so): once that claim's card
 * is on the page, scrolls it into view and focuses it, once per link followed.
 */
export function useClaimTarget(claimId: string | undefined): void {
  useEffect(() => {
    if (!claimId) return;
    const reach = (): boolean => {
      const card = document.getElementById(`claim-${claimId}`);
      if (!card) return false;
      card.scrollIntoView({ block: 'center' });
      card.focus({ preventScroll: true });
      return true;
    };
    if (reach()) return;
    // the incident loads after the route changes: wait for the card to appear
    const observer = new MutationObserver(() => {
      if (reach()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [claimId]);
}
