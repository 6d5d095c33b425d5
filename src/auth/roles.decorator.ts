import { SetMetadata } from '@nestjs/common';
import type { Role } from '../config/app-config.js';

export const ROLE_KEY = 'storyline:role';
export const PUBLIC_KEY = 'storyline:public';

/** The least role a route needs (API.md assigns them). */
export const RequireRole = (role: Role) => SetMetadata(ROLE_KEY, role);

/** Open even when STORYLINE_PUBLIC_READ=false (health, docs, the dashboard's assets). */
export const AlwaysPublic = () => SetMetadata(PUBLIC_KEY, true);
