import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

// The feed baseline: node:http + a bare Socket.IO namespace; a POST broadcasts to a room at once.
const server = http.createServer();
const io = new Server(server);
const feed = io.of('/feed');
let position = 0;

feed.on('connection', (socket) => {
  socket.on('subscribe', (request: { incidentId?: string }, ack: (answer: unknown) => void) => {
    void socket.join(request.incidentId ?? 'every-incident');
    ack({ ok: true, head: String(position) });
  });
});

server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
  const incidentId = /^\/incidents\/([^/]+)\/statements$/.exec(request.url ?? '')?.[1] ?? 'none';
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    position += 1;
    const claimId = `c-${position.toString(16).padStart(16, '0')}`;
    const envelope = {
      position: String(position),
      incidentId,
      revision: position,
      eventId: randomUUID(),
      type: 'StatementReported',
      data: { claimId, ...body, quoted: 'paraphrase' },
      recordedAt: new Date().toISOString(),
      recordedBy: 'bench',
    };
    feed.to(incidentId).emit('event', envelope);
    const { eventId, revision } = envelope;
    const answer = JSON.stringify({
      incidentId,
      claimId,
      eventId,
      revision,
      position: envelope.position,
    });
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    response.end(answer);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ msg: 'raw feed listening', url: `http://127.0.0.1:${port}` })}\n`,
  );
});

process.once('SIGTERM', () => {
  void io.close(() => process.exit(0));
});
