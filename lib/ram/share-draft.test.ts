// Protects: the create-share wizard's validation messages (name, resources, tags, principals) and its
// server-side state: a draft belongs to its maker, Back-then-Next keeps later steps finished, a change
// sends the admin through the later steps again, and a step opens only after the ones before it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases } from '../db';
import { allowedStep, createDraft, detailsInput, finishStep, getDraft, principalsInput } from './share-draft';

const subnet = { arn: 'arn:aws:ec2:us-east-1:300000000001:subnet/subnet-1', id: 'subnet-1', name: 'workloads-a', resourceType: 'ec2:Subnet' };
const details = { accountId: '300000000001', region: 'us-east-1', name: 'workloads', resources: [subnet], tags: [] as { key: string; value: string }[] };

const messages = (input: unknown) => {
  const r = detailsInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('step 1 messages', () => {
  it('trims the name and refuses an empty or overlong one', () => {
    expect(detailsInput.parse({ ...details, name: '  workloads  ' }).name).toBe('workloads');
    expect(messages({ ...details, name: '   ' })).toEqual(['name: Enter a name for the resource share.']);
    expect(messages({ ...details, name: 'x'.repeat(256) })).toEqual(['name: A resource share name is at most 255 characters.']);
  });

  it('needs a resource and a sharing account', () => {
    expect(messages({ ...details, resources: [] })).toEqual(['resources: Select at least one resource to share.']);
    expect(messages({ ...details, accountId: '3000' })).toEqual(['accountId: Choose the sharing account (12 digits).']);
  });

  it('checks tags: count, key and value length, reserved prefix, duplicates', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(messages({ ...details, tags: tags(50) })).toEqual([]);
    expect(messages({ ...details, tags: tags(51) })).toEqual(['tags: A resource share has at most 50 tags.']);
    expect(messages({ ...details, tags: [{ key: 'k'.repeat(129), value: '' }] })).toEqual(['tags.0.key: A tag key is at most 128 characters.']);
    expect(messages({ ...details, tags: [{ key: 'team', value: 'v'.repeat(257) }] })).toEqual(['tags.0.value: A tag value is at most 256 characters.']);
    expect(messages({ ...details, tags: [{ key: 'AWS:owner', value: 'x' }] })).toEqual(['tags.0.key: Tag keys starting with "aws:" are reserved for AWS.']);
    expect(messages({ ...details, tags: [{ key: '', value: 'x' }] })).toEqual(['tags.0.key: Enter a tag key.']);
    expect(messages({ ...details, tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] })).toEqual(['tags: Each tag key may appear only once.']);
  });

  it('step 3 needs a principal', () => {
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
  afterAll(() => {
    closeDatabases();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('belongs to its maker and keeps each step', () => {
    const draft = createDraft('admin@example.com');
    expect(getDraft(draft.id, 'viewer@example.com')).toBeUndefined();
    expect(getDraft('d-nope', 'admin@example.com')).toBeUndefined();
    finishStep(draft, 1, { ...details, accountName: 'network' });
    expect(getDraft(draft.id, 'admin@example.com')).toMatchObject({ finished: 1, details: { name: 'workloads' } });
  });

  it('opens a step only after the ones before it, and Back then Next keeps what was finished', () => {
    let draft = createDraft('admin@example.com');
    expect(allowedStep(draft, 3)).toBe(1);
    draft = finishStep(draft, 1, { ...details, accountName: 'network' });
    draft = finishStep(draft, 2, { 'ec2:Subnet': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' });
    draft = finishStep(draft, 3, { allowExternalPrincipals: true, principals: [] });
    expect(allowedStep(draft, 4)).toBe(4);
    // Back to step 1, Next without a change: still finished up to 3.
    draft = finishStep(draft, 1, { ...details, accountName: 'network' });
    expect(draft.finished).toBe(3);
    // A change in step 1: steps 2 and 3 must be looked at again, their choices kept.
    draft = finishStep(draft, 1, { ...details, name: 'renamed', accountName: 'network' });
    expect(draft.finished).toBe(1);
    expect(allowedStep(draft, 4)).toBe(2);
    expect(getDraft(draft.id, 'admin@example.com')?.permissions).toEqual({ 'ec2:Subnet': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' });
  });
});
