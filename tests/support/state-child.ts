// A console process that opens the state (migrating it if needed) and records one audit entry, then exits:
// for tests of several processes starting against one database at once.
import { closeAudit, recordAudit } from '../../lib/audit/log';

await recordAudit({ actor: process.argv[2] ?? 'child@example.com', role: 'admin', action: 'test:Start', outcome: 'success' });
await closeAudit();
