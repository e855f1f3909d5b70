// Kind of change: enabling RAM sharing with AWS Organizations — one ram:EnableSharingWithAwsOrganization, refused
// with the preflight checks that fail; read back as the two facts that make sharing work.
import { z } from 'zod';
import { invalidateConsoleContext, type ConsoleContext } from '../aws/identity';
import { PlanError } from '../plan/build';
import { defineKind } from '../plan/kind';
import { getSharingStatus, RAM_SERVICE_LINKED_ROLE, refreshSharingStatus, type SharingStatus } from './sharing';

const yesNo = (value: boolean | undefined) => (value === undefined ? 'unknown' : value ? 'yes' : 'no');

export const enableSharing = defineKind({
  id: 'ram:enable-sharing',
  input: z.object({}).strict(),
  context: z.object({}),
  build(_input, { context, status }: { context: ConsoleContext; status: SharingStatus }) {
    if (status.enabled) throw new PlanError('Sharing with AWS Organizations is already enabled: there is nothing to do.');
    if (!status.canEnable) {
      const failing = status.checks.filter((c) => !c.passed && c.id !== 'service-linked-role' && c.id !== 'trusted-access-trap');
      throw new PlanError(`Sharing cannot be enabled from here: ${failing.map((c) => c.detail).join(' ')}`);
    }
    return {
      title: 'Enable sharing with AWS Organizations',
      steps: [
        {
          operation: 'ram:EnableSharingWithAwsOrganization',
          accountId: context.accountId,
          region: context.region,
          input: {},
          reason: `Turns on RAM's trusted access in the organization and creates the service-linked role ${RAM_SERVICE_LINKED_ROLE}, so shares can name the organization and its OUs.`,
        },
      ],
      notes: status.trustedAccess && !status.serviceLinkedRole ? ['Trusted access is already on from the Organizations side; this call creates the missing service-linked role.'] : [],
      context: {},
    };
  },
  async readBack(plan, context) {
    const status = await getSharingStatus(context);
    const facts = [
      { label: 'Trusted access for ram.amazonaws.com (organizations:ListAWSServiceAccessForOrganization)', value: yesNo(status.trustedAccess) },
      { label: `Service-linked role ${RAM_SERVICE_LINKED_ROLE} (iam:GetRole)`, value: yesNo(status.serviceLinkedRole) },
    ];
    if (status.enabled) return { tone: 'success', title: 'Sharing with AWS Organizations is enabled.', facts, problems: status.problems };
    const answered = plan.status === 'succeeded';
    return {
      tone: answered ? 'warning' : 'error',
      title: answered ? 'AWS accepted the call, but sharing with AWS Organizations still reads as off.' : 'Sharing with AWS Organizations is off.',
      facts,
      advice:
        status.serviceLinkedRole === false
          ? `The service-linked role ${RAM_SERVICE_LINKED_ROLE} is missing: the console's identity needs iam:CreateServiceLinkedRole. An endpoint that answers the call without doing it (some AWS-compatible endpoints) leaves it missing too.`
          : status.trustedAccess === false
            ? 'Trusted access for ram.amazonaws.com is not on: the console identity needs organizations:EnableAWSServiceAccess, and the organization must have all features.'
            : undefined,
      problems: status.problems,
    };
  },
  // The console's standing and the dashboard's sharing status are read again.
  async afterApply() {
    invalidateConsoleContext();
    await refreshSharingStatus();
  },
});
