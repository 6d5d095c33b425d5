/** HTTP with node:http, so a body stays as sent (compressed or chunked; supertest would decode it). */
import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The whole answer of a response, once its body has ended. */
export function answerOf(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
    );
  });
}

export function send(
  url: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      answerOf(res).then(resolve, reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const rawGet = (url: string, headers: Record<string, string> = {}) => send(url, headers);
