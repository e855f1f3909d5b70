// `npm run bench:sandbox`: the same AWS SDK workload (create and list roles, assume a role, list
// an organization's children) against the sandbox (authz on) and moto_server, each in its own
// process, printing operations/s and their ratio; then start-up time and memory of the sandbox
// with the 10,000-account `large` seed.
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { CreateOrganizationalUnitCommand, CreateOrganizationCommand, ListChildrenCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startMoto } from '../sandbox/testing/moto.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
// BENCH_PROFILE_DIR=dir: the sandbox processes write V8 CPU profiles there (`--cpu-prof`).
const PROFILE_ARGS = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

interface Target {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

interface Sandbox extends Target {
  child: ChildProcess;
  /** From spawn to the export lines on stdout (the server is listening). */
  startMs: number;
}

/** The CLI in its own process, as `npm run sandbox` runs it. */
function spawnSandbox(args: string[]): Promise<Sandbox> {
  const started = performance.now();
  const child = spawn(process.execPath, [...PROFILE_ARGS, '--import', 'tsx', 'sandbox/main.ts', '--port', '0', '--quiet', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(out)?.[1];
      const [endpoint, accessKeyId, secretAccessKey] = [value('AWS_ENDPOINT_URL'), value('AWS_ACCESS_KEY_ID'), value('AWS_SECRET_ACCESS_KEY')];
      if (endpoint && accessKeyId && secretAccessKey && out.includes('AWS_REGION')) {
        child.removeAllListeners('exit');
        resolve({ child, endpoint, credentials: { accessKeyId, secretAccessKey }, startMs: performance.now() - started });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** User + system CPU milliseconds a process has used so far. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function clients(target: Target) {
  const config = { endpoint: target.endpoint, region: 'us-east-1', credentials: target.credentials, maxAttempts: 1 };
  return { iam: new IAMClient(config), sts: new STSClient(config), orgs: new OrganizationsClient(config) };
}

/** Creates the role every worker assumes; returns the root id whose children are listed. */
async function prepare(target: Target, accountId: string): Promise<string> {
  const { iam, orgs } = clients(target);
  await iam.send(new CreateRoleCommand({ RoleName: 'bench-target', AssumeRolePolicyDocument: trust(accountId) }));
  return (await orgs.send(new ListRootsCommand({}))).Roots![0].Id!;
}

function trust(accountId: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }] });
}

interface ClientJob {
  target: Target;
  accountId: string;
  rootId: string;
  label: string;
  /** Epoch ms at which every client process starts its timed loop. */
  startAt: number;
}

/** One client process: WORKERS workers repeating the four calls from `startAt` for DURATION_MS; prints the count. */
async function runClient(job: ClientJob): Promise<void> {
  const { iam, sts, orgs } = clients(job.target);
  const targetArn = `arn:aws:iam::${job.accountId}:role/bench-target`;
  await iam.send(new ListRolesCommand({ MaxItems: 1 }));
  await sleep(Math.max(0, job.startAt - Date.now()));
  let operations = 0;
  const deadline = job.startAt + DURATION_MS;
  const worker = async (w: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      await iam.send(new CreateRoleCommand({ RoleName: `bench-${job.label}-${w}-${i}`, AssumeRolePolicyDocument: trust(job.accountId) }));
      await iam.send(new ListRolesCommand({ MaxItems: 20 }));
      await sts.send(new AssumeRoleCommand({ RoleArn: targetArn, RoleSessionName: `bench-${w}` }));
      await orgs.send(new ListChildrenCommand({ ParentId: job.rootId, ChildType: 'ORGANIZATIONAL_UNIT' }));
      operations += 4;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  process.stdout.write(`${JSON.stringify({ operations, seconds: (Date.now() - job.startAt) / 1000 })}\n`);
}

/**
 * CLIENTS processes (so the SDK's own cost is spread over the cores) against one target; returns
 * operations/s and the server's CPU milliseconds per operation (which other load on the machine
 * does not distort).
 */
async function workload(target: Target, label: string, accountId: string, serverPid: number): Promise<{ rate: number; cpuPerOperation: number }> {
  const rootId = await prepare(target, accountId);
  const startAt = Date.now() + 4000;
  let cpuBefore = 0;
  setTimeout(() => (cpuBefore = cpuMs(serverPid)), startAt - Date.now());
  const results = await Promise.all(
    Array.from({ length: CLIENTS }, (_, c) => {
      const job: ClientJob = { target, accountId, rootId, label: `${label}${c}`, startAt };
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sandbox.ts'], {
        cwd: ROOT,
        env: { ...process.env, BENCH_CLIENT_JOB: JSON.stringify(job) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      return new Promise<{ operations: number; seconds: number }>((resolve, reject) =>
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`bench client exited with ${code}`)))),
      );
    }),
  );
  const operations = results.reduce((sum, r) => sum + r.operations, 0);
  const cpu = cpuMs(serverPid) - cpuBefore;
  return { rate: operations / Math.max(...results.map((r) => r.seconds)), cpuPerOperation: cpu / operations };
}

async function main(): Promise<void> {
  console.log(`workload: CreateRole, ListRoles, AssumeRole, ListChildren; ${CLIENTS} client processes x ${WORKERS} workers, ${DURATION_MS / 1000} s per target`);

  const sandbox = await spawnSandbox(['--seed', 'demo', '--authz', 'on', '--throttle', 'off']);
  const ours = await workload(sandbox, 'sandbox', '100000000001', sandbox.child.pid!).finally(() => stop(sandbox.child));
  const line = (name: string, r: { rate: number; cpuPerOperation: number }) =>
    console.log(`${name.padEnd(20)} ${r.rate.toFixed(0).padStart(6)} operations/s, server CPU ${r.cpuPerOperation.toFixed(2)} ms/operation`);
  line('sandbox (authz on):', ours);

  const moto = await startMoto();
  if (moto) {
    const target = { endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } };
    const { orgs } = clients(target);
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await orgs.send(new ListRootsCommand({}))).Roots![0].Id!;
    for (const name of ['Security', 'Infrastructure', 'Workloads', 'Sandbox']) await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: name }));
    const theirs = await workload(target, 'moto', '123456789012', moto.pid).finally(() => moto.close());
    line('moto_server:', theirs);
    console.log(
      `ratio: ${(ours.rate / theirs.rate).toFixed(1)}x operations/s, ${(theirs.cpuPerOperation / ours.cpuPerOperation).toFixed(1)}x less server CPU per operation (target >= 10x)`,
    );
  }

  const large = await spawnSandbox(['--seed', 'large', '--accounts', '10000']);
  try {
    const health = (await (await fetch(`${large.endpoint}/_sandbox/health`)).json()) as { accounts: number };
    console.log(`large seed: ${health.accounts} accounts, start-up ${Math.round(large.startMs)} ms (target < 2000), RSS ${rssMb(large.child.pid!)} MB (target < 300)`);
  } finally {
    await stop(large.child);
  }
}

const clientJob = process.env.BENCH_CLIENT_JOB;
await (clientJob ? runClient(JSON.parse(clientJob) as ClientJob) : main());
