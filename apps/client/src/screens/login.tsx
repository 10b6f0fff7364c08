import { useEffect, useState, type FormEvent } from 'react';
import { app, ApiError, session } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { listenForSmsCode } from '../otp';
import type { Consents, LoggedIn, CodeSent, TermsKind } from '../types';
import { TermsDialog, useTermsTexts } from './terms';
import { Field, FormError } from './form';

/** Phone → SMS code → (the first time) the user agreement and data processing consent. */
export function LoginScreen(props: { onLoggedIn: () => void }) {
  const { t } = useApp();
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    document.title = `${t('login.title')} · Visita`;
  }, [t]);
  useEffect(() => {
    if (!sent) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    const stop = listenForSmsCode(setCode);
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [sent]);

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

  const sendCode = (event?: FormEvent) => {
    event?.preventDefault();
    void run(async () => {
      setSent(await app<CodeSent>('POST', '/auth/code', { phone }));
      setCode('');
    });
  };
  const logIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await app<LoggedIn>('POST', '/auth/token', { phone: sent?.phone, code });
      session.set(result.token);
      props.onLoggedIn();
    });
  };

  const waitSeconds = sent ? Math.max(0, Math.ceil((Date.parse(sent.resend_at) - now) / 1000)) : 0;
  return (
    <main id="main" className="auth">
      <div className="brand" aria-hidden="true">
        <img src="/app/icons/icon-192.png" alt="" width="64" height="64" />
      </div>
      <h1>{t('login.title')}</h1>
      {!sent ? (
        <form onSubmit={sendCode} noValidate>
          <p className="muted">{t('login.intro')}</p>
          <Field
            label={t('login.phone')}
            hint={t('login.phone_hint')}
            error={error?.fields.phone?.[0]}
            input={{
              type: 'tel',
              name: 'phone',
              autoComplete: 'tel',
              inputMode: 'tel',
              required: true,
              value: phone,
              onChange: (e) => setPhone(e.target.value),
            }}
          />
          <FormError error={error} skipFields={['phone']} />
          <button className="button primary wide" disabled={busy || !phone.trim()}>
            {t('login.send_code')}
          </button>
        </form>
      ) : (
        <form onSubmit={logIn} noValidate>
          <p className="muted" role="status">
            {t('login.code_sent', { phone: sent.phone })}
          </p>
          <Field
            label={t('login.code')}
            error={
              error && (error.fields.code || error.codes.includes(432))
                ? errorText(error, t)
                : undefined
            }
            input={{
              name: 'code',
              autoComplete: 'one-time-code',
              inputMode: 'numeric',
              pattern: '[0-9]*',
              maxLength: 6,
              required: true,
              autoFocus: true,
              value: code,
              onChange: (e) => setCode(e.target.value.replace(/\D/g, '')),
            }}
          />
          <FormError error={error?.codes.includes(432) ? null : error} skipFields={['code']} />
          <button className="button primary wide" disabled={busy || code.length < 6}>
            {t('login.verify')}
          </button>
          <div className="row-actions">
            <button type="button" className="link-button" onClick={() => setSent(null)}>
              {t('login.change_phone')}
            </button>
            <button
              type="button"
              className="link-button"
              disabled={busy || waitSeconds > 0}
              onClick={() => sendCode()}
            >
              {waitSeconds > 0 ? t('login.resend_in', { s: waitSeconds }) : t('login.resend')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}

/**
 * The user agreement and data processing consent, asked once per version of the terms. Each box
 * links to its text (read in a dialog, see ./terms.tsx); the focus comes back to the link.
 */
export function ConsentScreen(props: { onAccepted: () => void }) {
  const { t } = useApp();
  const [consents, setConsents] = useState<Consents | null>(null);
  const [agreement, setAgreement] = useState(false);
  const [processing, setProcessing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [reading, setReading] = useState<TermsKind | null>(null);
  const [changed, setChanged] = useState(false);
  const [reload, setReload] = useState(0);
  const terms = useTermsTexts(reload);
  useEffect(() => {
    document.title = `${t('consent.title')} · Visita`;
    app<Consents>('GET', '/consents')
      .then(setConsents)
      .catch((e: unknown) => setError(e instanceof ApiError ? e : null));
  }, [t, reload]);
  // The versions accepted are those of the texts shown (the server refuses any other one).
  const versions = terms.texts
    ? {
        user_agreement: terms.texts.user_agreement.version,
        data_processing: terms.texts.data_processing.version,
      }
    : consents?.current;
  const accept = (event: FormEvent) => {
    event.preventDefault();
    if (!versions) return;
    app('POST', '/consents', {
      user_agreement_version: versions.user_agreement,
      data_processing_version: versions.data_processing,
    })
      .then(props.onAccepted)
      .catch((e: unknown) => {
        const refused = e instanceof ApiError ? e : null;
        if (
          refused?.status === 422 &&
          ('user_agreement_version' in refused.fields ||
            'data_processing_version' in refused.fields)
        ) {
          // The operator changed a text meanwhile: show the new one and ask again.
          setError(null);
          setChanged(true);
          setAgreement(false);
          setProcessing(false);
          setReload((n) => n + 1);
        } else setError(refused);
      });
  };
  const box = (
    kind: TermsKind,
    checked: boolean,
    set: (value: boolean) => void,
    label: string,
    read: string,
  ) => (
    <div className="consent-item">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} />
        <span>{label}</span>
      </label>
      <button
        type="button"
        className="link-button"
        aria-haspopup="dialog"
        onClick={() => setReading(kind)}
      >
        {read}
      </button>
    </div>
  );
  return (
    <main id="main" className="auth">
      <h1>{t('consent.title')}</h1>
      <p className="muted">{t('consent.intro')}</p>
      <form onSubmit={accept}>
        {box(
          'user_agreement',
          agreement,
          setAgreement,
          t('consent.agreement', { v: versions?.user_agreement ?? '' }),
          t('consent.read_agreement'),
        )}
        {box(
          'data_processing',
          processing,
          setProcessing,
          t('consent.processing', { v: versions?.data_processing ?? '' }),
          t('consent.read_processing'),
        )}
        {changed && (
          <p className="form-error" role="alert">
            {t('consent.changed')}
          </p>
        )}
        <FormError error={error} />
        <button className="button primary wide" disabled={!versions || !agreement || !processing}>
          {t('consent.continue')}
        </button>
      </form>
      <TermsDialog
        kind={reading}
        texts={terms.texts}
        error={terms.error}
        onClose={() => setReading(null)}
      />
    </main>
  );
}
