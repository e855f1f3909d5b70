// State that must be one per console process (caches, runs in flight, the change catalog).
//
// Why on globalThis: Next does not evaluate a module once per process. Measured on this app's production build
// served in-process by scripts/serve.ts (Next 16): a module imported by two route handlers and by two pages was
// evaluated twice — once for the route handlers' bundle, once for the pages' (server actions run in the pages'
// bundle) — and the proxy and scripts/serve.ts load their own copies too. Within one bundle it was evaluated once.
// So module-level state is per bundle; what must be shared by every page, action and route lives here.

/** The process-wide value named `name`, made by `make` the first time any copy of any module asks for it. */
export function processWide<T>(name: string, make: () => T): T {
  const slots = ((globalThis as { __crossing?: Map<string, unknown> }).__crossing ??= new Map<string, unknown>());
  if (!slots.has(name)) slots.set(name, make());
  return slots.get(name) as T;
}
