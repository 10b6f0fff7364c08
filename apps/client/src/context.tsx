import { createContext, useContext } from 'react';
import type { FormatPrefs } from './format';
import type { Language, Translate } from './i18n';
import type { Profile } from './types';

export interface AppContextValue {
  t: Translate;
  language: Language;
  prefs: FormatPrefs;
  /** null while logged out (the public booking page). */
  profile: Profile | null;
  setProfile: (profile: Profile) => void;
  toast: (message: string) => void;
  logOut: () => Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}
