import { useCallback, useEffect, useId, useRef, useState, type DependencyList } from 'react';
import { ApiError } from '../api';
import { useSession } from '../session';
import { Icon } from './icons';

/** Loads data for a screen; `error` keeps the API's refusal so the screen can explain it. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const seq = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === seq.current && setState({ data: null, error, loading: false }),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/**
 * A user's action against the server (save, send, cancel…): `busy` while it runs, and its
 * refusal kept in `error` for the screen to explain. `perform` says whether it succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const perform = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, perform };
}

const RIGHT_NAMES: Record<string, string> = {
  'location:read': 'see the location’s settings',
  'records:read': 'see the calendar',
  'records:write': 'make or change appointments',
  'clients:read': 'see the clients base',
  'clients:write': 'edit clients',
  'catalog:read': 'see services and the team',
  'catalog:write': 'edit services and the team',
  'schedule:read': 'see work schedules',
  'schedule:write': 'edit work schedules',
  'settings:write': 'change the location’s settings',
  'reports:read': 'see the reports',
};

/**
 * What the server refused, said plainly. A 403 names the right the user's role lacks here, so
 * a staff member knows it is not a bug and whom to ask.
 */
export function Problem(props: {
  error: unknown;
  right?: string;
  /** The right is needed on the whole chain (the `/chain/{id}/…` routes), not at the location. */
  chain?: boolean;
  onRetry?: () => void;
}) {
  const { location } = useSession();
  const titleId = useId();
  const error = props.error;
  const rightName = props.right ? RIGHT_NAMES[props.right] : undefined;
  if (error instanceof ApiError && error.forbidden)
    return (
      <section className="refusal" role="alert" aria-labelledby={titleId}>
        <Icon name="lock" size={26} className="refusal-icon" />
        <div>
          <h2 id={titleId}>You don’t have access to this</h2>
          <p>
            The server refused: <q>{error.message}</q>
            {rightName && props.chain && location.chain_role ? (
              <>
                {' '}
                As <strong>{location.chain_role}</strong> of the whole chain {location.chain_title}{' '}
                you can’t {rightName}.
              </>
            ) : rightName && props.chain ? (
              <>
                {' '}
                This needs a role on the whole chain {location.chain_title}; yours is for{' '}
                {location.title} only.
              </>
            ) : rightName ? (
              <>
                {' '}
                As <strong>{location.role}</strong> at {location.title} you can’t {rightName}.
              </>
            ) : null}{' '}
            Ask the owner of the business to change your role if you need it.
          </p>
        </div>
      </section>
    );
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const details =
    error instanceof ApiError
      ? Object.entries(error.fields).flatMap(([, list]) => list.filter((m) => m !== message))
      : [];
  return (
    <div className="notice error" role="alert">
      <span>
        {message}
        {details.length ? ` ${details.join(' ')}` : ''}
      </span>
      {props.onRetry ? (
        <button type="button" className="link" onClick={props.onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** The first message the API gave for a field, for the input's description. */
export function fieldError(error: unknown, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const field of fields) {
    const list = error.fields[field];
    if (list?.length) return list[0];
  }
  return undefined;
}
