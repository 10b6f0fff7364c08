import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { admin, ApiError, loadTokens, request, saveTokens, setUnauthenticatedHandler } from './api';
import type { AdminLocation, AdminMe, AdminSession, Right } from './types';

interface SessionState {
  me: AdminMe;
  location: AdminLocation;
  selectLocation: (id: number) => void;
  can: (right: Right) => boolean;
  /** The right on the whole chain, which the chain-level routes (loyalty catalog) need. */
  canInChain: (right: Right) => boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const LOCATION_KEY = 'visita.admin.location';

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

export async function signIn(login: string, password: string): Promise<AdminSession> {
  const { data } = await request<AdminSession>(
    'POST',
    '/api/admin/v1/session',
    { login, password },
    null,
  );
  saveTokens({ partner_token: data.partner_token, user_token: data.user_token });
  return data;
}

/** Holds the signed-in user, their locations and the current one; renders `signedOut` without. */
export function SessionProvider(props: {
  children: ReactNode;
  signedOut: (onSignedIn: (me: AdminMe) => void) => ReactNode;
}) {
  const [me, setMe] = useState<AdminMe | null>(null);
  const [loading, setLoading] = useState(() => loadTokens() !== null);
  const [locationId, setLocationId] = useState<number | null>(() => {
    const saved = Number(localStorage.getItem(LOCATION_KEY));
    return Number.isInteger(saved) && saved > 0 ? saved : null;
  });

  const forget = useCallback(() => {
    saveTokens(null);
    setMe(null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    if (!loadTokens()) return;
    admin
      .get<AdminMe>('/me')
      .then(({ data }) => setMe(data))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) forget();
      })
      .finally(() => setLoading(false));
  }, [forget]);

  const state = useMemo<SessionState | null>(() => {
    if (!me || me.locations.length === 0) return null;
    const location = me.locations.find((l) => l.id === locationId) ?? me.locations[0]!;
    return {
      me,
      location,
      selectLocation: (id) => {
        localStorage.setItem(LOCATION_KEY, String(id));
        setLocationId(id);
      },
      can: (right) => location.rights.includes(right),
      canInChain: (right) => location.chain_rights.includes(right),
      signOut: async () => {
        await request('DELETE', '/api/admin/v1/session').catch(() => undefined);
        forget();
      },
    };
  }, [me, locationId, forget]);

  if (loading) return <p className="boot">Loading…</p>;
  if (!me) return <>{props.signedOut(setMe)}</>;
  if (!state)
    return (
      <main className="center-card">
        <h1>No location yet</h1>
        <p>Your account has no access to any location. Ask the owner to invite you.</p>
        <button type="button" onClick={forget}>
          Sign out
        </button>
      </main>
    );
  return <SessionContext.Provider value={state}>{props.children}</SessionContext.Provider>;
}

/** Amounts in the current location's currency ("€45", "€1,250.50"). */
export function useMoney(): (amount: number) => string {
  const { location } = useSession();
  return useMemo(() => {
    try {
      const options = { style: 'currency', currency: location.currency } as const;
      const whole = new Intl.NumberFormat('en-GB', { ...options, maximumFractionDigits: 0 });
      const cents = new Intl.NumberFormat('en-GB', { ...options, minimumFractionDigits: 2 });
      // "€45", but "€5.40" rather than "€5.4" when there are cents.
      return (amount: number) => (Number.isInteger(amount) ? whole : cents).format(amount);
    } catch {
      return (amount: number) => `${amount} ${location.currency}`;
    }
  }, [location.currency]);
}
