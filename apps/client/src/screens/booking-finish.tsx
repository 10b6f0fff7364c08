import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { app, ApiError, booking } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { listenForSmsCode } from '../otp';
import { Link } from '../router';
import type { Appointment, BookableTime, Location } from '../types';
import { Field, FormError } from './form';

/** The last step: contacts (and the SMS code where the location asks for it), then "Book". */
export function Finish(props: {
  location: Location;
  services: string[];
  serviceIds: number[];
  staffId: number;
  slot: BookableTime;
  when: string;
  reschedule?: Appointment | undefined;
  done: boolean;
  onDone: () => void;
}) {
  const { t, profile } = useApp();
  const [name, setName] = useState(profile?.name ?? '');
  const [phone, setPhone] = useState(profile?.phone ?? '');
  const [comment, setComment] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Web OTP, as at login: the SMS fills the code field where the browser can.
  useEffect(() => (codeSent ? listenForSmsCode(setCode) : undefined), [codeSent]);
  // One key per booking attempt: a retry after a lost answer never books twice.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [props.slot.datetime]);
  // A logged-in client's phone was verified at login: the app books without a second code.
  const loggedIn = Boolean(profile);
  const needsCode = props.location.phone_confirmation && !props.reschedule && !loggedIn;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, t('app.error')));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (props.reschedule) {
        await app('POST', `/appointments/${props.reschedule.id}/reschedule`, {
          datetime: props.slot.datetime,
        });
        return props.onDone();
      }
      if (needsCode && !codeSent) {
        await booking('POST', `/book_code/${props.location.id}`, { phone, fullname: name });
        setCodeSent(true);
        return;
      }
      const appointments = [
        {
          id: 1,
          services: props.serviceIds,
          staff_id: props.staffId,
          datetime: props.slot.datetime,
        },
      ];
      const once = { 'idempotency-key': idempotencyKey };
      if (loggedIn)
        await app(
          'POST',
          `/places/${props.location.id}/appointments`,
          { fullname: name, ...(comment ? { comment } : {}), appointments },
          once,
        );
      else
        await booking(
          'POST',
          `/book_record/${props.location.id}`,
          { phone, fullname: name, comment, ...(needsCode ? { code } : {}), appointments },
          once,
        );
      props.onDone();
    });
  };

  if (props.done)
    return (
      <section className="card done" aria-labelledby="done-head">
        <div className="done-icon" aria-hidden="true">
          ✓
        </div>
        <h2 id="done-head" tabIndex={-1} ref={(el) => el?.focus()}>
          {props.reschedule ? t('reschedule.done', { when: props.when }) : t('book.done_title')}
        </h2>
        {!props.reschedule ? <p>{t('book.done_text', { when: props.when })}</p> : null}
        <p className="muted">
          {props.location.title} · {props.services.join(', ')}
        </p>
        {profile ? (
          <Link className="button primary wide" to="/appointments">
            {t('book.to_appointments')}
          </Link>
        ) : null}
      </section>
    );

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('book.summary')}</h2>
      <p>
        <strong>{props.when}</strong>
      </p>
      <p className="muted">
        {props.location.title} · {props.services.join(', ')}
      </p>
      {!props.reschedule ? (
        <>
          <h3>{t('book.your_details')}</h3>
          <Field
            label={t('book.name')}
            error={
              error?.fields.fullname?.[0] ??
              (error?.codes.includes(435) ? errorText(error, t) : undefined)
            }
            input={{
              name: 'name',
              autoComplete: 'name',
              required: true,
              value: name,
              onChange: (e) => setName(e.target.value),
            }}
          />
          <Field
            label={t('book.phone')}
            error={
              error?.fields.phone?.[0] ??
              (error?.codes.includes(431) ? errorText(error, t) : undefined)
            }
            input={{
              name: 'phone',
              type: 'tel',
              autoComplete: 'tel',
              inputMode: 'tel',
              required: true,
              readOnly: Boolean(profile?.phone),
              value: phone,
              onChange: (e) => setPhone(e.target.value),
            }}
          />
          <label className="field">
            <span>{t('book.comment')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          {codeSent ? (
            <Field
              label={t('book.code')}
              error={error?.codes.includes(432) ? errorText(error, t) : undefined}
              input={{
                name: 'code',
                autoComplete: 'one-time-code',
                inputMode: 'numeric',
                maxLength: 6,
                autoFocus: true,
                value: code,
                onChange: (e) => setCode(e.target.value.replace(/\D/g, '')),
              }}
            />
          ) : null}
        </>
      ) : null}
      <FormError
        error={error?.codes.some((c) => [431, 432, 435].includes(c)) ? null : error}
        skipFields={['phone', 'fullname']}
      />
      <button
        className="button primary wide"
        disabled={
          busy ||
          (!props.reschedule && (!name.trim() || !phone.trim() || (codeSent && code.length < 6)))
        }
      >
        {props.reschedule
          ? t('reschedule.confirm')
          : needsCode && !codeSent
            ? t('book.get_code')
            : t('book.confirm')}
      </button>
    </form>
  );
}
