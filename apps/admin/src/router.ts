import { useEffect, useState } from 'react';

/** A tiny router over the History API: paths under `/admin/`, e.g. `clients/12`. */
const BASE = '/admin/';

function current(): string {
  const path = window.location.pathname;
  return path.startsWith(BASE) ? path.slice(BASE.length).replace(/\/$/, '') : '';
}

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  listeners.forEach((l) => l());
}

export function usePath(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const update = () => setPath(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export const href = (to: string) => BASE + to;
