import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { formatDay } from '../format';
import { optional } from '../optional-api';
import { navigate } from '../router';
import type { InboxItem, Place } from '../types';
import { Empty, Icon, Load, Screen } from '../ui';
import { useLoad } from '../use-load';

/**
 * The inbox (`/api/app/v1/notifications`): unread marks, Details / Book / Confirm, and the gear
 * to mute a place. A server without the notifications API gives an empty state instead.
 */
export function NotificationsScreen() {
  const { t, prefs, toast } = useApp();
  const [settings, setSettings] = useState(false);
  const list = useLoad(() => optional<InboxItem[]>('/notifications?count=50'), 'inbox');

  // Shown is seen: the unread ones on screen are marked read on the server when the inbox opens
  // (notices without buttons, e.g. a birthday greeting, have nothing else to mark them); the
  // unread marks stay for this visit so the client still sees what is new.
  const sent = useRef(new Set<number>());
  useEffect(() => {
    for (const n of list.data ?? []) {
      if (n.read_at || sent.current.has(n.id)) continue;
      sent.current.add(n.id);
      void app('POST', `/notifications/${n.id}/read`).catch(() => sent.current.delete(n.id));
    }
  }, [list.data]);

  const markRead = async (n: InboxItem) => {
    if (n.read_at) return;
    if (!sent.current.has(n.id))
      await app('POST', `/notifications/${n.id}/read`).catch(() => undefined);
    list.set(
      (list.data ?? []).map((x) =>
        x.id === n.id ? { ...x, read_at: new Date().toISOString() } : x,
      ),
    );
  };
  const act = async (n: InboxItem, action: InboxItem['actions'][number]) => {
    await markRead(n);
    if (action.kind === 'details') navigate(`/appointments/${action.appointment_id}`);
    else if (action.kind === 'book') navigate(`/book/${action.location_id}`);
    else
      try {
        const done = await app<{ notification: InboxItem }>(
          'POST',
          `/notifications/${n.id}/confirm`,
        );
        list.set((list.data ?? []).map((x) => (x.id === n.id ? done.notification : x)));
        toast(t('notifications.confirmed'));
      } catch (e) {
        toast(errorText(e, t));
      }
  };
  // "Mark all read": every unread one on the server (also those past this page), then no marks.
  const [marking, setMarking] = useState(false);
  const markAll = async () => {
    setMarking(true);
    try {
      await app<{ marked: number; unread: number }>('POST', '/notifications/read-all', {});
      const now = new Date().toISOString();
      list.set((list.data ?? []).map((x) => (x.read_at ? x : { ...x, read_at: now })));
      toast(t('notifications.all_read_done'));
      // The button goes with the marks: the focus moves to the screen's title.
      document.querySelector<HTMLElement>('h1')?.focus();
    } catch (e) {
      toast(errorText(e, t));
    } finally {
      setMarking(false);
    }
  };
  const labels = {
    details: t('notifications.details'),
    book: t('notifications.book'),
    confirm: t('notifications.confirm'),
  };

  return (
    <Screen
      title={t('notifications.title')}
      back="/"
      actions={
        <button
          type="button"
          className="icon-button"
          aria-label={t('notifications.settings')}
          aria-expanded={settings}
          onClick={() => setSettings((open) => !open)}
        >
          <Icon name="gear" />
        </button>
      }
    >
      {settings ? <MuteSettings /> : null}
      <Load state={list}>
        {(items) =>
          !items ? (
            <Empty>{t('notifications.unavailable')}</Empty>
          ) : items.length === 0 ? (
            <Empty>{t('notifications.none')}</Empty>
          ) : (
            <>
              {items.some((n) => !n.read_at) ? (
                <div className="inbox-tools">
                  <button
                    type="button"
                    className="button small secondary"
                    disabled={marking}
                    onClick={() => void markAll()}
                  >
                    {t('notifications.all_read')}
                  </button>
                </div>
              ) : null}
              <ul className="stack">
                {items.map((n) => (
                  <li key={n.id} className={`card notification ${n.read_at ? '' : 'unread'}`}>
                    <p className="small muted">
                      {!n.read_at ? (
                        <>
                          <span className="unread-dot" aria-hidden="true" />
                          <span className="visually-hidden">{t('notifications.unread')}: </span>
                        </>
                      ) : null}
                      {n.sender} · {formatDay(n.created_at.slice(0, 10), prefs)}
                    </p>
                    <h2 className="card-title">{n.title}</h2>
                    <p>
                      <Linked text={n.body} />
                    </p>
                    {n.actions.length > 0 ? (
                      <div className="card-actions">
                        {n.actions.map((a) =>
                          a.kind === 'confirm' && a.done ? (
                            <button key={a.kind} type="button" className="button small" disabled>
                              ✓ {t('notifications.confirm_done')}
                            </button>
                          ) : (
                            <button
                              key={a.kind}
                              type="button"
                              className={`button small ${a.kind === 'confirm' ? 'primary' : 'secondary'}`}
                              onClick={() => void act(n, a)}
                            >
                              {labels[a.kind]}
                            </button>
                          ),
                        )}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Load>
    </Screen>
  );
}

/** One switch per place: off mutes its notifications (`PUT /places/{id}/mute`). */
function MuteSettings() {
  const { t, toast } = useApp();
  const places = useLoad(() => app<Place[]>('GET', '/places'), 'mute');
  const setMuted = async (place: Place, muted: boolean) => {
    try {
      const saved = await app<{ muted: boolean }>('PUT', `/places/${place.id}/mute`, { muted });
      places.set(
        (places.data ?? []).map((p) => (p.id === place.id ? { ...p, muted: saved.muted } : p)),
      );
    } catch (e) {
      toast(errorText(e, t));
    }
  };
  return (
    <section className="card settings" aria-labelledby="mute-head">
      <h2 id="mute-head">{t('notifications.places')}</h2>
      <Load state={places}>
        {(items) => (
          <>
            {items.map((p) => (
              <label key={p.id} className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={!p.muted}
                  aria-label={t('notifications.from', { name: p.title })}
                  onChange={(e) => void setMuted(p, !e.target.checked)}
                />
                <span aria-hidden="true">{p.title}</span>
              </label>
            ))}
          </>
        )}
      </Load>
    </section>
  );
}

/** A notification's text with its web addresses as links (the server's `{link}` is absolute). */
function Linked(props: { text: string }) {
  const parts = props.text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const url = part.replace(/[.,;:!?)]+$/, '');
        const rest = part.slice(url.length);
        const own = url.startsWith(`${location.origin}/app`);
        return (
          <span key={i}>
            {own ? (
              <a href={url} onClick={(e) => goInApp(e, url)}>
                {url}
              </a>
            ) : (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {url}
              </a>
            )}
            {rest}
          </span>
        );
      })}
    </>
  );
}

function goInApp(event: MouseEvent<HTMLAnchorElement>, url: string) {
  if (event.metaKey || event.ctrlKey || event.button !== 0) return;
  event.preventDefault();
  const to = new URL(url);
  navigate(`${to.pathname}${to.search}`);
}
