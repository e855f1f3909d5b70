'use server';
// Plan building behind the Managed permissions page (viewers may build: it changes nothing; applying is for
// admins, on the plan's page). The permissions are read again from AWS before planning.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { allowedActionsByType, readManagedPermissions } from '@/lib/ram/managed-permissions';
import { permissionEditSchema, planPermissionEdit } from '@/lib/ram/permission-edits';
import { organizationNames } from '@/lib/organizations/accounts';

const build = userAction({
  action: 'plan:ram:EditPermission',
  input: z
    .object({
      accountId: z.string().regex(/^\d{12}$/, 'A 12-digit account ID.'),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.'),
      edit: permissionEditSchema,
    })
    .strict(),
  async run({ accountId, region, edit }, { user }) {
    const names = await organizationNames(await getConsoleContext({ region }));
    if (!names[accountId]) throw new PlanError(`Account ${accountId} is not in the organization.`);
    const view = await readManagedPermissions({ accountId, region });
    const draft = planPermissionEdit(view, edit, allowedActionsByType(view));
    return (await savePlan({ ...draft, accountNames: { [accountId]: names[accountId] } }, user)).id;
  },
});

export async function planPermissionEditAction(input: unknown): Promise<ActionResult<string>> {
  return build(input);
}
