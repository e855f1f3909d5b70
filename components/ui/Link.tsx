'use client';
// A link to a console page. Never prefetched: every console page is rendered per request, and a prefetch brings
// only its route tree, which measured no faster navigations for 12 requests on every page view. While the navigation
// it started is pending, the page shows the next page's skeleton (PagePending.tsx).
import NextLink, { useLinkStatus } from 'next/link';
import { useLayoutEffect, type ComponentProps } from 'react';
import { useNavigationPending } from './PagePending';

function ReportPending() {
  const { pending } = useLinkStatus();
  const change = useNavigationPending();
  // Before the browser paints: the skeleton leaves in the frame the next page arrives in.
  useLayoutEffect(() => {
    if (!pending) return;
    change(1);
    return () => change(-1);
  }, [pending, change]);
  return null;
}

export function Link({ children, ...props }: ComponentProps<typeof NextLink>) {
  return (
    <NextLink {...props} prefetch={false}>
      {children}
      <ReportPending />
    </NextLink>
  );
}
