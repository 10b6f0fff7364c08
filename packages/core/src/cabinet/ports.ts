import type { Location, Page, Paged } from '../catalog/types';
import type { AppUser } from '../identity/types';

/**
 * The client's personal cabinet. A client's appointments are the records whose client (at any
 * location, made online or by an administrator) has the app user's phone; nothing else links them.
 */
export type AppointmentStatus = 'upcoming' | 'past' | 'canceled';

export type ReviewTarget = 'staff' | 'location';

/** A reference to one of the client's appointments (deleted ones included). */
export interface ClientAppointmentRef {
  id: number;
  locationId: number;
}

export interface ClientAppointmentsRepo {
  /**
   * Ids of the phone's appointments in one status, in display order (upcoming: soonest first;
   * past and canceled: latest first), optionally at one location. Closed (deleted) locations
   * are left out.
   */
  findClientAppointmentIds(
    phone: string,
    filter: { status: AppointmentStatus; now: number; locationId?: number },
    page: Page,
  ): Promise<Paged<number>>;
  /** The appointment when this phone owns it, else null: a wrong or foreign id looks the same. */
  findClientAppointmentRef(phone: string, recordId: number): Promise<ClientAppointmentRef | null>;
  /** The appointment when its record hash digest matches (the contract's capability), else null. */
  findAppointmentRefByHash(
    recordId: number,
    hashDigest: string,
  ): Promise<ClientAppointmentRef | null>;
  /** The targets each of these appointments already has a review for. */
  findReviewedTargets(recordIds: number[]): Promise<Map<number, ReviewTarget[]>>;
  /** For "book again": which services are still bookable online, and whether the member is. */
  findRebookable(
    locationId: number,
    staffId: number,
    serviceIds: number[],
  ): Promise<{ serviceIds: number[]; staffBookable: boolean }>;
}

/** A location the client has visited, with its "About" data and the client's relation to it. */
export interface Place {
  location: Location;
  /** Average of the location's reviews (0 without reviews). */
  rating: number;
  reviewsCount: number;
  isFavourite: boolean;
  /** The client muted this location's notifications (the inbox gear). */
  muted: boolean;
  appointmentsCount: number;
}

export interface ClientPlacesRepo {
  /**
   * Live locations where an appointment was ever made for the phone (canceled ones count),
   * favourites first, then the most recently visited; optionally one location or favourites only.
   */
  findClientPlaces(
    userId: number,
    phone: string,
    filter?: { locationId?: number; favouritesOnly?: boolean },
  ): Promise<Place[]>;
  /** Idempotent either way. */
  setFavourite(userId: number, locationId: number, favourite: boolean): Promise<void>;
}

export interface Review {
  id: number;
  recordId: number;
  locationId: number;
  target: ReviewTarget;
  staff: { id: number; name: string } | null;
  rating: number;
  text: string;
  /** The author's first name only; empty once the author deleted their account. */
  authorName: string;
  appUserId: number | null;
  createdAt: Date;
}

export interface ReviewDraft {
  recordId: number;
  locationId: number;
  staffId: number | null;
  appUserId: number;
  target: ReviewTarget;
  rating: number;
  text: string;
}

export interface ReviewsRepo {
  /** Null when the appointment already has a review for this target (the unique key decides). */
  insertReview(draft: ReviewDraft): Promise<Review | null>;
  /** Adds one vote to the team member's average rating in one atomic UPDATE. */
  addStaffVote(staffId: number, rating: number): Promise<void>;
  /** Reviews of the location and of its team members, newest first. */
  findLocationReviews(
    locationId: number,
    filter: { target?: ReviewTarget },
    page: Page,
  ): Promise<Paged<Review>>;
}

export interface ProfilePatch {
  name?: string;
  language?: string;
  dateFormat?: string;
  time24h?: boolean;
  notificationsEnabled?: boolean;
}

export interface AppProfilesRepo {
  updateProfile(userId: number, patch: ProfilePatch): Promise<AppUser | null>;
  /** Sets the photo's storage key ('' removes it); returns the previous key. */
  setAvatar(userId: number, key: string): Promise<string | null>;
  /**
   * Erases the account: the row is anonymised (phone replaced, name, email and photo cleared,
   * deleted_at set), every token revoked, reviews unlinked from it, favourites removed, and the
   * businesses' clients with that phone no longer flagged as having the app. Returns the
   * previous photo key, or null for an unknown or already deleted user.
   */
  eraseAppUser(userId: number): Promise<{ avatar: string } | null>;
}

/** Turns an uploaded file into the stored avatar; throws `invalid('photo')` for non-images. */
export interface AvatarImages {
  toAvatar(bytes: Uint8Array): Promise<{ bytes: Uint8Array; extension: string }>;
}

/** Where avatar files live (the data directory); keys are opaque file names. */
export interface AvatarStore {
  save(userId: number, image: { bytes: Uint8Array; extension: string }): Promise<string>;
  read(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
}
