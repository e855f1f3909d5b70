// GET /audit/export?from=…&to=…: the audit log's entries in the range as JSON lines (application/x-ndjson), for a
// SIEM. Admins only; who exported what range is itself audited.
import { recordAudit } from '@/lib/audit/log';
import { auditExportStream, parseExportRange } from '@/lib/audit/export';
import { requireAdmin } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

const ACTION = 'crossing:ExportAuditLog';
const text = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const check = await requireAdmin();
  if (!check.ok) {
    await recordAudit({
      actor: check.status === 403 ? check.user.email : 'anonymous',
      role: check.status === 403 ? check.user.role : '-',
      action: ACTION,
      parameters: { from: params.get('from')?.slice(0, 40), to: params.get('to')?.slice(0, 40) },
      outcome: check.status === 403 ? 'denied' : 'unauthenticated',
      error: check.error,
    });
    return text(check.status, check.error);
  }
  const parsed = parseExportRange(params);
  if (!parsed.ok) return text(400, `Bad request: ${parsed.error}`);
  const { from, to } = parsed.range;
  await recordAudit({ actor: check.user.email, role: check.user.role, action: ACTION, parameters: { from: from.toISOString(), to: to.toISOString() }, outcome: 'success' });
  const name = `crossing-audit-${from.toISOString().slice(0, 10)}-to-${to.toISOString().slice(0, 10)}.jsonl`;
  return new Response(auditExportStream(parsed.range), {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
