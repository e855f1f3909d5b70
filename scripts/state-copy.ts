// `npm run state:copy -- DATA_DIR/crossing.sqlite`: moves a console's state (audit log, sessions, invitation
// history, plans and runs, drafts, requests, expirations) from its SQLite file into the PostgreSQL that CROSSING_DATABASE_URL (or the PG* variables) names,
// which must hold no audit entries yet. Stop the console first, so nothing is written meanwhile.
import path from 'node:path';
import { ConfigError } from '../lib/config';
import { closeState, StateUnavailable } from '../lib/state/database';
import { copySqliteState } from '../lib/state/copy';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: CROSSING_DATABASE_URL=postgres://… npm run state:copy -- DATA_DIR/crossing.sqlite');
    return 2;
  }
  try {
    const copied = await copySqliteState(path.resolve(file));
    console.log(`Copied into PostgreSQL: ${Object.entries(copied).map(([table, n]) => `${n} ${table.replaceAll('_', ' ')}`).join(', ')}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof StateUnavailable || error instanceof ConfigError)) throw error;
    console.error(`state:copy: ${error.message}`);
    return 2;
  } finally {
    await closeState();
  }
}

main().then((code) => process.exit(code));
