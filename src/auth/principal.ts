import type { Role } from '../config/app-config.js';

/** Who is asking: the token's name becomes each event's `recordedBy`. */
export interface Principal {
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { reporter: 1, editor: 2, admin: 3 };

/** Roles nest: an editor may do what a reporter may, an admin what an editor may. */
export function mayActAs(principal: Principal, needed: Role): boolean {
  return RANK[principal.role] >= RANK[needed];
}
