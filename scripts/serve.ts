// The console's HTTP server (`npm start` runs it; `--dev` for `npm run dev`): Next.js behind the one listener
// that sees the socket. Next itself sets X-Forwarded-For only when the client sent none (so a client could pick
// the address its failed sign-ins count against), and believes a client's X-Forwarded-Host in its own checks.
// Here, before Next sees a request, X-Forwarded-For ends with the socket's peer, and X-Forwarded-Host, -Proto and
// -Port are dropped unless that peer is a trusted proxy (CROSSING_TRUSTED_PROXIES). Every response also gets the
// security headers, including those Next sends before its configured headers apply (a trailing-slash redirect).
import http from 'node:http';
import next from 'next';
import { ConfigError, parseConfig, type CrossingConfig } from '../lib/config';
import { errorReason, log } from '../lib/log';
import { forwardedForFromPeer, isTrustedProxy } from '../lib/net/address';
import { SECURITY_HEADERS, STATIC_CSP } from '../lib/net/security-headers';
import { securePrivateDir } from '../lib/private-file';
import { startExpiry } from '../lib/expiry/expiry';
import { startRequests } from '../lib/requests/service';
import { state, StateUnavailable } from '../lib/state/database';
import { ROOT } from './build-state';

const FORWARDED_BY_PROXY = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];
const DEFAULT_HEADERS: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Security-Policy': STATIC_CSP };

/** Rewrites the X-Forwarded-* headers of a request as only the socket can tell. */
function rewriteForwarded(req: http.IncomingMessage, trusted: CrossingConfig['trustedProxies']): void {
  const peer = req.socket.remoteAddress;
  const received = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = forwardedForFromPeer(peer, Array.isArray(received) ? received.join(', ') : received, trusted);
  if (!isTrustedProxy(peer, trusted)) for (const name of FORWARDED_BY_PROXY) delete req.headers[name];
}

/** Adds the security headers a response lacks when its head is written (Next's own, e.g. a page's CSP, win). */
function withSecurityHeaders(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(DEFAULT_HEADERS)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOST || '127.0.0.1';
  let settings: CrossingConfig;
  try {
    settings = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  // Modes are fixed at every start: a data dir restored or made by hand may be readable by others.
  securePrivateDir(settings.dataDir);
  // The database is reached and its schema brought up to date before the first request: a problem stops the
  // start with its reason instead of failing every page. The connection is kept for the app (lib/state shares it).
  try {
    await state();
  } catch (error) {
    if (!(error instanceof StateUnavailable)) throw error;
    console.error(`crossing: ${error.message}`);
    process.exit(2);
  }
  if (settings.database.dialect === 'postgres' && !process.env.AUTH_SECRET) {
    log('warn', 'the state is in PostgreSQL but AUTH_SECRET is not set: sessions signed here count on this instance only (set the same AUTH_SECRET on every instance)');
  }
  const server = http.createServer();
  const app = next({ dev, dir: ROOT, hostname, port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    rewriteForwarded(req, settings.trustedProxies);
    withSecurityHeaders(res);
    handle(req, res).catch((error: unknown) => {
      log('error', 'request failed', { method: req.method, path: req.url, reason: errorReason(error) });
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error\n');
    });
  });
  // Access that ends by itself: deadlines are judged here, in every console process (lib/expiry/scheduler.ts);
  // the first tick catches up on whatever fell due while no console ran. Its events reach the requests (states,
  // webhooks) from the start, not only once a console page has been rendered.
  startRequests();
  startExpiry();
  server.listen(port, hostname, () => log('info', 'console listening', { url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`, dev }));
}

main().catch((error: unknown) => {
  log('error', 'the console could not start', { reason: errorReason(error) });
  process.exit(1);
});
