import { useEffect, useRef, type ReactNode } from 'react';
import { useApp } from './context';
import { Link, navigate } from './router';
import type { Loaded } from './use-load';

/** A screen: its heading gets focus on arrival so screen readers announce the new page. */
export function Screen(props: {
  title: string;
  back?: string | true;
  actions?: ReactNode;
  children: ReactNode;
  hideTitle?: boolean;
}) {
  const { t } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Visita`;
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  const back = props.back;
  return (
    <>
      <header className="topbar">
        {back ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t('app.back')}
            onClick={() =>
              typeof back === 'string'
                ? navigate(back)
                : history.length > 1
                  ? history.back()
                  : navigate('/')
            }
          >
            <Icon name="back" />
          </button>
        ) : null}
        <h1 ref={heading} tabIndex={-1} className={props.hideTitle ? 'visually-hidden' : ''}>
          {props.title}
        </h1>
        {props.actions ? <div className="topbar-actions">{props.actions}</div> : null}
      </header>
      <main id="main" className="screen">
        {props.children}
      </main>
    </>
  );
}

/** Loading, error (with retry) or the content. */
export function Load<T>(props: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useApp();
  const { data, error, loading, reload } = props.state;
  if (data !== undefined) return <>{props.children(data)}</>;
  if (error)
    return (
      <div className="notice" role="alert">
        <p>{error.message || t('app.error')}</p>
        <button type="button" className="button secondary" onClick={reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  return loading ? (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  ) : null;
}

export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

/** A titled horizontal carousel with an "All" link. */
export function Section(props: { title: string; all?: string; id: string; children: ReactNode }) {
  const { t } = useApp();
  return (
    <section className="section" aria-labelledby={props.id}>
      <div className="section-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.all ? (
          <Link to={props.all} className="all-link" aria-label={`${t('app.all')}: ${props.title}`}>
            {t('app.all')}
          </Link>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}

export function Carousel(props: { label: string; children: ReactNode }) {
  return (
    <ul className="carousel" aria-label={props.label}>
      {props.children}
    </ul>
  );
}

const PATHS: Record<string, string> = {
  back: 'M15 5l-7 7 7 7',
  bell: 'M6 10a6 6 0 1112 0c0 5 2 6 2 6H4s2-1 2-6zM10 20a2 2 0 004 0',
  heart:
    'M12 20s-7-4.4-9-9.2C1.6 7.2 4 4 7.2 4c2 0 3.6 1.2 4.8 3 1.2-1.8 2.8-3 4.8-3C20 4 22.4 7.2 21 10.8 19 15.6 12 20 12 20z',
  home: 'M3 11l9-7 9 7v9a1 1 0 01-1 1h-5v-6h-6v6H4a1 1 0 01-1-1z',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  pin: 'M12 21s-7-6.3-7-11a7 7 0 1114 0c0 4.7-7 11-7 11zM12 12.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z',
  user: 'M12 12a4 4 0 100-8 4 4 0 000 8zM4 21c0-4 3.6-7 8-7s8 3 8 7',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 005 5L15 13l5 2v4a2 2 0 01-2 2A16 16 0 013 6a2 2 0 012-2z',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z',
  clock: 'M12 21a9 9 0 100-18 9 9 0 000 18zM12 7v5l3 2',
  check: 'M5 12l5 5 9-10',
  chevron: 'M9 5l7 7-7 7',
  gear: 'M12 15a3 3 0 100-6 3 3 0 000 6zM19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z',
};

export function Icon(props: { name: keyof typeof PATHS; filled?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill={props.filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[props.name] ?? ''} />
    </svg>
  );
}

export function Stars(props: { rating: number; label: string }) {
  const full = Math.round(props.rating);
  return (
    <span className="stars" role="img" aria-label={props.label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= full ? 'on' : ''}>
          ★
        </span>
      ))}
    </span>
  );
}

export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join('') || '•'
  );
}
