'use client';
// A link to a console page, prefetched when pointed at, focused or touched rather than when it scrolls into view.
// The console's tables hold dozens of links (an account's paths, a page of /access), and each prefetch renders that
// page's shell on the server while the page in front of the admin still streams in; intent comes a hundred
// milliseconds or more before the click, enough for the next page's shell to be ready.
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

export function Link({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const withIntent =
    <E,>(handler: ((event: E) => void) | undefined) =>
    (event: E) => {
      handler?.(event);
      if (typeof props.href === 'string' && props.prefetch !== false) router.prefetch(props.href);
    };
  return <NextLink {...props} prefetch={false} onMouseEnter={withIntent(onMouseEnter)} onFocus={withIntent(onFocus)} onTouchStart={withIntent(onTouchStart)} />;
}
