'use server';
// The findings' changes: a fix plan built (any signed-in user: building changes nothing; applying is an admin's,
// on the plan's page), a finding accepted or reopened, the allowlist edited (admins; audited with who and when).
// Fixes are looked up on the server by the finding's ID, never taken from the browser.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { adminAction, userAction, type ActionResult } from '@/lib/server-actions';
import { acceptFinding, ALLOWLISTS, reopenFinding, setAllowlisted } from '@/lib/access/findings-store';
import { findingsView } from '@/lib/access/findings-view';
import { buildFixPlan } from '@/lib/access/fix-plans';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';

const findingId = z.string().min(1).max(2048);

const planFix = userAction({
  action: 'plan:close-finding',
  input: z.object({ findingId, fix: z.number().int().min(0).max(5) }).strict(),
  async run(input, { user, region }) {
    const context = await getConsoleContext({ region });
    const finding = (await findingsView(context)).findings.find((f) => f.id === input.findingId);
    if (!finding) throw new PlanError('This finding is no longer there: the organization changed since the page was shown. Reload it.');
    const fix = finding.fixes[input.fix];
    if (!fix) throw new PlanError('This finding has no such fix.');
    return (await savePlan(await buildFixPlan(finding.id, fix, context), user)).id;
  },
});

const accept = adminAction({
  action: 'crossing:AcceptFinding',
  input: z
    .object({
      findingId,
      reason: z.string().trim().min(3, 'Reason: say why this finding is accepted (at least 3 characters).').max(1000, 'Reason: at most 1,000 characters.'),
      expires: z
        .string()
        .trim()
        .max(10)
        .optional()
        .transform((v) => v || undefined)
        .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expires: a date such as 2027-01-31, or empty for no expiry.').optional()),
    })
    .strict(),
  async run({ findingId, reason, expires }, { user }) {
    const expiresAt = expires ? new Date(`${expires}T23:59:59Z`) : undefined;
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) throw new PlanError('Expires: a date in the future, or empty for no expiry.', { expires: ['A date in the future.'] });
    await acceptFinding(findingId, reason, expiresAt, user);
  },
});

const reopen = adminAction({
  action: 'crossing:ReopenFinding',
  input: z.object({ findingId }).strict(),
  async run({ findingId }, { user }) {
    await reopenFinding(findingId, user);
  },
});

const ALLOWLIST_FORMS = {
  accounts: [/^\d{12}$/, 'a 12-digit account ID'],
  organizations: [/^o-[a-z0-9]{10,32}$/, 'an organization ID such as o-exampleorgid'],
  ous: [/^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/, 'an OU ID such as ou-ab12-cdef3456'],
  lessTrustedOus: [/^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/, 'an OU ID such as ou-ab12-cdef3456'],
} as const;

const allowlist = adminAction({
  action: 'crossing:EditAllowlist',
  input: z
    .object({ list: z.enum(ALLOWLISTS), value: z.string().trim().max(80), on: z.boolean() })
    .strict()
    .superRefine((v, ctx) => {
      const [form, words] = ALLOWLIST_FORMS[v.list];
      if (!form.test(v.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: `Value: ${words}.` });
    }),
  async run({ list, value, on }, { user }) {
    await setAllowlisted(list, value, on, user);
  },
});

export async function planFindingFixAction(input: unknown): Promise<ActionResult<string>> {
  return planFix(input);
}

export async function acceptFindingAction(input: unknown): Promise<ActionResult<void>> {
  return accept(input);
}

export async function reopenFindingAction(input: unknown): Promise<ActionResult<void>> {
  return reopen(input);
}

export async function editAllowlistAction(input: unknown): Promise<ActionResult<void>> {
  return allowlist(input);
}
