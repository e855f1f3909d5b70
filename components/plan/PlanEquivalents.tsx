// The plan as the admin could run it without Crossing: AWS CLI commands, CloudFormation and Terraform,
// one template per account and Region, each with a copy button; what a language cannot express is said.
import type { ReactNode } from 'react';
import { CodeBlock } from '@/components/ui';
import type { IacDocument } from '@/lib/plan/iac';

function Documents({ documents, language }: { documents: IacDocument[]; language: string }) {
  return (
    <div className="flex flex-col gap-3">
      {documents.map((doc) => (
        <div key={`${doc.accountId}/${doc.region}`}>
          <p className="mb-1 text-xs text-slate-600">
            Account <span className="font-mono">{doc.accountId}</span>, {doc.region}
          </p>
          {doc.text && <CodeBlock code={doc.text} label={`${language} for ${doc.accountId} ${doc.region}`} testId={`${language.toLowerCase()}-${doc.accountId}-${doc.region}`} />}
          {doc.notes.map((note) => (
            <p key={note} className="mt-1 text-sm text-slate-600">
              {note}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}

function Section({ title, open, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details open={open}>
      <summary className="cursor-pointer text-sm font-semibold">{title}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

export function PlanEquivalents({ cli, cloudFormation, terraform }: { cli: string; cloudFormation: IacDocument[]; terraform: IacDocument[] }) {
  return (
    <div className="flex flex-col gap-4" data-testid="plan-equivalents">
      <Section title="AWS CLI" open>
        <CodeBlock code={cli} label="AWS CLI commands" testId="plan-cli" />
      </Section>
      <Section title="CloudFormation">
        <Documents documents={cloudFormation} language="CloudFormation" />
      </Section>
      <Section title="Terraform">
        <Documents documents={terraform} language="Terraform" />
      </Section>
    </div>
  );
}
