import { logInUser, type BackOfficeUser, type LogInUserDeps } from './log-in-user';

export interface OpenBackOfficeSessionDeps extends LogInUserDeps {
  storeSessionPartner(userId: number, tokenHash: string): Promise<void>;
}

export interface BackOfficeSession {
  user: BackOfficeUser;
  userToken: string;
  /** A partner token of this session alone, bound to the user; only its digest is stored. */
  partnerToken: string;
}

/**
 * The back office's sign-in: a user token as `POST /auth` gives, plus a partner token for this
 * browser session, so the browser can call the Altegio-compatible API
 * (`Bearer <partner>, User <user>`) without an installation-wide partner secret.
 */
export async function openBackOfficeSession(
  deps: OpenBackOfficeSessionDeps,
  input: { login: string; password: string },
): Promise<BackOfficeSession> {
  const { user, userToken } = await logInUser(deps, input);
  const partnerToken = deps.tokens.randomToken();
  await deps.storeSessionPartner(user.id, deps.tokens.sha256(partnerToken));
  return { user, userToken, partnerToken };
}
