/**
 * DTO instances become plain JSON before they are stored as event data: one copy for both write
 * controllers. (A hand-rolled copy saved ~0.6 % of a write's CPU, below what the bench resolves.)
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
