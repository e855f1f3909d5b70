// moto_server (Python AWS emulator) on a free loopback port, for differential tests and the
// benchmark. Absent moto: a visible message and undefined, so callers can skip.
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from './free-port.js';

export interface Moto {
  endpoint: string;
  pid: number;
  close(): Promise<void>;
}

let motoPath: string | null | undefined;

function findMoto(): string | null {
  if (motoPath === undefined) {
    const which = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
    motoPath = which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
  }
  return motoPath;
}

export function motoAvailable(): boolean {
  return findMoto() !== null;
}

async function waitUntilUp(endpoint: string, exited: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited()) throw new Error('moto_server exited during start-up');
    try {
      await fetch(`${endpoint}/moto-api/`);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('moto_server did not answer within 30 s');
}

export async function startMoto(): Promise<Moto | undefined> {
  const executable = findMoto();
  if (!executable) {
    console.warn('moto_server not found: differential test skipped');
    return undefined;
  }
  const port = await freePort();
  const child = spawn(executable, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  // Never outlive the test process, even when it ends without calling close().
  const killChild = () => child.kill();
  process.once('exit', killChild);
  child.once('exit', () => {
    exited = true;
    process.off('exit', killChild);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, () => exited);
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
