import { lazy, Suspense, type ReactNode } from 'react';
import { Icon } from './components/icons';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { ClientCardPage } from './pages/clients/ClientCardPage';
import { ClientsPage } from './pages/clients/ClientsPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { OnlineBookingPage } from './pages/OnlineBookingPage';
import { ResourcesPage } from './pages/catalog/ResourcesPage';
import { ServicesPage } from './pages/catalog/ServicesPage';
import { TeamPage } from './pages/catalog/TeamPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { href, navigate, usePath } from './router';
import { SessionProvider, useSession } from './session';
import type { Right } from './types';

interface Area {
  path: string;
  label: string;
  icon: 'calendar' | 'clients' | 'globe' | 'scissors' | 'team' | 'chart' | 'bell' | 'gift' | 'box';
  right: Right;
  /** The area's data lives at the chain (loyalty catalog): the right must be granted there. */
  chain?: boolean;
}

/** The loyalty area is the largest and least used: its code loads when it is first opened. */
const LoyaltyPage = lazy(() =>
  import('./pages/loyalty/LoyaltyPage').then((m) => ({ default: m.LoyaltyPage })),
);

const AREAS: Area[] = [
  { path: 'calendar', label: 'Calendar', icon: 'calendar', right: 'records:read' },
  { path: 'clients', label: 'Clients', icon: 'clients', right: 'clients:read' },
  { path: 'services', label: 'Services', icon: 'scissors', right: 'catalog:read' },
  { path: 'team', label: 'Team', icon: 'team', right: 'catalog:read' },
  { path: 'resources', label: 'Resources', icon: 'box', right: 'catalog:read' },
  { path: 'loyalty', label: 'Loyalty', icon: 'gift', right: 'catalog:read', chain: true },
  { path: 'notifications', label: 'Notifications', icon: 'bell', right: 'location:read' },
  { path: 'online-booking', label: 'Online booking', icon: 'globe', right: 'catalog:read' },
  { path: 'reports', label: 'Reports', icon: 'chart', right: 'reports:read' },
];

export function App() {
  return (
    <SessionProvider signedOut={(onSignedIn) => <LoginPage onSignedIn={onSignedIn} />}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const path = usePath();
  const { me, location, selectLocation, can, canInChain, signOut } = useSession();
  const [area = 'calendar', id] = path.split('/');
  let page: ReactNode;
  if (area === 'clients' && id) page = <ClientCardPage clientId={Number(id)} />;
  else if (area === 'clients') page = <ClientsPage />;
  else if (area === 'online-booking') page = <OnlineBookingPage />;
  else if (area === 'services') page = <ServicesPage />;
  else if (area === 'team') page = <TeamPage />;
  else if (area === 'resources') page = <ResourcesPage />;
  else if (area === 'loyalty')
    page = (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <LoyaltyPage />
      </Suspense>
    );
  else if (area === 'notifications') page = <NotificationsPage />;
  else if (area === 'reports') page = <ReportsPage />;
  else page = <CalendarPage />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <span>Visita</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {AREAS.map((a) => (
              <li key={a.path}>
                <a
                  href={href(a.path)}
                  aria-current={area === a.path ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(a.path);
                  }}
                >
                  <Icon name={a.icon} className="nav-icon" />
                  {a.label}
                  {(a.chain ? canInChain(a.right) : can(a.right)) ? null : (
                    <span className="nav-lock" title="Your role has no access here">
                      <Icon name="lock" size={14} />
                      <span className="sr-only"> (no access)</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="workspace">
        <header className="topbar">
          <label className="location-picker">
            <span className="sr-only">Location</span>
            <select
              value={location.id}
              onChange={(event) => selectLocation(Number(event.target.value))}
              aria-label="Location"
            >
              {groupByChain(me.locations).map(([chain, locations]) => (
                <optgroup key={chain} label={chain}>
                  {locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <span className="role-badge" title="Your role at this location">
            {location.role}
          </span>
          <span className="spacer" />
          <span className="user-name">{me.user.name}</span>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </header>
        <main id="main" className="content" key={location.id} tabIndex={-1}>
          {page}
        </main>
      </div>
    </div>
  );
}

function groupByChain<T extends { chain_title: string }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(item.chain_title, [...(groups.get(item.chain_title) ?? []), item]);
  return [...groups];
}
