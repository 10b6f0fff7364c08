/** Wire types of the server's API, read from the shared contracts (types only: nothing is bundled). */
import type {
  AppAppointment,
  AppBookAgain,
  AppConsentsEnvelope,
  AppMeEnvelope,
  AppPlace,
  AppPlaceDetailsEnvelope,
  AppProfile,
  AppReview,
  BookService,
  BookStaffMember,
  BookTime,
  BookDatesEnvelope,
  Company,
  AppCodeEnvelope,
  AppTokenEnvelope,
} from '@visita/contracts';
import type { Static } from 'typebox';

export type Appointment = Static<typeof AppAppointment>;
export type BookAgain = Static<typeof AppBookAgain>;
export type Place = Static<typeof AppPlace>;
export type PlaceDetails = Static<typeof AppPlaceDetailsEnvelope>['data'];
export type Profile = Static<typeof AppProfile>;
export type Review = Static<typeof AppReview>;
export type Me = Static<typeof AppMeEnvelope>['data'];
export type Consents = Static<typeof AppConsentsEnvelope>['data'];
export type CodeSent = Static<typeof AppCodeEnvelope>['data'];
export type LoggedIn = Static<typeof AppTokenEnvelope>['data'];
export type BookableService = Static<typeof BookService>;
export type BookableStaff = Static<typeof BookStaffMember>;
export type BookableTime = Static<typeof BookTime>;
export type BookDates = Static<typeof BookDatesEnvelope>['data'];
export type Location = Static<typeof Company>;

/** The agreed (parallel-built) notifications and loyalty shapes, read defensively. */
export interface UnreadCount {
  total: number;
  by_location: { location_id: number; count: number }[];
}
export interface InboxItem {
  id: number;
  type: number | string;
  location_id: number | null;
  sender: string;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  appointment_id: number | null;
  actions: { kind: 'details' | 'book' | 'confirm' }[];
}
export interface LoyaltyInstrument {
  id: number;
  title?: string;
  number?: string;
  image_url?: string | null;
  frozen?: boolean;
  expiring_soon?: boolean;
  expires_at?: string | null;
  visits_total?: number | null;
  visits_left?: number | null;
  balance?: number | null;
  currency?: string;
  location?: { id: number; title: string } | null;
  locations?: { id: number; title: string }[];
}
