// Fires every path given at once from its own process (so the server under test, in the parent,
// receives them together), then times a GET /health sent behind them, and prints
// { answers: [{ status, retryAfter, type }], health: { status, ms }, allMs } as JSON.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const [base, ...paths] = process.argv.slice(2);
// BURST_WARM=1: open one kept-alive connection per path first (with GET /health), so the burst's
// requests arrive together on open connections instead of trickling in behind 100 TCP accepts
const warm = process.env.BURST_WARM === '1';
const agent = warm
  ? new http.Agent({ keepAlive: true, maxSockets: paths.length })
  : new http.Agent({ keepAlive: false, maxSockets: Infinity });
// the health probe keeps one warm connection, as a load balancer's would, so what is timed is
// the server's event loop, not the kernel's queue of 500 connections being accepted
const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
const request = (path, via = agent) =>
  new Promise((resolve) => {
    const req = http.get(`${base}${path}`, { agent: via }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        let type;
        try {
          type = JSON.parse(body).type;
        } catch {
          type = undefined;
        }
        resolve({
          status: res.statusCode,
          retryAfter: res.headers['retry-after'] ?? null,
          type,
        });
      });
    });
    req.on('error', (error) => resolve({ status: 0, retryAfter: null, type: String(error) }));
  });
await request('/health', probe);
if (warm) await Promise.all(paths.map(() => request('/health')));
const pending = Promise.all(paths.map((path) => request(path)));
const started = performance.now();
const health = await request('/health', probe);
if (warm) await Promise.all(paths.map(() => request('/health')));
const ms = performance.now() - started;
const answers = await pending;
const allMs = performance.now() - started;
process.stdout.write(JSON.stringify({ answers, health: { status: health.status, ms }, allMs }));
probe.destroy();
agent.destroy();
