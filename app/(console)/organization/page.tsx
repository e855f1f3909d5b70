// /organization: the organization tree with search and details. Thin: data from lib/organizations.
import { Alert, PageTitle } from '@/components/ui';
import { OrganizationExplorer } from '@/components/organization-tree';
import { requireUser } from '@/lib/auth/guard';
import { explainAwsError } from '@/lib/aws/errors';
import { getConsoleContext } from '@/lib/aws/identity';
import { childViews, getOrganizationSnapshot, nodeView } from '@/lib/organizations';
import { organizationAccessProblem, organizationSource, snapshotInfo } from '@/lib/organizations/snapshot-source';
import { loadChildrenAction, loadPoliciesAction, refreshAction, searchAction, statusAction } from '@/components/organization-tree/actions';

export const dynamic = 'force-dynamic';

const actions = {
  loadChildren: loadChildrenAction,
  search: searchAction,
  loadPolicies: loadPoliciesAction,
  refresh: refreshAction,
  status: statusAction,
};

export default async function OrganizationPage() {
  await requireUser();
  const title = (
    <PageTitle description="Root, organizational units and accounts. Open a node to load its children; search covers the whole organization.">
      Organization
    </PageTitle>
  );
  let ctx;
  try {
    ctx = await getConsoleContext();
  } catch (error) {
    return (
      <>
        {title}
        <Alert tone="error" title="The console's identity could not be read">{explainAwsError(error, { operation: 'sts:GetCallerIdentity' })}</Alert>
      </>
    );
  }
  const problem = organizationAccessProblem(ctx);
  if (problem) {
    return (
      <>
        {title}
        <Alert tone="warning" title="The organization cannot be shown from this account">{problem}</Alert>
      </>
    );
  }
  let status;
  try {
    status = await getOrganizationSnapshot(await organizationSource(ctx));
  } catch (error) {
    return (
      <>
        {title}
        <Alert tone="error" title="The organization could not be listed">
          {explainAwsError(error, { operation: 'organizations:ListOrganizationalUnitsForParent', accountId: ctx.accountId })}
        </Alert>
      </>
    );
  }
  const { snapshot } = status;
  const root = nodeView(snapshot, snapshot.rootId)!;
  return (
    <>
      {title}
      <OrganizationExplorer
        initial={{ root, children: { [root.id]: childViews(snapshot, root.id) ?? [] } }}
        info={snapshotInfo(status)}
        actions={actions}
        policyHrefBase="/organization/policies/"
      />
    </>
  );
}
