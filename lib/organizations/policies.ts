// SCPs for the details panel, loaded when a node is selected (not during the crawl: most nodes are
// never selected, and the crawl must stay at the minimum number of calls).
import { DescribePolicyCommand, paginateListPoliciesForTarget, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { memo } from '../cache/memo';
import { MAX_PAGE_SIZE } from './crawl';
import type { PolicyRef, TargetPolicies } from './types';

export async function listServiceControlPolicies(client: OrganizationsClient, targetId: string): Promise<TargetPolicies> {
  const policies: PolicyRef[] = [];
  try {
    for await (const page of paginateListPoliciesForTarget({ client, pageSize: MAX_PAGE_SIZE }, { TargetId: targetId, Filter: 'SERVICE_CONTROL_POLICY' })) {
      for (const p of page.Policies ?? []) {
        policies.push({ id: p.Id ?? '', arn: p.Arn ?? '', name: p.Name ?? p.Id ?? '', description: p.Description || undefined, awsManaged: !!p.AwsManaged });
      }
    }
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PolicyTypeNotEnabledException' || name === 'PolicyTypeNotAvailableForOrganizationException') {
      return { ok: false, reason: 'not-enabled', message: 'Service control policies are not enabled in this organization.' };
    }
    throw error;
  }
  return { ok: true, policies };
}

export interface PolicyDocument extends PolicyRef {
  type: string;
  /** The policy JSON, pretty-printed when it parses. */
  content: string;
}

export async function describePolicy(client: OrganizationsClient, policyId: string): Promise<PolicyDocument> {
  const out = await client.send(new DescribePolicyCommand({ PolicyId: policyId }));
  const s = out.Policy?.PolicySummary ?? {};
  const raw = out.Policy?.Content ?? '';
  let content = raw;
  try {
    content = JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    // Shown as AWS stored it.
  }
  return {
    id: s.Id ?? policyId,
    arn: s.Arn ?? '',
    name: s.Name ?? policyId,
    description: s.Description || undefined,
    awsManaged: !!s.AwsManaged,
    type: s.Type ?? '',
    content,
  };
}

// Views of a policy share one DescribePolicy for a few seconds: Organizations allows about 10 calls a second for the
// whole organization, which a crawl uses to the full, so each call can wait seconds for its turn, and 20 people
// opening FullAWSAccess would each wait for their own. While the next reading waits its turn, views are given the
// last one (at most a minute old); only the view that started it waits.
const viewed = memo<PolicyDocument>('organizations:DescribePolicy', 15_000, { previousWhileReadingMs: 60_000 });

/** The policy as AWS has it, read at most once in 15 s per console account and policy. */
export function viewPolicy(client: OrganizationsClient, consoleAccountId: string, policyId: string): Promise<PolicyDocument> {
  return viewed.get(`${consoleAccountId}|${policyId}`, () => describePolicy(client, policyId));
}
