import type { AppUser } from '@visita/core';

/** The app API's view of the client (`/api/app/v1`). */
export function presentAppUser(user: AppUser) {
  return {
    id: user.id,
    phone: user.phone,
    name: user.name,
    email: user.email,
    avatar: user.avatar,
    language: user.language,
    date_format: user.dateFormat,
    time_24h: user.time24h,
    notifications_enabled: user.notificationsEnabled,
    created_at: user.createdAt.toISOString(),
  };
}

/** The contract's booking user (§3.a): `login` is the phone, the token is the one just issued or presented. */
export function presentBookingUser(user: AppUser, userToken: string) {
  return {
    id: user.id,
    user_token: userToken,
    name: user.name,
    phone: user.phone,
    login: user.phone,
    email: user.email,
    avatar: user.avatar,
  };
}
