// /shares/modify: "Modify resource share", the create wizard's four steps prefilled from a share (its draft made by
// the share page's Modify), the review showing the plan of exactly the differences (../share-wizard-page.tsx).
import { ShareWizardPage } from '../share-wizard-page';

export const dynamic = 'force-dynamic';

export default function ModifyResourceSharePage({ searchParams }: { searchParams: Promise<{ draft?: string; step?: string }> }) {
  return <ShareWizardPage searchParams={searchParams} mode="modify" />;
}
