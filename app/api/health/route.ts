// GET /api/health: for load balancers, without a session: 200 when this instance can serve (its database
// answers), 503 when not, so the proxy sends browsers to another instance. Says nothing more (the reason is logged).
import { stateAnswers } from '@/lib/state/database';

export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await stateAnswers();
  return new Response(ok ? 'ok\n' : 'unavailable\n', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
