/**
 * What `JSON.parse(JSON.stringify(value))` returns, without writing and parsing the text: DTO
 * instances become plain JSON before they are stored as event data. Strings, finite numbers,
 * booleans, null, arrays and objects are copied here; anything else (a Date or another `toJSON`,
 * a non-finite number, a bigint) goes through JSON itself, so the answer is JSON's every time.
 */
export function jsonCopy<T>(value: T): T {
  return copy(value, '') as T;
}

function copy(value: unknown, key: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0 and NaN or Infinity as null
      if (!Number.isFinite(value)) return null;
      return value === 0 ? 0 : value;
    case 'object':
      if (value === null) return null;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return viaJson(value, key);
      return Array.isArray(value) ? copyArray(value) : copyObject(value as Record<string, unknown>);
    default:
      return viaJson(value, key);
  }
}

function copyArray(items: unknown[]): unknown[] {
  const out = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    // JSON writes a hole, undefined, a function or a symbol in an array as null
    out[i] = skipped(items[i]) ? null : copy(items[i], String(i));
  }
  return out;
}

function copyObject(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (skipped(value)) continue;
    // JSON.parse makes "__proto__" an own field; an assignment would set the prototype
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: copy(value, key),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = copy(value, key);
  }
  return out;
}

/** What JSON leaves out of an object. */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function viaJson(value: unknown, key: string): unknown {
  const text = JSON.stringify({ [key]: value });
  return (JSON.parse(text) as Record<string, unknown>)[key];
}
