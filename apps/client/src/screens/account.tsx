import { useEffect, useRef, useState, type FormEvent } from 'react';
import { app } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { DATE_FORMATS, formatDate } from '../format';
import { LANGUAGES } from '../i18n';
import {
  disablePush,
  enablePush,
  pushNoteKey,
  pushState,
  pushSwitchUsable,
  type PushState,
} from '../push';
import type { Profile } from '../types';
import { Link } from '../router';
import { Icon, Screen, initials } from '../ui';
import { Field } from './form';

/** Photo, name, language, date and time format, notifications, log out. */
export function AccountScreen() {
  const { t, profile, setProfile, toast, logOut } = useApp();
  const [name, setName] = useState(profile?.name ?? '');
  const [push, setPush] = useState<PushState | null>(null);
  const [photoVersion, setPhotoVersion] = useState(0);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pushState().then(setPush, () => setPush('unavailable'));
  }, []);
  if (!profile) return null;

  const patch = async (body: Partial<Profile>) => {
    try {
      setProfile(await app<Profile>('PATCH', '/profile', body));
      toast(t('app.saved'));
    } catch (e) {
      toast(errorText(e, t));
    }
  };
  const saveName = (event: FormEvent) => {
    event.preventDefault();
    void patch({ name: name.trim() });
  };
  const upload = async (picked: File | undefined) => {
    if (!picked) return;
    const form = new FormData();
    form.append('photo', picked);
    try {
      setProfile(await app<Profile>('PUT', '/profile/photo', form));
      setPhotoVersion((v) => v + 1);
      toast(t('app.saved'));
    } catch (e) {
      toast(errorText(e, t));
    }
  };
  const togglePush = async (on: boolean) => {
    try {
      const state = on ? await enablePush() : await disablePush();
      setPush(state);
      if (state === 'on' || state === 'off') await patch({ notifications_enabled: state === 'on' });
    } catch (e) {
      toast(errorText(e, t));
    }
  };
  const pushNote = push ? pushNoteKey(push) : null;
  const sample = '2026-12-31';

  return (
    <Screen title={t('account.title')} back="/">
      <section className="card account-photo" aria-label={t('account.photo')}>
        <span className="avatar xlarge" aria-hidden="true">
          {profile.photo_url ? (
            <PhotoImage url={profile.photo_url} version={photoVersion} />
          ) : (
            initials(profile.name)
          )}
        </span>
        <div>
          <p className="big">{profile.name || profile.phone}</p>
          <p className="muted">{profile.phone}</p>
          <input
            ref={file}
            id="photo-input"
            type="file"
            accept="image/*"
            className="visually-hidden"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
          <label htmlFor="photo-input" className="button secondary small">
            {t('account.photo_change')}
          </label>
        </div>
      </section>
      <form className="card" onSubmit={saveName}>
        <Field
          label={t('account.name')}
          input={{
            name: 'name',
            autoComplete: 'name',
            maxLength: 100,
            value: name,
            onChange: (e) => setName(e.target.value),
          }}
        />
        <button className="button primary" disabled={name.trim() === profile.name}>
          {t('app.save')}
        </button>
      </form>
      <section className="card settings">
        <label className="field">
          <span>{t('account.language')}</span>
          <select
            value={profile.language}
            onChange={(e) => void patch({ language: e.target.value })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('account.date_format')}</span>
          <select
            value={profile.date_format}
            onChange={(e) => void patch({ date_format: e.target.value })}
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatDate(sample, f)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('account.time_format')}</span>
          <select
            value={profile.time_24h ? '24' : '12'}
            onChange={(e) => void patch({ time_24h: e.target.value === '24' })}
          >
            <option value="24">{t('account.time_24h')}</option>
            <option value="12">{t('account.time_12h')}</option>
          </select>
        </label>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={push === 'on'}
            disabled={!pushSwitchUsable(push)}
            onChange={(e) => void togglePush(e.target.checked)}
          />
          <span>{t('account.notifications')}</span>
        </label>
        {pushNote ? <p className="muted small">{t(pushNote)}</p> : null}
      </section>
      <nav className="card links" aria-label={t('account.loyalty_cards')}>
        <Link to="/loyalty-cards" className="row-link">
          {t('account.loyalty_cards')}
          <Icon name="chevron" />
        </Link>
      </nav>
      <button type="button" className="button danger wide" onClick={() => void logOut()}>
        {t('account.logout')}
      </button>
    </Screen>
  );
}

/** The photo needs the client token, so it is fetched and shown from a blob URL. */
export function PhotoImage(props: { url: string; version: number }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let url: string | undefined;
    const token = localStorage.getItem('visita.token');
    fetch(props.url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (blob) setSrc((url = URL.createObjectURL(blob)));
      })
      .catch(() => undefined);
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [props.url, props.version]);
  return src ? <img src={src} alt="" /> : null;
}
