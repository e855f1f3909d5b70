// /shares/new: the create-resource-share wizard (the share wizards' page, ../share-wizard-page.tsx).
import { ShareWizardPage } from '../share-wizard-page';

export const dynamic = 'force-dynamic';

export default function CreateResourceSharePage({ searchParams }: { searchParams: Promise<{ draft?: string; step?: string }> }) {
  return <ShareWizardPage searchParams={searchParams} mode="create" />;
}
