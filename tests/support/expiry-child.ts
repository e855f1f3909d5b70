// Test helper run as its own process: one console process's deadline scheduler, for one tick (its first, as right
// after a start), judged on the AWS clock; prints the plans whose access it ended, as JSON.
import { expiryTickNow } from '../../lib/expiry/expiry';
import { closeState } from '../../lib/state/database';

const revoked = await expiryTickNow();
console.log(JSON.stringify(revoked));
await closeState();
process.exit(0);
