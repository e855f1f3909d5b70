// The audit log's export for a SIEM: a date range, downloaded as JSON lines from /audit/export (admins only).
import { Button, Field, inputClass } from '@/components/ui';

export function AuditExportForm() {
  return (
    <form method="get" action="/audit/export" className="flex flex-wrap items-end gap-3 text-sm" data-testid="audit-export">
      <Field label="From (UTC, inclusive)" htmlFor="audit-export-from">
        <input id="audit-export-from" name="from" type="date" required className={inputClass} />
      </Field>
      <Field label="To (UTC, exclusive)" htmlFor="audit-export-to">
        <input id="audit-export-to" name="to" type="date" required className={inputClass} />
      </Field>
      <Button type="submit" size="sm" variant="secondary">
        Export as JSON lines
      </Button>
    </form>
  );
}
