import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

const DESCRIPTION = `Event-sourced timelines of developing news incidents.

**Errors** are \`application/problem+json\` (RFC 9457): \`{ type, title, status, detail, errors?, requestId }\`;
validation failures list \`errors: [{ field, message }]\`. A failed request appends nothing.

**Auth**: writes need \`Authorization: Bearer <token>\`; roles reporter < editor < admin. With
\`STORYLINE_PUBLIC_READ=false\` every read needs a token too. Every response carries \`X-Request-Id\`
(send your own to correlate logs).

**Positions** are decimal strings (compare them as BigInt); **revisions** are 0-based integers.

**Live feed (Socket.IO)**: namespace \`/feed\` on this port; \`transports: ['websocket']\` works alone;
token in \`auth: { token }\` (a refused connection gets \`connect_error\` with a message).
- \`subscribe { incidentId?, after? }\` → ack \`{ ok: true, head }\` or \`{ ok: false, error: { status, message } }\`
  (400 bad payload, 404 unknown incident, 429 too many subscriptions, 503 store unavailable). With \`after\`,
  every matching event after that position first, then live; without it, live only. The ack comes before
  the first event; subscribing again to the same scope replaces the earlier subscription.
- \`unsubscribe { incidentId? }\` → ack \`{ ok: true }\`.
- server \`event\`: \`{ position, incidentId, revision, eventId, type, data, recordedAt, recordedBy }\`, in position
  order, each once per subscription, with no gap across the catch-up → live hand-over; live, a socket whose
  subscriptions overlap (one incident and every incident) gets each event once.
- server \`reset { incidentId?, reason }\`: the subscription was dropped (too far behind, or its position is
  beyond the log); fetch the view and subscribe again from its \`position\`.
- Limits: heartbeat 20 s (+10 s timeout), messages up to 16 kB, 50 subscriptions per connection, a connection
  with more than 1000 packets unsent gets \`reset\`.

**Limits** (each a \`STORYLINE_*\` setting, README "Settings"): request bodies nested at most 32 levels and
without \`__proto__\`/\`constructor\`/\`prototype\` keys (else 400); casualty counts integers 0–100,000,000;
writes per token (429 + \`Retry-After\`); time-travel and diff reads bounded in number and time (503 +
\`Retry-After\`); feed connections per address and in total; slow request headers and bodies get 408.
\`/health\` is 503 when the store or the read model cannot take writes, naming each in \`down\`.`;

/** The OpenAPI description at /docs (UI) and /docs/json, written for storyline's users. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('storyline')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth()
    .addServer('/', 'this service')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
