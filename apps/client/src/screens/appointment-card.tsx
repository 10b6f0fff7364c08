import { useEffect, useRef, useState } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { formatMoney, formatWhen } from '../format';
import { Link, navigate } from '../router';
import type { Appointment, BookAgain } from '../types';
import { Icon } from '../ui';

/** Where "Book again" goes: the location's booking form with services and member chosen. */
export async function openBookAgain(appointmentId: number): Promise<void> {
  const prefill = await app<BookAgain>('GET', `/appointments/${appointmentId}/book-again`);
  const query = new URLSearchParams({ services: prefill.service_ids.join(','), again: '1' });
  if (prefill.staff_id) query.set('staff', String(prefill.staff_id));
  navigate(`/book/${prefill.location_id}?${query.toString()}`);
}

/** One appointment with what the client may do about it now. */
export function AppointmentCard(props: {
  appointment: Appointment;
  onChanged?: (a: Appointment) => void;
  headingLevel?: 2 | 3;
}) {
  const { t, prefs, toast } = useApp();
  const a = props.appointment;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // After "Cancel", focus moves to the question so keyboard and screen-reader users hear it.
  const confirmGroup = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmGroup.current?.focus();
  }, [confirming]);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const when = formatWhen(a.date, a.time, prefs);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      toast(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () =>
    act(async () => {
      const updated = await app<Appointment>('POST', `/appointments/${a.id}/cancel`);
      setConfirming(false);
      toast(t('appointment.canceled_done'));
      props.onChanged?.(updated);
    });

  const badge =
    a.status === 'canceled'
      ? { text: t('appointment.status_canceled'), tone: 'bad' }
      : a.status === 'upcoming'
        ? a.confirmed
          ? { text: t('appointment.status_confirmed'), tone: 'good' }
          : { text: t('appointment.status_waiting'), tone: 'wait' }
        : null;

  return (
    <article className={`card appointment ${a.status}`} aria-label={`${a.location.title}, ${when}`}>
      <div className="appointment-when">
        <Icon name="calendar" />
        <span>{when}</span>
      </div>
      <Heading className="card-title">
        <Link to={`/appointments/${a.id}`}>{a.services.map((s) => s.title).join(', ')}</Link>
      </Heading>
      <p className="muted">
        {a.location.title} · {t('appointment.with', { name: a.staff.name })}
      </p>
      <div className="price-row">
        <span className="price">{formatMoney(a.total_cost, a.currency, prefs.locale)}</span>
        {badge ? <span className={`badge ${badge.tone}`}>{badge.text}</span> : null}
      </div>
      <div className="card-actions">
        {a.status === 'upcoming' && a.can_reschedule ? (
          <Link className="button secondary small" to={`/reschedule/${a.id}`}>
            {t('appointment.reschedule')}
          </Link>
        ) : null}
        {a.status === 'upcoming' && a.can_cancel && !confirming ? (
          <button
            type="button"
            className="button ghost small"
            aria-label={t('appointment.cancel')}
            onClick={() => setConfirming(true)}
          >
            {t('app.cancel')}
          </button>
        ) : null}
        {a.status !== 'upcoming' ? (
          <>
            <button
              type="button"
              className="button primary small"
              disabled={busy}
              onClick={() => void act(() => openBookAgain(a.id))}
            >
              {t('appointment.book_again')}
            </button>
            <ReviewButton a={a} target="staff" />
            <ReviewButton a={a} target="location" />
          </>
        ) : null}
      </div>
      {confirming ? (
        <div
          className="confirm"
          role="group"
          aria-label={t('appointment.cancel_confirm')}
          tabIndex={-1}
          ref={confirmGroup}
        >
          <p>{t('appointment.cancel_confirm')}</p>
          <button
            type="button"
            className="button danger small"
            disabled={busy}
            onClick={() => void cancel()}
          >
            {t('appointment.cancel')}
          </button>
          <button type="button" className="button ghost small" onClick={() => setConfirming(false)}>
            {t('app.back')}
          </button>
        </div>
      ) : null}
    </article>
  );
}

function ReviewButton(props: { a: Appointment; target: 'staff' | 'location' }) {
  const { t } = useApp();
  const { a, target } = props;
  const label = target === 'staff' ? t('appointment.rate') : t('appointment.review_location');
  if (a.reviewed[target])
    return (
      <span className="done-mark">
        <Icon name="check" />{' '}
        {target === 'staff' ? t('appointment.rated') : t('appointment.reviewed')}
      </span>
    );
  const allowed = target === 'staff' ? a.can_review_staff : a.can_review_location;
  // Inactive (not hidden) when not allowed, e.g. for a canceled appointment, as the article says.
  return allowed ? (
    <Link className="button secondary small" to={`/review/${a.id}?target=${target}`}>
      {label}
    </Link>
  ) : (
    <button type="button" className="button secondary small" disabled>
      {label}
    </button>
  );
}
