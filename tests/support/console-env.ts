// Points the console's own code (config, client factory, data dir) at a test sandbox, as `npm start` does
// for the real console: the same environment variables, so tests use the client configuration that ships.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestSandbox } from '../../sandbox/testing';

export function consoleEnv(sb: TestSandbox, dataDirPrefix: string): Record<string, string> {
  return {
    CROSSING_MODE: 'sandbox',
    AWS_ENDPOINT_URL: sb.endpoint,
    AWS_ACCESS_KEY_ID: sb.consoleCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sb.consoleCredentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), dataDirPrefix)),
  };
}

export function useConsoleEnv(sb: TestSandbox, dataDirPrefix: string): Record<string, string> {
  const env = consoleEnv(sb, dataDirPrefix);
  Object.assign(process.env, env);
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  return env;
}

/** The organization crawl's listings (lib/organizations/crawl.ts): the calls an organization-wide read makes, a page each. */
export const CRAWL_LISTINGS = new Set(['ListRoots', 'ListOrganizationalUnitsForParent', 'ListAccountsForParent']);
