import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Page } from './api.js';

/**
 * Loads data for a screen and reloads it on demand. Hand-written instead of a query library:
 * the back office needs load/reload/error per screen and nothing of caching across screens.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const d = await load();
      if (mine === seq.current) {
        setData(d);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(e as Error);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}

/**
 * Cursor pagination: keeps the cursors of the pages already seen so "Previous" goes back
 * without the server having to page backwards.
 */
export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[]) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const pageIndex = cursors.length - 1;
  const res = useResource(() => load(cursors[pageIndex]), [...deps, cursors[pageIndex], pageIndex]);

  // A filter change starts again from the first page.
  const depsKey = JSON.stringify(deps);
  const lastDeps = useRef(depsKey);
  useEffect(() => {
    if (lastDeps.current !== depsKey) {
      lastDeps.current = depsKey;
      setCursors([undefined]);
    }
  }, [depsKey]);

  return {
    ...res,
    items: res.data?.items ?? [],
    page: pageIndex + 1,
    hasNext: !!res.data?.nextCursor,
    hasPrev: pageIndex > 0,
    next: () => res.data?.nextCursor && setCursors((c) => [...c, res.data!.nextCursor!]),
    prev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
  };
}

/** Counts down from a Retry-After value; 0 when the wait is over. `key` restarts it (a new reply). */
export function useCountdown(seconds: number | undefined, key?: unknown): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const until = Date.now() + seconds * 1000;
    const id = window.setInterval(() => {
      const l = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(l);
      if (l === 0) window.clearInterval(id);
    }, 250);
    return () => window.clearInterval(id);
  }, [seconds, key]);
  return left;
}
