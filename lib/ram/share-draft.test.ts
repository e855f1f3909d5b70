// Protects: the create-share wizard's validation messages (name, resources, tags, principals) and its
// server-side state: a draft belongs to its maker, what was typed is kept before Next, Back-then-Next keeps
// later steps finished, a change sends the admin through the later steps again (and drops the review's plan),
// and a step opens only after the ones before it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeState } from '../state/database';
import { createDraft, draftFor, finishStep, saveTyped } from '../wizard/drafts';
import { allowedStep, detailsInput, emptyShareDraft, getShareDraft, MODIFY_SHARE_WIZARD, permissionsInput, principalsInput, SHARE_WIZARD, shareStepHref, typedOf, type ShareDraftState } from './share-draft';

const subnet = { arn: 'arn:aws:ec2:us-east-1:300000000001:subnet/subnet-1', id: 'subnet-1', name: 'workloads-a', resourceType: 'ec2:Subnet' };
const details = { accountId: '300000000001', region: 'us-east-1', name: 'workloads', resources: [subnet], tags: [] as { key: string; value: string }[] };

const messages = (input: unknown) => {
  const r = detailsInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('step 1 messages', () => {
  it('trims the name and refuses an empty or overlong one', async () => {
    expect(detailsInput.parse({ ...details, name: '  workloads  ' }).name).toBe('workloads');
    expect(messages({ ...details, name: '   ' })).toEqual(['name: Enter a name for the resource share.']);
    expect(messages({ ...details, name: 'x'.repeat(256) })).toEqual(['name: A resource share name is at most 255 characters.']);
  });

  it('needs a resource and a sharing account', async () => {
    expect(messages({ ...details, resources: [] })).toEqual(['resources: Select at least one resource to share.']);
    expect(messages({ ...details, accountId: '3000' })).toEqual(['accountId: Choose the sharing account (12 digits).']);
  });

  it('checks tags: count, key and value length, reserved prefix, duplicates', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(messages({ ...details, tags: tags(50) })).toEqual([]);
    expect(messages({ ...details, tags: tags(51) })).toEqual(['tags: A resource share has at most 50 tags.']);
    expect(messages({ ...details, tags: [{ key: 'k'.repeat(129), value: '' }] })).toEqual(['tags.0.key: A tag key is at most 128 characters.']);
    expect(messages({ ...details, tags: [{ key: 'team', value: 'v'.repeat(257) }] })).toEqual(['tags.0.value: A tag value is at most 256 characters.']);
    expect(messages({ ...details, tags: [{ key: 'AWS:owner', value: 'x' }] })).toEqual(['tags.0.key: Tag keys starting with "aws:" are reserved for AWS.']);
    expect(messages({ ...details, tags: [{ key: '', value: 'x' }] })).toEqual(['tags.0.key: Enter a tag key.']);
    expect(messages({ ...details, tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] })).toEqual(['tags: Each tag key may appear only once.']);
  });

  it('step 3 needs a principal', async () => {
    const r = principalsInput.safeParse({ allowExternalPrincipals: true, principals: [] });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['Add at least one principal: the share gives access to no one without one.']);
  });
});

