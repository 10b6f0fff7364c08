import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import { checkBookingSettings } from './booking-settings-rules';
import type { BookingSettingsRepo } from './ports';
import type { BookingSettings } from './types';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; bookingSettings: BookingSettingsRepo }> };

/** Changes only the settings present in `patch`; the rest keep their current values. */
export async function updateBookingSettings(
  deps: Deps,
  locationId: number,
  patch: Partial<BookingSettings>,
): Promise<BookingSettings> {
  checkBookingSettings(patch);
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    const current = await r.bookingSettings.findBookingSettings(locationId);
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<BookingSettings>;
    return r.bookingSettings.saveBookingSettings(locationId, { ...current, ...defined });
  });
}
