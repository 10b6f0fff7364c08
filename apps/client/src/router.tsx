import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A small History-API router for the app under /app/ (the server falls back to index.html). */
export const BASE = '/app';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  // '/appointments' also starts with '/app': only '/app' itself or '/app/…' is already absolute.
  const url = to === BASE || to.startsWith(`${BASE}/`) ? to : `${BASE}${to}`;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('visita:navigate'));
}

export interface Location {
  /** The path inside the app, e.g. `/places/3`. */
  path: string;
  query: URLSearchParams;
}

const current = (): Location => ({
  path: location.pathname.replace(/^\/app(?=\/|$)/, '').replace(/\/$/, '') || '/',
  query: new URLSearchParams(location.search),
});

export function useLocation(): Location {
  const [where, setWhere] = useState(current);
  useEffect(() => {
    const update = () => setWhere(current());
    window.addEventListener('popstate', update);
    window.addEventListener('visita:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('visita:navigate', update);
    };
  }, []);
  return where;
}

/** `match('/places/:id', '/places/3')` → `{id: '3'}`; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/** An ordinary link (works with a middle click, announces itself) that navigates in-app. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props;
  const href = `${BASE}${to}`;
  const go = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={href} onClick={go} />;
}
