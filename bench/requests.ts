// The benchmarks' request loop: signed-in clients each requesting one page after another (keep-alive, one request
// at a time each) for a while, and the latencies they saw.

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** What failed, and how often (an HTTP status, or the connection's error). */
  failures: Map<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `clients` clients requesting `url` with `cookie` for `seconds`; anything but a 200 is an error. */
export async function loadPage(url: string, cookie: string, { clients, seconds }: { clients: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const failed = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
          await response.arrayBuffer();
          if (response.status !== 200) failed(`HTTP ${response.status}`);
        } catch (error) {
          failed((error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : String(error));
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const errors = [...failures.values()].reduce((sum, n) => sum + n, 0);
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, failures };
}
