import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { signIn } from '../session';
import type { AdminMe } from '../types';

export function LoginPage(props: { onSignedIn: (me: AdminMe) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(login, password);
      props.onSignedIn({ user: session.user, locations: session.locations });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'That login and password do not match. Check them and try again.'
          : e instanceof Error
            ? e.message
            : 'Could not sign in.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <span>Visita</span>
        </div>
        <h1 id="login-title">Sign in to your back office</h1>
        <label>
          Login
          <input
            name="login"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
