import type { LocationsRepo, UnitOfWork } from '../catalog/ports';
import { notFound } from '../errors/domain-error';
import type { BookingSettingsRepo } from './ports';
import type { BookingSettings } from './types';

type Deps = { uow: UnitOfWork<{ locations: LocationsRepo; bookingSettings: BookingSettingsRepo }> };

/** A location's online-booking rules; a location that never saved any has the defaults. */
export function getBookingSettings(deps: Deps, locationId: number): Promise<BookingSettings> {
  return deps.uow(async (r) => {
    if (!(await r.locations.findLocation(locationId))) throw notFound('Location');
    return r.bookingSettings.findBookingSettings(locationId);
  });
}
