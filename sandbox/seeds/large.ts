// Seed `large`: a generated organization (default 10,000 accounts, 1,000 OUs, 5 levels) for the tree,
// the crawler and the benchmarks, with RAM sharing (option `shares`, see large-ram.ts) and IAM roles (option `roles`, see large-iam.ts). Deterministic: the same options give the same tree (seeded PRNG).
// Realistic shape: business units → teams → environments → regions, equal OU names under different
// parents ("Prod" under many teams), and an uneven spread of accounts (a few OUs hold hundreds,
// most hold a handful, many none), so that pagination and empty pages matter.
import type { World } from '../core/types.js';
import { addAccountToOrganization, createOrganization, createOrganizationalUnit, MAX_OU_DEPTH } from '../organizations/models.js';
import type { SeedOptions } from './index.js';
import { addAccount, addConsoleIdentity, addMemberAccessRole, trustPolicy } from './common.js';
import { addLargeIam } from './large-iam.js';
import { addLargeInvitations, addLargeSharing, LARGE_SHARING } from './large-ram.js';

export const LARGE = {
  managementAccountId: '100000000001',
  defaults: { accounts: 10_000, ous: 1_000, depth: MAX_OU_DEPTH },
  pageShardSize: 1000,
  consoleCredentials: { accessKeyId: 'AKIACROSSINGLARGE001', secretAccessKey: 'largeSeedConsoleSecretKey000000000000001' },
} as const;

const LEVEL_NAMES: string[][] = [
  ['Security', 'Infrastructure', 'Workloads', 'Sandbox', 'Platform', 'Data', 'Retail', 'Payments', 'Media', 'Research', 'Suspended', 'Exceptions',
    'Shared Services', 'Networking', 'Analytics', 'Marketing', 'Finance', 'Acquisitions', 'Partners', 'Labs', 'Archive', 'Policy Staging'],
  ['checkout', 'search', 'identity', 'billing', 'catalog', 'analytics', 'ml', 'mobile', 'web', 'logistics', 'fraud', 'ledger', 'messaging', 'observability', 'networking', 'storage'],
  ['Prod', 'Staging', 'Dev', 'Test', 'QA', 'Perf', 'Shared'],
  ['us-east', 'us-west', 'eu-central', 'eu-west', 'ap-south', 'ap-northeast', 'sa-east'],
  ['blue', 'green', 'canary', 'batch', 'edge', 'legacy'],
];

/** Share of OUs at levels 1..5. */
const LEVEL_WEIGHTS = [1.5, 12, 35, 32, 19.5];

/** mulberry32: small, fast, good enough for a reproducible tree. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedNumber(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function count(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

interface OuSlot {
  id: string;
  depth: number;
  /** Child OU names used so far (names are unique per parent; equal names across parents are fine). */
  names: Set<string>;
}

/** A child name not yet used under `slot`: another word of the level first, then a numbered one. */
function uniqueName(slot: OuSlot, words: readonly string[], first: string): string {
  let name = slot.names.has(first) ? words.find((w) => !slot.names.has(w)) : first;
  for (let n = 2; name === undefined || slot.names.has(name); n++) name = `${first}-${n}`;
  slot.names.add(name);
  return name;
}

export function largeSeed(world: World, options: SeedOptions): void {
  const accounts = count(options.accounts, LARGE.defaults.accounts, 1, 99_999_999);
  const ous = count(options.ous, LARGE.defaults.ous, 0, 100_000);
  const depth = count(options.depth, LARGE.defaults.depth, 1, MAX_OU_DEPTH);
  const random = prng(seedNumber(`large:${accounts}:${ous}:${depth}`));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  const mgmt = LARGE.managementAccountId;
  addAccount(world, mgmt, 'management');
  const organization = createOrganization(world, {
    managementAccountId: mgmt,
    featureSet: options.featureSet ?? 'ALL',
    pageShardSize: typeof options.pageShardSize === 'number' ? options.pageShardSize : LARGE.pageShardSize,
  });
  addConsoleIdentity(world, mgmt, LARGE.consoleCredentials);

  // OUs: a first chain reaches the requested depth; then each new OU draws its level from
  // LEVEL_WEIGHTS (most OUs at levels 3-4, few top-level ones) and goes under a random OU one level up.
  const root: OuSlot = { id: organization.rootId, depth: 0, names: new Set() };
  const slots: OuSlot[] = [];
  const byDepth: OuSlot[][] = [[root]];
  const addOu = (parent: OuSlot): OuSlot => {
    const words = LEVEL_NAMES[parent.depth];
    const ou = createOrganizationalUnit(world, parent.id, uniqueName(parent, words, pick(words)));
    const slot = { id: ou.id, depth: parent.depth + 1, names: new Set<string>() };
    slots.push(slot);
    (byDepth[slot.depth] ??= []).push(slot);
    return slot;
  };
  for (let chain = root; chain.depth < depth && slots.length < ous; ) chain = addOu(chain);
  const levelWeights = LEVEL_WEIGHTS.slice(0, depth);
  const levelTotal = levelWeights.reduce((a, b) => a + b, 0);
  while (slots.length < ous) {
    let draw = random() * levelTotal;
    let level = 0;
    while (draw >= levelWeights[level] && level < levelWeights.length - 1) draw -= levelWeights[level++];
    addOu(pick(byDepth[level]));
  }

  // Accounts: weight OUs by a heavy-tailed draw so a few hold hundreds and most hold a handful.
  const parents = [root, ...slots];
  const weights = parents.map((slot) => (slot === root ? 0.5 : random() < 0.35 ? 0 : Math.pow(random(), 4) * 100 + 0.2));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  const parentFor = (): OuSlot => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return parents[lo];
  };

  const trust = trustPolicy(mgmt);
  const memberIds: string[] = [];
  for (let i = 1; i < accounts; i++) {
    const id = String(200_000_000_000 + i);
    const team = pick(LEVEL_NAMES[1]);
    const env = pick(LEVEL_NAMES[2]).toLowerCase();
    addAccount(world, id, `${team}-${env}-${String(i).padStart(5, '0')}`);
    addAccountToOrganization(world, id, parentFor().id, random() < 0.1 ? 'INVITED' : 'CREATED');
    addMemberAccessRole(world, id, trust);
    memberIds.push(id);
  }

  const shares = count(options.shares, LARGE_SHARING.defaultShares, 0, 1_000_000);
  const roles = count(options.roles, 1, 1, 100);
  addLargeIam(world, { memberIds, organizationId: organization.id, roles, random: prng(seedNumber(`large-iam:${accounts}:${roles}`)) });
  addLargeSharing(world, { managementAccountId: mgmt, memberIds, ouIds: slots.map((s) => s.id), organizationId: organization.id, shares, random: prng(seedNumber(`large-ram:${accounts}:${shares}`)) });
  addLargeInvitations(world, memberIds, count(options.invitations, 0, 0, 100_000));
}
