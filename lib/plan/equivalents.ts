// A stored plan's equivalents as the review shows them: AWS CLI commands, CloudFormation and Terraform.
import { config } from '../config';
import { renderCli } from './cli';
import { renderCloudFormation, renderTerraform, type IacDocument } from './iac';
import type { StoredPlan } from './types';

/** `accountNames` label the CLI's profiles (the plan's own names win). */
export function planEquivalents(plan: StoredPlan, accountNames: Record<string, string> = {}): { cli: string; cloudFormation: IacDocument[]; terraform: IacDocument[] } {
  const options = { planId: plan.id, title: plan.title };
  return {
    cli: renderCli(plan.steps, { planId: plan.id, endpointUrl: config().endpoint, accountNames: { ...accountNames, ...plan.accountNames } }),
    cloudFormation: renderCloudFormation(plan.steps, options),
    terraform: renderTerraform(plan.steps, options),
  };
}
