// Test helper run as its own process: applies plans one after another as a console process would, so a test
// can kill it mid-run (SIGKILL) and see what a crash leaves behind. Arguments: the plan IDs.
import { applyPlan, runFinished } from '../../lib/changes/registry';
import './plans';

for (const planId of process.argv.slice(2)) {
  const outcome = await applyPlan(planId, { email: 'admin@example.com', name: 'Admin', role: 'admin' }, { settleBoundMs: 10_000 });
  if (outcome.state === 'refused') {
    console.error(outcome.error);
    process.exit(1);
  }
  await runFinished(planId);
}
