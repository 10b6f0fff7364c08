import {
  bookAppointments,
  type BookAppointmentsDeps,
  type BookedAppointment,
  type RequestedAppointment,
} from '../booking/book-appointments';
import type { AppUser } from '../identity/types';

/**
 * A logged-in app client books online: the same booking as `book_record` (slot rules, 433 when
 * the time was taken meanwhile, `Idempotency-Key` replays), with the phone of the account, which
 * was verified by the SMS code at login, so a location with `phone_confirmation` asks for no
 * second code.
 */
export function bookMyAppointment(
  deps: BookAppointmentsDeps,
  user: AppUser,
  input: {
    locationId: number;
    fullname: string;
    comment?: string;
    appointments: RequestedAppointment[];
    idempotencyKey?: string;
  },
): Promise<BookedAppointment[]> {
  return bookAppointments(deps, {
    ...input,
    phone: user.phone,
    phoneVerified: true,
    source: 'online',
  });
}
