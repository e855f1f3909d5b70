// Two or more console instances behind one address, as a load balancer puts them: each request to the next
// instance in turn (benchmarks and the end-to-end test of several instances).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A round-robin reverse proxy on loopback in front of `upstreams`; `served` counts the requests each answered. */
export function roundRobin(upstreams: string[]): Promise<{ url: string; close: () => void; served: number[] }> {
  let next = 0;
  const served = upstreams.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const index = next++ % upstreams.length;
    served[index]++;
    const target = new URL(req.url!, upstreams[index]);
    // The browser's Host stays (the console compares it with Origin); the client's address is forwarded.
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    const upstream = http.request(target, { method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close(), served })),
  );
}
