/** How deep a request body or feed payload may nest: storyline's own shapes need five levels. */
export const MAX_JSON_DEPTH = 32;

/** Keys that name an object's prototype machinery: never a field of storyline's payloads. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a parsed JSON value is refused before any class-transformer or validator sees it. */
export interface JsonRefusal {
  field: string;
  message: string;
}

/**
 * Walks a parsed JSON value without recursion (a deep value cannot overflow the stack here) and
 * names the first thing refused: nesting deeper than `maxDepth`, or a prototype key, which
 * class-transformer would silently drop or misuse instead of refusing as an unknown field.
 */
export function refuseJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonRefusal | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxDepth) {
      return {
        field: next.path || '(body)',
        message: `nested more than ${maxDepth} levels deep`,
      };
    }
    for (const key of Object.keys(next.value)) {
      const path = next.path ? `${next.path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field: path, message: 'property should not exist' };
      stack.push({
        value: (next.value as Record<string, unknown>)[key],
        depth: next.depth + 1,
        path,
      });
    }
  }
  return undefined;
}
