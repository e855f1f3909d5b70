// The member account a page shows: chosen from the organization's accounts, or typed past 250 of them (each option
// is sent twice, in the HTML and in the page's payload: a thousand were two thirds of Shared with me's 270 KB while a
// large organization was still being read); and what the page says of one it could not show.
import { Alert, inputClass } from '@/components/ui';

const CHOOSER_LIMIT = 250;
const ACCOUNT_ID = /^\d{12}$/;

interface Choice {
  id: string;
  name: string;
}

/** The `account` field of a GET form; `all` offers every account at once. */
export function AccountChooser({ label, accounts, value, own, all = false }: { label: string; accounts: readonly Choice[]; value: string; own: string; all?: boolean }) {
  if (accounts.length <= CHOOSER_LIMIT) {
    return (
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{label}</span>
        <select name="account" defaultValue={value} className={inputClass}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name === a.id ? a.id : `${a.name} (${a.id})`}
            </option>
          ))}
          {all && <option value="all">All accounts</option>}
        </select>
      </label>
    );
  }
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">
        {label} (12-digit account ID{all ? ', or all' : ''}; this account when empty)
      </span>
      <input name="account" defaultValue={value === own ? '' : value} placeholder={own} pattern={all ? '\\d{12}|all' : '\\d{12}'} className={inputClass} />
    </label>
  );
}

/** Why the typed account is not the one shown: malformed, or not in the organization as read so far. */
export function AccountRefused({ title, typed, own, all = false, testId }: { title: string; typed: string; own: string; all?: boolean; testId: string }) {
  return (
    <Alert tone="error" title={title} testId={testId}>
      {ACCOUNT_ID.test(typed) ? `Account ${typed} is not in the organization as read so far` : `An account is a 12-digit account ID${all ? ', or all' : ''}`}: showing this account ({own}).
    </Alert>
  );
}
