// /roles' table: one row per role, linking to its account and its page, with whom its trust lets in.
import { Badge, type BadgeTone, Cell, Link, Table } from '@/components/ui';
import type { RoleRow, TrustKind } from '@/lib/iam/roles-view';

const TONE: Record<TrustKind, BadgeTone> = { 'cross-account': 'amber', 'same-account': 'slate', service: 'sky', federated: 'sky', anyone: 'red' };
const LABEL: Record<TrustKind, string> = { 'cross-account': 'cross-account', 'same-account': 'same account', service: 'AWS service', federated: 'SAML/OIDC', anyone: 'anyone' };
// A role trusting many principals shows the first ones; its page lists all.
const TRUSTEES_SHOWN = 4;

function lastUsed(ms: number | undefined): string {
  return ms === undefined ? 'never' : new Date(ms).toISOString().slice(0, 10);
}

export function RoleRows({ rows, names }: { rows: RoleRow[]; names: Record<string, string> }) {
  return (
    <Table columns={['Account', 'Role', 'Trusts', 'Trusted principals', 'Last used']} testId="roles-table">
      {rows.map((r) => (
        <tr key={r.roleArn} data-testid="role-row">
          <Cell>
            <Link className="text-sky-700 underline" href={`/accounts/${r.accountId}`}>
              {r.accountName}
            </Link>{' '}
            <span className="text-xs text-slate-500">{r.accountId}</span>
          </Cell>
          <Cell>
            <Link className="text-sky-700 underline" href={`/roles/${r.accountId}/${encodeURIComponent(r.roleName)}`}>
              {r.roleName}
            </Link>
          </Cell>
          <Cell>
            <div className="flex flex-wrap gap-1">
              {r.kinds.map((k) => (
                <Badge key={k} tone={TONE[k]}>
                  {LABEL[k]}
                </Badge>
              ))}
            </div>
          </Cell>
          <Cell mono>
            <ul>
              {r.trustees.slice(0, TRUSTEES_SHOWN).map((t, i) => (
                <li key={`${i} ${t.principal}`}>
                  {t.principal}
                  {t.kind === 'cross-account' && <span className="font-sans text-xs text-slate-500"> ({(t.account && names[t.account]) ?? 'outside the organization'})</span>}
                </li>
              ))}
              {r.trustees.length > TRUSTEES_SHOWN && <li className="font-sans text-xs text-slate-500">and {r.trustees.length - TRUSTEES_SHOWN} more</li>}
            </ul>
          </Cell>
          <Cell>{lastUsed(r.lastUsed)}</Cell>
        </tr>
      ))}
    </Table>
  );
}
