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

/** The versions of the terms a client must have accepted before seeing any data. */
export const CURRENT_TERMS: Record<ConsentKind, string> = {
  user_agreement: '2026-11',
  data_processing: '2026-11',
};

export interface AppUsersRepo {
  findAppUserByTokenHash(tokenHash: string): Promise<AppUser | null>;
  findAppUser(id: number): Promise<AppUser | null>;
  /** The kinds whose CURRENT version this user has accepted. */
  findAcceptedConsents(
    userId: number,
    versions: Record<ConsentKind, string>,
  ): Promise<ConsentKind[]>;
}
