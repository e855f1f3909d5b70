'use client';
// Navigation links with the current page marked for assistive technology.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { navigation } from './navigation';

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {navigation.map((entry) => {
        const current = entry.href === '/' ? pathname === '/' : pathname.startsWith(entry.href);
        return (
          <Link
            key={entry.href}
            href={entry.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded px-3 py-2 text-sm ${current ? 'bg-slate-800 font-medium text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
          >
            {entry.label}
          </Link>
        );
      })}
    </nav>
  );
}
