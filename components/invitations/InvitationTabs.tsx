// The inbox and its history, as two tabs of one page.
import { Link } from '@/components/ui';

const TABS = [
  { href: '/invitations', label: 'Inbox' },
  { href: '/invitations/history', label: 'History' },
];

export function InvitationTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Invitations" className="mb-4 flex gap-2 border-b border-slate-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.href === current ? 'border-slate-900 font-medium text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
