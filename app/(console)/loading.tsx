// While a page's AWS reads are under way (the shell is already shown): a quiet placeholder, announced politely.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4" data-testid="page-loading">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      <span className="sr-only">Reading from AWS…</span>
    </div>
  );
}
