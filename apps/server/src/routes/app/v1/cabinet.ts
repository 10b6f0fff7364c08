import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { cabinetAppointmentRoutes } from './cabinet-appointments';
import { cabinetPlaceRoutes } from './cabinet-places';
import { cabinetProfileRoutes } from './cabinet-profile';

/** The personal cabinet: appointments, reviews, places, favourites, profile. */
export function cabinetRoutes(app: FastifyInstance, deps: ServerDeps): void {
  cabinetAppointmentRoutes(app, deps);
  cabinetPlaceRoutes(app, deps);
  cabinetProfileRoutes(app, deps);
}
