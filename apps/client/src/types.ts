/** Wire types of the server's API, read from the shared contracts (types only: nothing is bundled). */
import type {
  AppAppointment,
  AppBookAgain,
  AppConsentsEnvelope,
  AppTermsEnvelope,
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
  AppMembership,
  AppGiftCard,
  AppLoyaltyCard,
  AppOffer,
  AppPurchase,
  AppNotification,
  BookCategory,
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
export type Membership = Static<typeof AppMembership>;
export type GiftCard = Static<typeof AppGiftCard>;
export type LoyaltyCard = Static<typeof AppLoyaltyCard>;
export type Offer = Static<typeof AppOffer>;
export type Purchase = Static<typeof AppPurchase>;
export type InboxItem = Static<typeof AppNotification>;
export type BookableCategory = Static<typeof BookCategory>;
/** The location's promotional block (contract 1: places, place page, booking page). */
export interface Promo {
  title: string;
  text: string;
  link_url: string | null;
}

export interface UnreadCount {
  total: number;
  by_location: { location_id: number; count: number }[];
}
export type TermsTexts = Static<typeof AppTermsEnvelope>['data'];
export type TermsKind = keyof TermsTexts;
