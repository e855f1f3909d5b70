'use client';
// Saves a wizard step's fields to its server-side draft as they change (debounced), so a reload or Back
// shows them again before Next was ever pressed. The first save of a fresh wizard makes the draft, and the
// URL then names it (history.replaceState: no navigation, nothing typed is lost).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/server-actions';

export type SaveTyped<T> = (input: { draftId?: string; typed: T }) => Promise<ActionResult<string>>;

const DEBOUNCE_MS = 300;

/** `unsaved`: the initial value was suggested by the server (a fresh ExternalId) and is saved at once. */
export function useAutosave<T>(value: T, save: SaveTyped<T>, hrefOf: (draftId: string) => string, initialDraftId?: string, unsaved = false) {
  const draftId = useRef(initialDraftId);
  const latest = useRef(value);
  const saved = useRef(unsaved ? '' : JSON.stringify(value));
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<{ status: 'idle' | 'pending' | 'saved' | 'error'; error?: string }>({ status: 'idle' });

  // Saves run one after another, so a slow one never overwrites a newer one.
  const run = useCallback(() => {
    timer.current = undefined;
    queue.current = queue.current.then(async () => {
      const typed = latest.current;
      const json = JSON.stringify(typed);
      if (json === saved.current && draftId.current) return setState({ status: 'saved' });
      const result = await save({ draftId: draftId.current, typed }).catch((): ActionResult<string> => ({ ok: false, error: 'The draft could not be saved: the console did not answer.' }));
      if (!result.ok) return setState({ status: 'error', error: result.error });
      saved.current = json;
      if (draftId.current !== result.data) {
        draftId.current = result.data;
        window.history.replaceState(null, '', hrefOf(result.data));
      }
      setState({ status: 'saved' });
    });
    return queue.current;
  }, [save, hrefOf]);

  useEffect(() => {
    latest.current = value;
    if (JSON.stringify(value) === saved.current) return;
    setState({ status: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(run, DEBOUNCE_MS);
  }, [value, run]);

  /** Saves what is waiting now and answers the draft's ID (undefined while nothing was typed on a fresh wizard). */
  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      await run();
    } else await queue.current;
    return draftId.current;
  }, [run]);

  return { ...state, flush };
}
