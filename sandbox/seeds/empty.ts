// Seed `empty`: a few standalone accounts, no organization; the console identity in the first.
import type { World } from '../core/types.js';
import { addAccount, addConsoleIdentity } from './common.js';

export const EMPTY = {
  accounts: { standalone: '111111111111', 'dev-box': '222222222222', 'test-box': '333333333333' },
  consoleAccountId: '111111111111',
  consoleCredentials: { accessKeyId: 'AKIACROSSINGSOLO0001', secretAccessKey: 'emptySeedConsoleSecretKey000000000000001' },
} as const;

export function emptySeed(world: World): void {
  for (const [name, id] of Object.entries(EMPTY.accounts)) addAccount(world, id, name);
  addConsoleIdentity(world, EMPTY.consoleAccountId, EMPTY.consoleCredentials);
}
