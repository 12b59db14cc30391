import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small history-API router. Hand-written on purpose: the back office needs path patterns with
 * `:params`, a base path and a permission check per route (done by the registry), which is ~60
 * lines here versus a router library several times the size of the rest of the shell.
 *
 * App paths are written without the base: '/staff' is served at '/admin/staff'.
 */
export const BASE = '/admin';

export interface Location {
  /** Path inside the app, always starting with '/'. */
  path: string;
  search: URLSearchParams;
  hash: string;
}

const listeners = new Set<() => void>();
let snapshot = read();

function read(): Location & { key: string } {
  const full = window.location.pathname;
  let path = full.startsWith(BASE) ? full.slice(BASE.length) : full;
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return {
    path,
    search: new URLSearchParams(window.location.search),
    hash: window.location.hash,
    key: window.location.pathname + window.location.search + window.location.hash,
  };
}

function emit() {
  const next = read();
  if (next.key !== snapshot.key) {
    snapshot = next;
    for (const l of listeners) l();
  }
}

window.addEventListener('popstate', emit);
window.addEventListener('hashchange', emit);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => snapshot);
}

export function href(to: string): string {
  return to.startsWith('/') ? BASE + (to === '/' ? '' : to) : to;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = href(to);
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  emit();
  if (!opts.replace) window.scrollTo(0, 0);
}

/** Reads a one-time token from the URL hash (#token=...), which is never sent to the server. */
export function hashParam(name: string): string | undefined {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get(name) ?? undefined;
}

export { matchPath, type Params } from './url.js';

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={handle} {...rest} />;
}
