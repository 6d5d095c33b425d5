import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The HTTP baseline: node:http alone, answering the service's own response bodies, no store.
const postAnswer = process.env.RAW_POST_ANSWER ?? '{}';
const getAnswer = process.env.RAW_GET_ANSWER ?? '{}';
// the big view (a file: too long for an environment variable), plain and precompressed
const bigPath = process.env.RAW_BIG_PATH;
const bigPlain = bigPath ? fs.readFileSync(process.env.RAW_BIG_PLAIN_FILE ?? '') : undefined;
const bigCompressed = bigPath
  ? fs.readFileSync(process.env.RAW_BIG_COMPRESSED_FILE ?? '')
  : undefined;
const bigEncoding = process.env.RAW_BIG_ENCODING ?? 'br';

function answer(
  response: http.ServerResponse,
  status: number,
  body: string | Buffer,
  encoding?: string,
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...(encoding && { 'content-encoding': encoding, vary: 'Accept-Encoding' }),
  });
  response.end(body);
}

function answerBig(request: http.IncomingMessage, response: http.ServerResponse): void {
  const accepted = request.headers['accept-encoding'] ?? '';
  if (bigCompressed && accepted.includes(bigEncoding))
    return answer(response, 200, bigCompressed, bigEncoding);
  answer(response, 200, bigPlain ?? '{}');
}

const server = http.createServer((request, response) => {
  if (request.method !== 'POST') {
    if (bigPath && request.url === bigPath) return answerBig(request, response);
    return answer(response, 200, getAnswer);
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    // parse the body as the service must, so the baseline does the same minimum of work
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    answer(response, 201, postAnswer);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ msg: 'raw http listening', url: `http://127.0.0.1:${port}` })}\n`,
  );
});

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
