import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { appBookingRoutes } from './booking';
import { cabinetAppointmentRoutes } from './cabinet-appointments';
import { cabinetPlaceRoutes } from './cabinet-places';
import { cabinetProfileRoutes } from './cabinet-profile';

/** The personal cabinet: appointments (and booking), reviews, places, favourites, profile. */
export function cabinetRoutes(app: FastifyInstance, deps: ServerDeps): void {
  cabinetAppointmentRoutes(app, deps);
  appBookingRoutes(app, deps);
  cabinetPlaceRoutes(app, deps);
  cabinetProfileRoutes(app, deps);
}
