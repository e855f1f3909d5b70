// After a plan runs, the page shows what AWS reads back, not what the calls returned: each kind of plan
// names the reads that prove (or disprove) its change.
import type { ConsoleContext } from '../aws/identity';
import { invalidateConsoleContext } from '../aws/identity';
import type { StoredPlan } from '../plan/types';
import { CREATE_SHARE_KIND } from '../ram/create-share';
import { createShareReadBack } from '../ram/create-share-read-back';
import { ANSWER_INVITATIONS_KIND } from '../ram/invitation-plan';
import { answerInvitationsReadBack } from '../ram/invitation-read-back';
import { ENABLE_SHARING_KIND, forgetRecentSharingStatus, getSharingStatus, RAM_SERVICE_LINKED_ROLE } from '../ram/sharing';
import { ACCESS_KIND, TRUST_EDIT_KIND } from '../iam/access';
import { crossAccountReadBack } from '../iam/read-back';
import { EDIT_SHARE_KIND, LEAVE_SHARE_KIND } from '../ram/share-edits';
import { leaveShareReadBack, shareEditReadBack } from '../ram/share-read-back';
import { editPermission } from '../ram/permission-edits';
import { promoteShare } from '../ram/promote-share';
import { modifyShare } from '../ram/modify-share';

export interface ReadBack {
  tone: 'success' | 'warning' | 'error';
  title: string;
  facts: { label: string; value: string }[];
  /** What the admin should do when AWS does not show the change. */
  advice?: string;
  /** Where the admin goes next (the created share's page, the wizard step to fix). */
  links?: { href: string; label: string }[];
  problems: string[];
}

const yesNo = (value: boolean | undefined) => (value === undefined ? 'unknown' : value ? 'yes' : 'no');

async function enableSharingReadBack(plan: StoredPlan, context: ConsoleContext): Promise<ReadBack> {
  invalidateConsoleContext();
  forgetRecentSharingStatus();
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
}

/**
 * A kind shaped as branch i17's ChangeKindSpec (pure readBack, afterApply hook) read back here, where this branch
 * has no after-apply hook yet: the hook runs first (it refreshes caches), then the pure read.
 */
function kindReader<C>(kind: { context: { parse(value: unknown): C }; readBack(plan: Omit<StoredPlan, 'context'> & { context: C }, aws: ConsoleContext): Promise<ReadBack>; afterApply?(plan: Omit<StoredPlan, 'context'> & { context: C }): Promise<void> }) {
  return async (plan: StoredPlan, aws: ConsoleContext) => {
    const typed = { ...plan, context: kind.context.parse(plan.context) };
    await kind.afterApply?.(typed);
    return kind.readBack(typed, aws);
  };
}

const readers: Record<string, (plan: StoredPlan, context: ConsoleContext) => Promise<ReadBack>> = {
  [ENABLE_SHARING_KIND]: enableSharingReadBack,
  [CREATE_SHARE_KIND]: createShareReadBack,
  [ANSWER_INVITATIONS_KIND]: answerInvitationsReadBack,
  [ACCESS_KIND]: crossAccountReadBack,
  [TRUST_EDIT_KIND]: crossAccountReadBack,
  [EDIT_SHARE_KIND]: shareEditReadBack,
  [LEAVE_SHARE_KIND]: leaveShareReadBack,
  [editPermission.id]: kindReader(editPermission),
  [promoteShare.id]: kindReader(promoteShare),
  [modifyShare.id]: kindReader(modifyShare),
};

/** What AWS shows now for a plan that has run; undefined for a plan not yet applied. */
export async function readBack(plan: StoredPlan, context: ConsoleContext): Promise<ReadBack | undefined> {
  // An expired plan that ran in part (failed or cut short) still shows what it changed.
  if (!plan.startedAt || plan.status === 'running') return undefined;
  return readers[plan.kind]?.(plan, context);
}
