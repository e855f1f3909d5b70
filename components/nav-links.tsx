'use client';
// Navigation links with the current page marked for assistive technology, and counts the layout knows cheaply.
import { usePathname } from 'next/navigation';
import { navigation } from './navigation';
import { Link } from '@/components/ui/Link';

const under = (pathname: string, href: string) => pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));

export function NavLinks({ counts = {} }: { counts?: Record<string, number> }) {
  const pathname = usePathname();
  // One entry is current: the most specific one (/shares/new, not /shares too).
  const currentHref = navigation
    .map((entry) => entry.href)
    .filter((href) => under(pathname, href))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {navigation.map((entry) => {
        const current = entry.href === currentHref;
        return (
          <Link
            key={entry.href}
            href={entry.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded px-3 py-2 text-sm ${current ? 'bg-slate-800 font-medium text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
          >
            {entry.label}
            {counts[entry.href] ? (
              <span className="ml-2 rounded-full bg-amber-400 px-2 text-xs font-semibold text-slate-900" data-testid={`nav-count-${entry.href.slice(1)}`}>
                {counts[entry.href]}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
