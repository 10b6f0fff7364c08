/** A person using the client app, identified by their phone (E.164). */
export interface AppUser {
  id: number;
  phone: string;
  name: string;
  email: string;
  avatar: string;
  language: string;
  dateFormat: string;
  time24h: boolean;
  notificationsEnabled: boolean;
  createdAt: Date;
}

export type ConsentKind = 'user_agreement' | 'data_processing';

export const CONSENT_KINDS: readonly ConsentKind[] = ['user_agreement', 'data_processing'];

/**
 * The versions of the texts shipped with Visita (apps/server/src/adapters/terms/defaults.ts),
 * in force while the operator has no text of that kind. A release that changes a shipped text
 * changes its version here. An operator's texts get a version from their content instead
 * (`termsInForce`).
 */
export const DEFAULT_TERMS_VERSIONS: Record<ConsentKind, string> = {
  user_agreement: '2026-11',
  data_processing: '2026-11',
};

export interface AppUsersRepo {
  findAppUserByTokenHash(tokenHash: string): Promise<AppUser | null>;
  findAppUser(id: number): Promise<AppUser | null>;
  /** The kinds whose version in force (`versions`) this user has accepted. */
  findAcceptedConsents(
    userId: number,
    versions: Record<ConsentKind, string>,
  ): Promise<ConsentKind[]>;
}
