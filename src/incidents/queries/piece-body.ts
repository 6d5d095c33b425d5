/**
 * A JSON body in byte pieces (a big time-travel view, see viewPieces), written one after another
 * with their total as Content-Length: joining tens of MB into one buffer first costs more (fresh
 * memory) than the copy itself.
 */
import type { Response } from 'express';

export const piecesLength = (pieces: readonly Buffer[]): number =>
  pieces.reduce((total, piece) => total + piece.length, 0);

/** Ends `res` with the pieces as its body (headers already set; none for HEAD). */
export function sendPieces(res: Response, pieces: readonly Buffer[]): void {
  res.setHeader('Content-Length', piecesLength(pieces));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  for (const piece of pieces) res.write(piece);
  res.end();
}
