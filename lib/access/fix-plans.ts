// A finding's fix as a plan (server only): what the fix needs read from AWS just before (the role's trust as it
// is now, the share as its owner lists it), then the pure builder of the fix's own module.
import type { ConsoleContext } from '../aws/identity';
import { buildDeleteRoleFix, buildExternalIdFix, buildTrustRemovalFix, generateExternalId } from '../iam/finding-fixes';
import { accountNamesOf, readRemovalFacts } from '../iam/access-facts';
import { roleDetails } from '../iam/read';
import { organizationNames } from '../organizations/accounts';
import { PlanError } from '../plan/build';
import type { PlanDraft } from '../plan/types';
import { planShareEdit } from '../ram/share-edits';
import { refreshSharesOf } from '../ram/snapshot';
import type { FindingFix } from './findings';

export async function buildFixPlan(findingId: string, fix: FindingFix, context: ConsoleContext): Promise<PlanDraft> {
  switch (fix.kind) {
    case 'add-external-id':
    case 'remove-trust': {
      const facts = await readRemovalFacts(fix.roleArn, fix.principal, context);
      if (!facts) throw new PlanError(`Role ${fix.roleArn} no longer exists: refresh the findings.`);
      return fix.kind === 'add-external-id' ? buildExternalIdFix(findingId, fix.principal, generateExternalId(), facts) : buildTrustRemovalFix(findingId, fix.principal, facts);
    }
    case 'delete-role': {
      const [, , , , accountId, resource] = fix.roleArn.split(':');
      const role = await roleDetails(accountId, resource.split('/').pop()!);
      if (!role) throw new PlanError(`Role ${fix.roleArn} no longer exists: refresh the findings.`);
      return buildDeleteRoleFix(findingId, role, await accountNamesOf(context));
    }
    case 'disassociate-share': {
      const share = (await refreshSharesOf(fix.accountId, fix.region)).find((s) => s.id === fix.shareId);
      if (!share) throw new PlanError(`The share ${fix.shareId} is no longer listed by its owner: refresh the findings.`);
      return planShareEdit(share, { edit: 'remove-principals', principals: [fix.principal] }, await organizationNames(context));
    }
  }
}
