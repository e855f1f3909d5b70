// Content made from a read that may take a while: a full load shows the page's shell at once and streams the content
// in behind `fallback`. An in-app navigation keeps the page's skeleton up (PagePending.tsx) and brings
// content ready within NAVIGATION_WAIT_MS with the page in one piece: a fallback shown during a navigation holds
// the content back until 300 ms after it (React's throttle on revealing), longer than a warm read takes.
// Server only: not in the primitives' index, which client components import.
import { headers } from 'next/headers';
import { Suspense, type ReactNode } from 'react';

const NAVIGATION_WAIT_MS = 300;

type Render<T> = (value: T) => ReactNode;

function settlesWithin(data: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  const settled = data.then(() => true, () => true);
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

async function Resolved<T>({ read, render }: { read: () => Promise<T>; render: Render<T> }) {
  return render(await read());
}

/** `read` starts the read: on a full load, inside the streamed boundary, as a view that read for itself would. */
export async function Streamed<T>({ read, fallback, children }: { read: () => Promise<T>; fallback: ReactNode; children: Render<T> }) {
  // The browser says a full load's request is for a document (Fetch Metadata); the client router's are fetches.
  const fullLoad = (await headers()).get('sec-fetch-dest') === 'document';
  const started = fullLoad ? undefined : read();
  if (started && (await settlesWithin(started, NAVIGATION_WAIT_MS))) return children(await started);
  return (
    <Suspense fallback={fallback}>
      <Resolved read={started ? () => started : read} render={children} />
    </Suspense>
  );
}
