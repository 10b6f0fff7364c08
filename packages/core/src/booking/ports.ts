import type { Interval, ResourcePool } from '../scheduling';
import type {
  Appointment,
  AppointmentDraft,
  Attendance,
  BookingSettings,
  DomainEvent,
  StaffBusyInterval,
  StaffScheduleDay,
} from './types';

export interface SchedulesRepo {
  /** Schedules of these team members for local dates in [fromDate, toDate] (inclusive). */
  findStaffSchedules(
    staffIds: number[],
    fromDate: string,
    toDate: string,
  ): Promise<StaffScheduleDay[]>;
  /** Replaces the given days (upsert); `slots: []` marks a day off. */
  setStaffSchedules(days: StaffScheduleDay[]): Promise<void>;
  /** Removes the given days, so the member does not work them. */
  deleteStaffSchedules(days: { staffId: number; date: string }[]): Promise<void>;
  /**
   * Live (not deleted) team members of the location, ordered by id: those of `staffIds` that
   * belong to it (fired ones included), or, without `staffIds`, every member not fired.
   */
  findStaffIdsOfLocation(locationId: number, staffIds?: number[]): Promise<number[]>;
}

export interface BookingSettingsRepo {
  findBookingSettings(locationId: number): Promise<BookingSettings>;
  saveBookingSettings(locationId: number, settings: BookingSettings): Promise<BookingSettings>;
}

export interface OccupancyRepo {
  /** Live appointments and group events of these team members overlapping [from, to). */
  findStaffBusy(staffIds: number[], from: number, to: number): Promise<StaffBusyInterval[]>;
  /**
   * The same time as findStaffBusy, merged into disjoint intervals per team member (sorted): what
   * availability needs, in far fewer rows than one per appointment.
   */
  findStaffBusyTimes(
    staffIds: number[],
    from: number,
    to: number,
  ): Promise<Map<number, Interval[]>>;
  /** The resource types with their instances and the instances' busy ranges overlapping [from, to). */
  findResourcePools(resourceIds: number[], from: number, to: number): Promise<ResourcePool[]>;
}

export interface AppointmentsRepo {
  /**
   * Writes the appointment with its services and occupancy rows. When the team member or a
   * resource instance is already taken, the exclusion constraints refuse it and this throws
   * `DomainError('slot_taken')`.
   */
  insertAppointment(draft: AppointmentDraft): Promise<Appointment>;
  findAppointment(
    locationId: number,
    id: number,
    options?: { withDeleted?: boolean },
  ): Promise<Appointment | null>;
  /** Moves/replaces time, staff, steps and resources of a live appointment (same occupancy guarantees). */
  replaceAppointment(id: number, draft: AppointmentDraft): Promise<Appointment>;
  setAttendance(id: number, attendance: Attendance, confirmed: boolean): Promise<void>;
  /** Soft-deletes and releases the team member's and resources' time. */
  deleteAppointment(id: number): Promise<boolean>;
}

export interface OutboxRepo {
  addEvent(event: DomainEvent): Promise<void>;
}

export interface IdempotencyRepo {
  /**
   * Claims `key` in `scope` for this transaction, bound to `requestDigest`. Returns null when
   * the key is new (or expired, or its earlier request never finished), else the earlier
   * request's digest and stored response. A concurrent request with the same key waits on the
   * row lock until the first one ends.
   */
  claim(
    scope: string,
    key: string,
    claim: { requestDigest: string; now: Date; expiredBefore: Date },
  ): Promise<{ statusCode: number; response: unknown; requestDigest: string | null } | null>;
  complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void>;
  /** Gives an unfinished key back (its request was refused), so a corrected retry may use it. */
  release(scope: string, key: string): Promise<void>;
}
