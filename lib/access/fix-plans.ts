// A finding's fix as a plan (server only): what the fix needs read from AWS just before (the role's trust as it
// is now, the role with what it holds, the share as its owner lists it), then the kind that makes the change.
import type { ConsoleContext } from '../aws/identity';
import { accountNamesOf, readRemovalFacts } from '../iam/access-facts';
import { closeFinding, generateExternalId } from '../iam/finding-fixes';
import { roleDetails } from '../iam/read';
import { organizationNames } from '../organizations/accounts';
import { PlanError } from '../plan/build';
import type { PlanDraft } from '../plan/types';
import { editShare } from '../ram/share-edits';
import { refreshSharesOf } from '../ram/snapshot';
import type { FindingFix } from './findings';

export async function buildFixPlan(findingId: string, fix: FindingFix, context: ConsoleContext): Promise<PlanDraft> {
  switch (fix.kind) {
    case 'add-external-id':
    case 'remove-trust': {
      const trust = await readRemovalFacts(fix.roleArn, fix.principal, context);
      if (!trust) throw new PlanError(`Role ${fix.roleArn} no longer exists: refresh the findings.`);
      return fix.kind === 'add-external-id'
        ? closeFinding.plan({ fix: 'add-external-id', findingId, roleArn: fix.roleArn, principal: fix.principal, externalId: generateExternalId() }, { trust })
        : closeFinding.plan({ fix: 'remove-trust', findingId, roleArn: fix.roleArn, principal: fix.principal }, { trust });
    }
    case 'delete-role': {
      const [, , , , accountId, resource] = fix.roleArn.split(':');
      const role = await roleDetails(accountId, resource.split('/').pop()!);
      if (!role) throw new PlanError(`Role ${fix.roleArn} no longer exists: refresh the findings.`);
      return closeFinding.plan({ fix: 'delete-role', findingId, roleArn: fix.roleArn }, { role, accountNames: await accountNamesOf(context) });
    }
    case 'disassociate-share': {
      const share = (await refreshSharesOf(fix.accountId, fix.region)).find((s) => s.id === fix.shareId);
      if (!share) throw new PlanError(`The share ${fix.shareId} is no longer listed by its owner: refresh the findings.`);
      return editShare.plan({ edit: 'remove-principals', principals: [fix.principal] }, { share, names: await organizationNames(context) });
    }
  }
}
