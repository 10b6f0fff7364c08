import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { app, session } from './api';
import { AppContext, useApp, type AppContextValue } from './context';
import type { DateFormat } from './format';
import { pickLanguage, translator, type Language } from './i18n';
import { disablePush } from './push';
import { Link, match, navigate, useLocation } from './router';
import { AccountScreen } from './screens/account';
import { AppointmentScreen, AppointmentsScreen, ReviewScreen } from './screens/appointments';
import { BookingScreen } from './screens/booking';
import { CardsScreen } from './screens/cards';
import { NotificationsScreen } from './screens/notifications';
import { HomeScreen } from './screens/home';
import { ConsentScreen, LoginScreen } from './screens/login';
import { PlaceScreen, PlacesScreen } from './screens/places';
import { PurchaseScreen } from './screens/purchases';
import type { Appointment, Me, Profile } from './types';
import { Icon, Load } from './ui';
import { useLoad } from './use-load';

type Auth = 'loading' | 'out' | 'consent' | 'in';
const LANGUAGE_KEY = 'visita.language';

export function App() {
  const where = useLocation();
  const [auth, setAuth] = useState<Auth>(session.token() ? 'loading' : 'out');
  const [profile, setProfile] = useState<Profile | null>(null);
  const [toasts, setToasts] = useState<{ id: number; text: string }[]>([]);
  const [online, setOnline] = useState(navigator.onLine);

  const language: Language = pickLanguage(
    profile?.language ?? localStorage.getItem(LANGUAGE_KEY) ?? navigator.language,
  );
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  const start = useCallback(async () => {
    if (!session.token()) return setAuth('out');
    try {
      const me = await app<Me>('GET', '/me');
      if (me.consent_required) return setAuth('consent');
      setProfile(await app<Profile>('GET', '/profile'));
      setAuth('in');
    } catch {
      if (!session.token()) setAuth('out');
      else setAuth((a) => (a === 'loading' ? 'out' : a));
    }
  }, []);
  useEffect(() => {
    void start();
    const expired = () => {
      session.clear();
      if ('caches' in window) void caches.delete('visita-api');
      setProfile(null);
      setAuth('out');
    };
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('visita:401', expired);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('visita:401', expired);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [start]);

  const value = useMemo<AppContextValue>(() => {
    // One message at a time: a newer one replaces the one on screen.
    const toast = (text: string) => {
      const id = Date.now() + Math.random();
      setToasts([{ id, text }]);
      setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 3500);
    };
    return {
      t: translator(language),
      language,
      prefs: {
        locale: language,
        dateFormat: (profile?.date_format ?? 'DD.MM.YYYY') as DateFormat,
        time24h: profile?.time_24h ?? true,
      },
      profile,
      setProfile,
      toast,
      logOut: async () => {
        await disablePush().catch(() => undefined);
        await app('POST', '/auth/logout').catch(() => undefined);
        session.clear();
        // What the service worker kept of this client's data goes with the session.
        if ('caches' in window) await caches.delete('visita-api');
        setProfile(null);
        setAuth('out');
        navigate('/', { replace: true });
      },
    };
  }, [language, profile]);

  const bookAt = match('/book/:id', where.path);
  let content: ReactNode;
  if (bookAt && auth !== 'loading')
    content = <BookingScreen key={where.path} locationId={Number(bookAt.id)} query={where.query} />;
  else if (auth === 'loading') content = <main id="main" className="splash" aria-busy="true" />;
  else if (auth === 'out') content = <LoginScreen onLoggedIn={() => void start()} />;
  else if (auth === 'consent') content = <ConsentScreen onAccepted={() => void start()} />;
  else content = <Routes path={where.path} query={where.query} />;

  return (
    <AppContext.Provider value={value}>
      <a className="skip" href="#main">
        {value.t('app.skip')}
      </a>
      {!online ? (
        <p className="offline" role="status">
          {value.t('app.offline')}
        </p>
      ) : null}
      <div className="app">{content}</div>
      {auth === 'in' ? <TabBar path={where.path} /> : null}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((x) => (
          <p key={x.id} className="toast">
            {x.text}
          </p>
        ))}
      </div>
    </AppContext.Provider>
  );
}

function Routes(props: { path: string; query: URLSearchParams }) {
  const { path, query } = props;
  const id = (pattern: string) => {
    const found = match(pattern, path);
    return found ? Number(found.id) : null;
  };
  if (path === '/') return <HomeScreen />;
  if (path === '/appointments') return <AppointmentsScreen tab={query.get('tab')} />;
  // The server's "How was your visit?" notification (type 8) links here: review the location.
  if (id('/appointments/:id/review'))
    return (
      <ReviewScreen
        id={id('/appointments/:id/review')!}
        target={query.get('target') === 'staff' ? 'staff' : 'location'}
      />
    );
  if (id('/appointments/:id')) return <AppointmentScreen id={id('/appointments/:id')!} />;
  if (id('/reschedule/:id')) return <Reschedule id={id('/reschedule/:id')!} />;
  if (id('/review/:id'))
    return (
      <ReviewScreen
        id={id('/review/:id')!}
        target={query.get('target') === 'location' ? 'location' : 'staff'}
      />
    );
  if (path === '/places') return <PlacesScreen />;
  if (id('/places/:id')) return <PlaceScreen id={id('/places/:id')!} />;
  if (path === '/account') return <AccountScreen />;
  if (path === '/notifications') return <NotificationsScreen />;
  if (path === '/memberships' || path === '/gift-cards' || path === '/loyalty-cards')
    return <CardsScreen kind={path.slice(1) as 'memberships'} />;
  if (path === '/purchases') return <PurchaseScreen />;
  navigate('/', { replace: true });
  return null;
}

function Reschedule(props: { id: number }) {
  const one = useLoad(() => app<Appointment>('GET', `/appointments/${props.id}`), String(props.id));
  return (
    <Load state={one}>
      {(a) => (
        <BookingScreen locationId={a.location.id} query={new URLSearchParams()} reschedule={a} />
      )}
    </Load>
  );
}

function TabBar(props: { path: string }) {
  const { t } = useApp();
  const tabs = [
    { to: '/', icon: 'home', label: t('nav.home') },
    { to: '/appointments', icon: 'calendar', label: t('nav.appointments') },
    { to: '/places', icon: 'pin', label: t('nav.places') },
    { to: '/account', icon: 'user', label: t('nav.account') },
  ];
  const active = (to: string) => (to === '/' ? props.path === '/' : props.path.startsWith(to));
  return (
    <nav className="tabbar" aria-label={t('app.main_nav')}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} aria-current={active(tab.to) ? 'page' : undefined}>
          <Icon name={tab.icon} />
          <span>{tab.label}</span>
        </Link>
      ))}
    </nav>
  );
}
