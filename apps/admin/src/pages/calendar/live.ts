import { useEffect, useRef } from 'react';
import { admin, query } from '../../api';
import { addDays } from '../../time';

/** The calendar's change marker for `days` days from `from` (admin API; one cheap query). */
export async function loadMarker(locationId: number, from: string, days: number) {
  const res = await admin.get<{ marker: string }>(
    `/locations/${locationId}/calendar/marker${query({ start_date: from, end_date: addDays(from, days - 1) })}`,
  );
  return res.data.marker;
}

/** Where a test (or a curious admin) sets a shorter poll; never below 200 ms. */
export const POLL_KEY = 'visita.admin.calendarPollMs';
const DEFAULT_POLL_MS = 15_000;

export function pollInterval(): number {
  const set = Number(localStorage.getItem(POLL_KEY));
  return Number.isFinite(set) && set >= 200 ? set : DEFAULT_POLL_MS;
}

/**
 * Keeps an open calendar in step with changes made elsewhere (online bookings, another admin,
 * another server process): while the tab is visible it asks for the change marker every
 * `pollInterval()` and at once when the tab comes back or the window gets focus, and reloads
 * only when the marker differs from the one the shown data was read with — so nothing
 * re-renders while nothing changed. While `paused` (an appointment's dialog open, a drag under
 * way) a change is only noted, and loaded when the pause ends.
 */
export function useCalendarRefresh(opts: {
  /** The marker the shown data was read with. */
  known: string | undefined;
  check: () => Promise<string>;
  reload: () => void;
  paused: boolean;
}) {
  const latest = useRef(opts);
  latest.current = opts;
  const stale = useRef(false);
  const asked = useRef<string | undefined>(undefined);

  useEffect(() => {
    let busy = false;
    const tick = async () => {
      if (busy || document.visibilityState !== 'visible') return;
      busy = true;
      try {
        const marker = await latest.current.check();
        const { known, paused, reload } = latest.current;
        if (known === undefined || marker === known || marker === asked.current) return;
        if (paused) stale.current = true;
        else {
          asked.current = marker;
          reload();
        }
      } catch {
        // Offline or refused: the next tick tries again; the shown data stays.
      } finally {
        busy = false;
      }
    };
    const run = () => void tick();
    const timer = setInterval(run, pollInterval());
    const onVisible = () => document.visibilityState === 'visible' && run();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', run);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', run);
    };
  }, []);

  useEffect(() => {
    if (opts.paused || !stale.current) return;
    stale.current = false;
    latest.current.reload();
  }, [opts.paused]);
}
