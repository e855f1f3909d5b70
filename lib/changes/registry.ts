// Every kind of change the console makes and every AWS operation a plan may contain, handed to the engine
// (lib/plan) here and nowhere else, so the engine knows no service. A new kind is listed here once. Pages, actions
// and tests take the engine's entry points from here, which loads the registry before they run.
import { crossAccountAccess } from '../iam/access';
import { closeFinding } from '../iam/finding-fixes';
import { iamOperations } from '../iam/operations';
import { trustEdit } from '../iam/trust-edit';
import { moveAccount } from '../organizations/move-account';
import { organizationsOperations } from '../organizations/operations';
import { registerChanges } from '../plan/catalog';
import { answerInvitations } from '../ram/answer-invitations';
import { createShare } from '../ram/create-share';
import { enableSharing } from '../ram/enable-sharing';
import { leaveShare } from '../ram/leave-share';
import { modifyShare } from '../ram/modify-share';
import { editPermission } from '../ram/permission-edits';
import { promoteShare } from '../ram/promote-share';
import { ramOperations } from '../ram/operations';
import { editShare } from '../ram/share-edits';

export const changeKinds = [enableSharing, createShare, editShare, modifyShare, leaveShare, answerInvitations, editPermission, promoteShare, crossAccountAccess, trustEdit, closeFinding, moveAccount];

registerChanges(changeKinds, { ...ramOperations, ...iamOperations, ...organizationsOperations });

export { applyPlan, checkUnknownSteps, runFinished } from '../plan/apply';
export { readBack } from '../plan/catalog';
export { planEquivalents } from '../plan/equivalents';
