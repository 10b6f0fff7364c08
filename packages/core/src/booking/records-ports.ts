import type { Page, Paged } from '../catalog/types';
import type { Appointment } from './types';

/** A client of one location; the phone (E.164) identifies them there. */
export interface Client {
  id: number;
  locationId: number;
  phone: string;
  name: string;
  surname: string;
  email: string;
  /** Blacklisted phones may not book online (the contract's 434). */
  blacklisted?: boolean;
}

export interface ClientContact {
  /** Already normalized to E.164. */
  phone: string;
  name?: string;
  surname?: string;
  email?: string;
}

export interface ClientsRepo {
  /**
   * The live client of the location with this phone, created when there is none (safe under
   * concurrency). An existing client keeps their data; only empty fields are filled in.
   */
  findOrCreateClientByPhone(locationId: number, contact: ClientContact): Promise<Client>;
}

export interface Visit {
  id: number;
  locationId: number;
  clientId: number | null;
}

export interface VisitsRepo {
  insertVisit(locationId: number, clientId: number | null): Promise<number>;
  findVisit(id: number): Promise<Visit | null>;
}

/** An appointment with what the wire Record shows next to it (read model). */
export interface AppointmentView extends Appointment {
  /** The location's IANA zone, in which `date`/`datetime` are rendered. */
  timeZone: string;
  staff: {
    id: number;
    name: string;
    specialization: string;
    avatar: string;
    apiId: string | null;
    rating: number;
    votesCount: number;
    position: { id: number; title: string } | null;
  };
  client: {
    id: number;
    name: string;
    surname: string;
    phone: string;
    email: string;
    patronymic: string;
    card: string;
    discount: number;
    /** The client's live appointments with attendance 1 (came) and -1 (did not come). */
    arrivedCount: number;
    noShowCount: number;
  } | null;
  serviceTitles: Record<number, string>;
}

export interface AppointmentSearch {
  staffId?: number;
  clientId?: number;
  createdUserId?: number;
  /** Appointment start in [startFrom, startTo). */
  startFrom?: number;
  startTo?: number;
  /** Creation time in [createdFrom, createdTo). */
  createdFrom?: number;
  createdTo?: number;
  /** Last change in [changedAfter, changedBefore]. */
  changedAfter?: number;
  changedBefore?: number;
  withDeleted?: boolean;
  /** Only deleted (canceled) appointments: a client's canceled history. */
  onlyDeleted?: boolean;
  /** Latest start first (history views) instead of the default earliest first. */
  newestFirst?: boolean;
}

export interface AppointmentQueriesRepo {
  searchAppointments(
    locationId: number,
    filter: AppointmentSearch,
    page: Page,
  ): Promise<Paged<AppointmentView>>;
  findAppointmentView(
    locationId: number,
    id: number,
    options?: { withDeleted?: boolean },
  ): Promise<AppointmentView | null>;
  findVisitAppointments(visitId: number): Promise<AppointmentView[]>;
  /** Views by id across locations (deleted ones included), in the order of `ids`. */
  findAppointmentViewsByIds(ids: number[]): Promise<AppointmentView[]>;
}

/** A group event: one team member, one service, a number of places. */
export interface Activity {
  id: number;
  locationId: number;
  serviceId: number;
  staffId: number;
  start: number;
  end: number;
  capacity: number;
  /** Places taken (the sum of the clients_count of its live appointments). */
  bookedCount: number;
  comment: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type ActivityDraft = Pick<
  Activity,
  'locationId' | 'serviceId' | 'staffId' | 'start' | 'end' | 'capacity' | 'comment'
>;

export interface ActivityView extends Activity {
  timeZone: string;
  service: {
    id: number;
    title: string;
    categoryId: number | null;
    categoryTitle: string | null;
    priceMin: number;
    priceMax: number;
    comment: string;
  };
  staff: {
    id: number;
    name: string;
    specialization: string;
    avatar: string;
    rating: number;
    votesCount: number;
    position: { id: number; title: string } | null;
  };
}

export interface ActivitySearch {
  /** Event start in [from, to). */
  from: number;
  to: number;
  serviceIds?: number[];
  staffIds?: number[];
}

export interface ActivitiesRepo {
  /** Writes the event and holds its team member's time; an overlap throws `slot_taken`. */
  insertActivity(draft: ActivityDraft): Promise<Activity>;
  /** Moves/changes the event (its time hold follows, same guarantees); capacity is not checked here. */
  replaceActivity(id: number, draft: ActivityDraft): Promise<Activity>;
  /** `forUpdate` locks the row for the rest of the transaction. */
  findActivity(
    locationId: number,
    id: number,
    options?: { forUpdate?: boolean },
  ): Promise<Activity | null>;
  findActivityView(locationId: number, id: number): Promise<ActivityView | null>;
  searchActivities(
    locationId: number,
    filter: ActivitySearch,
    page: Page,
  ): Promise<Paged<ActivityView>>;
  /** Soft-deletes the event and releases its team member's time. */
  deleteActivity(id: number): Promise<boolean>;
  /**
   * Takes `places` places if they are still free, in one conditional UPDATE, so concurrent
   * bookings can never exceed the capacity. Returns the new booked count, or null when full.
   */
  reservePlaces(activityId: number, places: number): Promise<number | null>;
  releasePlaces(activityId: number, places: number): Promise<void>;
  /** Live appointments of the event, oldest first. */
  findActivityAppointmentIds(activityId: number): Promise<number[]>;
  /** Gives the event's live appointments its (new) team member, service and time. */
  moveActivityAppointments(activityId: number, draft: ActivityDraft): Promise<void>;
}
