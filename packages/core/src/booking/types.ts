import type { Interval, LocalSlot } from '../scheduling';

/** A location's online-booking rules (contract: /company/{id}/settings/online and timetable). */
export interface BookingSettings {
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  allowClientCancel: boolean;
  cancelUntilMinutes: number;
  allowClientReschedule: boolean;
  rescheduleUntilMinutes: number;
  onlineNeedsConfirmation: boolean;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  slotStepMinutes: 15,
  minNoticeMinutes: 60,
  horizonDays: 90,
  allowClientCancel: true,
  cancelUntilMinutes: 120,
  allowClientReschedule: true,
  rescheduleUntilMinutes: 120,
  onlineNeedsConfirmation: false,
};

/** One team member's working slots on one local date; an empty `slots` is a day off. */
export interface StaffScheduleDay {
  staffId: number;
  date: string;
  slots: LocalSlot[];
}

export interface StaffBusyInterval extends Interval {
  staffId: number;
  /** What holds the time, when the repository reports it (the schedule's `busy_intervals`). */
  recordId?: number | null;
  activityId?: number | null;
}

export type AppointmentSource = 'online' | 'back_office' | 'api';

/** Attendance as the contract numbers it: 2 confirmed, 1 arrived, 0 waiting, -1 no-show. */
export type Attendance = -1 | 0 | 1 | 2;

export interface AppointmentStep {
  serviceId: number;
  start: number;
  end: number;
  firstCost: number;
  discount: number;
  cost: number;
  amount: number;
}

/** Everything needed to write one appointment; the database refuses overlaps on its own. */
export interface AppointmentDraft {
  locationId: number;
  staffId: number;
  clientId: number | null;
  visitId: number | null;
  activityId: number | null;
  start: number;
  end: number;
  steps: AppointmentStep[];
  resourceInstances: { instanceId: number; interval: Interval }[];
  source: AppointmentSource;
  attendance: Attendance;
  confirmed: boolean;
  clientsCount: number;
  comment: string;
  apiId: string | null;
  hashDigest: string;
  notifyBySms: number;
  notifyByEmail: number;
  masterRequested: boolean;
  customColor: string;
  createdUserId: number | null;
}

export interface Appointment extends AppointmentDraft {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** Domain events written to the outbox in the same transaction as the change. */
export type DomainEventType =
  | 'appointment.created'
  | 'appointment.moved'
  | 'appointment.confirmed'
  | 'appointment.attendance_changed'
  | 'appointment.updated'
  | 'appointment.deleted'
  | 'activity.booked'
  | 'activity.created'
  | 'activity.updated'
  | 'activity.deleted'
  | 'client.created'
  | 'client.updated'
  | 'client.deleted'
  | 'payment.succeeded'
  | 'discount.granted'
  | 'bonus.credited';

export interface DomainEvent {
  locationId: number;
  type: DomainEventType;
  aggregateId: number;
  payload: Record<string, unknown>;
}
