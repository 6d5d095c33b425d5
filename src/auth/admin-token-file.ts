import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * With no tokens configured the service still refuses anonymous writes: it keeps a generated
 * admin token in a mode-0600 file beside the data, made at first start and reused after.
 */
export function ensureAdminTokenFile(dataDir: string): { file: string; token: string } {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const token = fs.readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { file, token };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  // 'wx' fails if another process won the race; then its token is the one to use.
  try {
    fs.writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return ensureAdminTokenFile(dataDir);
    throw error;
  }
  return { file, token };
}
