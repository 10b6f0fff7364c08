import { useState } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { navigate } from '../router';
import type { Appointment } from '../types';
import { Empty, Load, Screen } from '../ui';
import { useLoad } from '../use-load';
import { AppointmentCard } from './appointment-card';

const TABS = ['upcoming', 'past', 'canceled'] as const;
type Tab = (typeof TABS)[number];

/** All appointments, in three tabs: upcoming, past, canceled. */
export function AppointmentsScreen(props: { tab: string | null }) {
  const { t } = useApp();
  const tab: Tab = (TABS as readonly string[]).includes(props.tab ?? '')
    ? (props.tab as Tab)
    : 'upcoming';
  const list = useLoad(
    () => app<Appointment[]>('GET', `/appointments?status=${tab}&count=100`),
    tab,
  );
  const labels: Record<Tab, string> = {
    upcoming: t('appointments.upcoming'),
    past: t('appointments.past'),
    canceled: t('appointments.canceled'),
  };
  const empty: Record<Tab, string> = {
    upcoming: t('appointments.none_upcoming'),
    past: t('appointments.none_past'),
    canceled: t('appointments.none_canceled'),
  };
  return (
    <Screen title={t('appointments.title')} back="/">
      <nav className="tabs" aria-label={t('appointments.title')}>
        {TABS.map((name) => (
          <a
            key={name}
            href={`/app/appointments?tab=${name}`}
            aria-current={name === tab ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/appointments?tab=${name}`, { replace: true });
            }}
          >
            {labels[name]}
          </a>
        ))}
      </nav>
      <Load state={list}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{empty[tab]}</Empty>
          ) : (
            <ul className="stack" aria-label={labels[tab]}>
              {items.map((a) => (
                <li key={a.id}>
                  <AppointmentCard
                    appointment={a}
                    headingLevel={2}
                    onChanged={() => list.reload()}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </Screen>
  );
}

export function AppointmentScreen(props: { id: number }) {
  const { t } = useApp();
  const one = useLoad(() => app<Appointment>('GET', `/appointments/${props.id}`), String(props.id));
  return (
    <Screen title={t('appointment.details')} back>
      <Load state={one}>
        {(a) => <AppointmentCard appointment={a} headingLevel={2} onChanged={one.set} />}
      </Load>
    </Screen>
  );
}

/** "Rate the professional" / "Review the location": 1–5 stars and an optional text. */
export function ReviewScreen(props: { id: number; target: 'staff' | 'location' }) {
  const { t, toast } = useApp();
  const one = useLoad(() => app<Appointment>('GET', `/appointments/${props.id}`), String(props.id));
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    try {
      await app('POST', `/appointments/${props.id}/reviews`, {
        target: props.target,
        rating,
        text,
      });
      toast(t('review.thanks'));
      navigate('/appointments?tab=past', { replace: true });
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const name = one.data
    ? props.target === 'staff'
      ? one.data.staff.name
      : one.data.location.title
    : '';
  return (
    <Screen
      title={
        props.target === 'staff'
          ? t('review.title_staff', { name })
          : t('review.title_location', { name })
      }
      back
    >
      <Load state={one}>
        {() => (
          <form
            className="card"
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <fieldset className="rating">
              <legend>{t('review.rating')}</legend>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className={n <= rating ? 'on' : ''}>
                  <input
                    type="radio"
                    name="rating"
                    value={n}
                    checked={rating === n}
                    onChange={() => setRating(n)}
                  />
                  <span aria-hidden="true">★</span>
                  <span className="visually-hidden">{t('review.stars', { n })}</span>
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>{t('review.text')}</span>
              <textarea
                rows={4}
                maxLength={2000}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </label>
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button className="button primary wide" disabled={rating === 0}>
              {t('review.send')}
            </button>
          </form>
        )}
      </Load>
    </Screen>
  );
}
