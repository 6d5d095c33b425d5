/** Resolves when `check` holds, re-checked by `poke` (called from the clients' callbacks). */
export function waiter() {
  const pending: { check: () => boolean; resolve: () => void }[] = [];
  return {
    poke: () => {
      for (const item of [...pending]) {
        if (item.check()) {
          pending.splice(pending.indexOf(item), 1);
          item.resolve();
        }
      }
    },
    until: (check: () => boolean): Promise<void> =>
      check() ? Promise.resolve() : new Promise((resolve) => pending.push({ check, resolve })),
  };
}