describe('the draft', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'share-draft-'));
    process.env.CROSSING_DATA_DIR = dir;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
  });
  afterAll(async () => {
    await closeState();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const newDraft = async (user = 'admin@example.com') => (await draftFor<ShareDraftState>(SHARE_WIZARD, undefined, user, emptyShareDraft))!;

  it('belongs to its maker and keeps each step', async () => {
    const draft = await newDraft();
    expect(await getShareDraft(draft.id, 'viewer@example.com')).toBeUndefined();
    expect(await getShareDraft('d-nope', 'admin@example.com')).toBeUndefined();
    await finishStep(draft, 1, 'details', { ...details, accountName: 'network' });
    expect((await getShareDraft(draft.id, 'admin@example.com'))?.state).toMatchObject({ finished: 1, details: { name: 'workloads' } });
  });

  it('keeps what was typed on a step before Next, and shows it rather than what was accepted', async () => {
    let draft = await finishStep(await newDraft(), 1, 'details', { ...details, accountName: 'network' });
    expect(typedOf(draft, 1)).toBeUndefined();
    draft = await saveTyped(draft, 1, { ...details, name: 'half-typed', tags: [{ key: '', value: 'x' }] });
    const again = (await getShareDraft(draft.id, 'admin@example.com'))!;
    expect(typedOf(again, 1)).toMatchObject({ name: 'half-typed', tags: [{ key: '', value: 'x' }] });
    expect(again.state.details?.name).toBe('workloads');
    // What is not a step's shape (a forged autosave) is not shown.
    expect(typedOf(await saveTyped(again, 3, { allowExternalPrincipals: 'yes' }), 3)).toBeUndefined();
  });

  it('opens a step only after the ones before it, and Back then Next keeps what was finished', async () => {
    let draft = await newDraft();
    expect(allowedStep(draft.state, 3)).toBe(1);
    draft = await finishStep(draft, 1, 'details', { ...details, accountName: 'network' });
    draft = await finishStep(draft, 2, 'permissions', { 'ec2:Subnet': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' });
    draft = await finishStep(draft, 3, 'principals', { allowExternalPrincipals: false, principals: [] });
    draft = { ...draft, state: { ...draft.state, plan: { id: 'p-1', of: 'x' } } };
    expect(allowedStep(draft.state, 4)).toBe(4);
    // Back to step 1, Next without a change: still finished up to 3, and the plan stays.
    draft = await finishStep(draft, 1, 'details', { ...details, accountName: 'network' });
    expect(draft.state.finished).toBe(3);
    expect(draft.state.plan).toBeDefined();
    // A change in step 1: steps 2 and 3 must be looked at again, their choices kept; the plan is made again.
    draft = await finishStep(draft, 1, 'details', { ...details, name: 'renamed', accountName: 'network' });
    expect(draft.state.finished).toBe(1);
    expect(draft.state.plan).toBeUndefined();
    expect(allowedStep(draft.state, 4)).toBe(2);
    expect((await getShareDraft(draft.id, 'admin@example.com'))?.state.permissions).toEqual({ 'ec2:Subnet': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' });
  });
});

describe('step 2 and the modify wizard', () => {
  it('takes AWS managed and customer managed permission ARNs (the latter name a Region)', async () => {
    expect(permissionsInput.safeParse({ 'ec2:PrefixList': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionPrefixList' }).success).toBe(true);
    expect(permissionsInput.safeParse({ 'ec2:PrefixList': 'arn:aws:ram:us-east-1:300000000001:permission/prefix-list-entries' }).success).toBe(true);
    expect(permissionsInput.safeParse({ 'ec2:PrefixList': 'arn:aws:ram:us-east-1:300000000001:resource-share/x' }).success).toBe(false);
  });

  it('a modify draft is found by the same lookup, for its maker only, and lives at /shares/modify', async () => {
    const draft = await createDraft<ShareDraftState>(MODIFY_SHARE_WIZARD, 'admin@example.com', { finished: 3, modify: { arn: 'arn:aws:ram:us-east-1:300000000001:resource-share/abc', id: 'abc', accountId: '300000000001', region: 'us-east-1' } });
    expect((await getShareDraft(draft.id, 'admin@example.com'))?.state.modify?.id).toBe('abc');
    expect(await getShareDraft(draft.id, 'viewer@example.com')).toBeUndefined();
    expect(shareStepHref(draft, 2)).toBe(`/shares/modify?draft=${draft.id}&step=2`);
    expect(shareStepHref({ id: draft.id, kind: SHARE_WIZARD }, 1)).toBe(`/shares/new?draft=${draft.id}&step=1`);
  });
});
