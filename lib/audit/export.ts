// The audit log as JSON lines for a date range, for a SIEM: one entry a line, oldest first, streamed as it is
// read so a year of entries never sits in memory.
import { z } from 'zod';
import { auditBetween, type AuditRecord } from './log';

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const INSTANT_FORM = 'a date (2026-11-01, midnight UTC) or a time with its zone (2026-11-01T09:30:00Z)';

export type ExportRange = { from: Date; to: Date };

/** The range in `from` and `to` (from inclusive, to exclusive), or what is wrong with them. */
export function parseExportRange(params: URLSearchParams): { ok: true; range: ExportRange } | { ok: false; error: string } {
  const parsed: Partial<ExportRange> = {};
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (!value) return { ok: false, error: `${name} is missing: give ${INSTANT_FORM}.` };
    if (!instant.safeParse(value).success) return { ok: false, error: `${name} is not ${INSTANT_FORM}.` };
    parsed[name] = new Date(value);
  }
  const { from, to } = parsed as ExportRange;
  if (to <= from) return { ok: false, error: 'to must be after from (the range is from inclusive, to exclusive).' };
  return { ok: true, range: { from, to } };
}

/** One entry as a JSON line: every field, absent ones as null, so each line has the same shape. */
export function auditLine(entry: AuditRecord): string {
  return `${JSON.stringify({
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    role: entry.role,
    action: entry.action,
    accountId: entry.accountId ?? null,
    region: entry.region ?? null,
    outcome: entry.outcome,
    requestId: entry.requestId ?? null,
    error: entry.error ?? null,
    planId: entry.planId ?? null,
    step: entry.step ?? null,
    accessRequest: entry.accessRequest ?? null,
    parameters: entry.parameters,
  })}\n`;
}

/** The range's entries as a byte stream of JSON lines. */
export function auditExportStream({ from, to }: ExportRange): ReadableStream<Uint8Array> {
  const entries = auditBetween(from, to);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      // Errors end the stream as an error, so the receiver sees a cut-off download rather than a short, complete one.
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditLine(next.value)));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
