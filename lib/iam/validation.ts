// What a cross-account access request may say, in IAM's own rules (role and user names, paths, ExternalId,
// session length): each message names the field and the form it takes.
import { z } from 'zod';

export const accountIdSchema = (field: string) => z.string().trim().regex(/^\d{12}$/, `${field}: an AWS account ID is 12 digits.`);

export const roleNameSchema = z
  .string()
  .trim()
  .min(1, 'Role name: required.')
  .max(64, 'Role name: at most 64 characters.')
  .regex(/^[\w+=,.@-]+$/, 'Role name: only letters, digits and + = , . @ _ - (no spaces).');

export const pathSchema = z
  .string()
  .trim()
  .max(512, 'Path: at most 512 characters.')
  .regex(/^\/(?:[\x21-\x7E]*\/)?$/, 'Path: begins and ends with / and has printable ASCII between (e.g. /teams/payments/).');

export const externalIdSchema = z
  .string()
  .trim()
  .min(2, 'ExternalId: at least 2 characters.')
  .max(1224, 'ExternalId: at most 1,224 characters.')
  .regex(/^[\w+=,.@:/-]+$/, 'ExternalId: only letters, digits and + = , . @ : / _ - (no spaces).');

export const descriptionSchema = z
  .string()
  .max(1000, 'Description: at most 1,000 characters.')
  .regex(/^[\t\n\r\x20-\x7E\xA1-\xFF]*$/, 'Description: printable Latin-1 characters only.');

const principalArnPattern = /^arn:aws:iam::(\d{12}):(user|role)\/(?:[\x21-\x7E]+\/)?([\w+=,.@-]{1,64})$/;

export const principalArnSchema = z
  .string()
  .trim()
  .regex(principalArnPattern, 'Principal: a user or role ARN, arn:aws:iam::ACCOUNT:user/NAME or arn:aws:iam::ACCOUNT:role/PATH/NAME.');

export const managedPolicyArnSchema = z
  .string()
  .regex(/^arn:aws:iam::(aws|\d{12}):policy\/(?:[\x21-\x7E]+\/)?[\w+=,.@-]{1,128}$/, 'Managed policy: an ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess.');

/** The parts of a principal ARN: its account, kind (user or role) and name. */
export function parsePrincipalArn(arn: string): { accountId: string; kind: 'user' | 'role'; name: string } | undefined {
  const m = principalArnPattern.exec(arn);
  return m ? { accountId: m[1], kind: m[2] as 'user' | 'role', name: m[3] } : undefined;
}

export const conditionsSchema = z.object({
  externalId: externalIdSchema.optional(),
  requireMfa: z.boolean().default(false),
  restrictToOrganization: z.boolean().default(false),
  allowTagSession: z.boolean().default(false),
  allowSetSourceIdentity: z.boolean().default(false),
});

export const sourceSchema = z
  .object({
    accountId: accountIdSchema('Source account'),
    /** 'account' trusts the whole account; otherwise a user's or role's ARN in it. */
    principal: z
      .string()
      .trim()
      .refine((v) => v === 'account' || principalArnPattern.test(v), 'Source principal: the whole account, or a user or role ARN (arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/PATH/NAME).'),
  })
  .refine((s) => s.principal === 'account' || parsePrincipalArn(s.principal)?.accountId === s.accountId, {
    message: 'Source principal: the ARN names another account than the source account.',
    path: ['principal'],
  });

export const newRoleSchema = z.object({
  kind: z.literal('new'),
  name: roleNameSchema,
  path: pathSchema.default('/'),
  description: descriptionSchema.optional(),
  managedPolicyArns: z.array(managedPolicyArnSchema).max(10, 'Permissions: at most 10 managed policies per role (IAM quota).').default([]),
  maxSessionHours: z.number().int('Maximum session duration: whole hours.').min(1, 'Maximum session duration: 1 to 12 hours.').max(12, 'Maximum session duration: 1 to 12 hours.').default(1),
});

export const destinationSchema = z.object({
  accountId: accountIdSchema('Destination account'),
  role: z.discriminatedUnion('kind', [newRoleSchema, z.object({ kind: z.literal('existing'), name: roleNameSchema })]),
});

export const accessRequestSchema = z
  .object({ source: sourceSchema, destination: destinationSchema, conditions: conditionsSchema })
  .refine((r) => r.source.accountId !== r.destination.accountId, {
    message: 'Destination account: it is the source account; cross-account access needs two different accounts.',
    path: ['destination', 'accountId'],
  });

export type AccessRequest = z.infer<typeof accessRequestSchema>;
export type AccessConditions = z.infer<typeof conditionsSchema>;
