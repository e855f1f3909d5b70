// A page of Shared with me as its table shows it: the names worked out on the server (the organization's 10,000
// stay there), so the page sends a few hundred bytes a row rather than each row's rendered tree.
import { receivedIndividually } from './leave-share';
import { receivedThroughOrganization, type ReceivedShare } from './received';
import { principalName, type NameBook } from './share-list';

export interface ReceivedRow {
  key: string;
  name: string;
  arn: string;
  region: string;
  status: string;
  /** "Every account in …" (all accounts, received through the organization or OUs), else the receiving account. */
  receiving: { everyAccountIn: string } | { accountId: string; name: string };
  owner: { id: string; name?: string };
  resources: Array<{ arn: string; type: string; id: string }>;
  via: string;
  /** Present when the account was added individually: only then may it leave. */
  leave?: { accountId: string; region: string; resourceShareArn: string };
}

/** `all`: the rows are every account's, a share received through the organization once. */
export function receivedRows(shares: readonly ReceivedShare[], names: NameBook, all: boolean): ReceivedRow[] {
  return shares.map((s) => {
    const throughOrganization = all && receivedThroughOrganization(s);
    const owner = names[s.owningAccountId];
    const principal = (v: string) => principalName(v, names) ?? v;
    return {
      key: throughOrganization ? s.arn : `${s.accountId}/${s.arn}`,
      name: s.name,
      arn: s.arn,
      region: s.region,
      status: s.status,
      receiving: throughOrganization ? { everyAccountIn: s.via.map(principal).join(', ') } : { accountId: s.accountId, name: names[s.accountId] ?? s.accountId },
      owner: { id: s.owningAccountId, name: owner && owner !== s.owningAccountId ? owner : undefined },
      resources: s.resources.map((r) => ({ arn: r.arn, type: r.type, id: r.arn.split(/[:/]/).pop() ?? r.arn })),
      via: s.via.map((v) => (v === s.accountId ? 'this account' : principal(v))).join(', ') || '—',
      leave: receivedIndividually(s) ? { accountId: s.accountId, region: s.region, resourceShareArn: s.arn } : undefined,
    };
  });
}
