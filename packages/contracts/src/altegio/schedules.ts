import Type from 'typebox';
import { CountMeta, EmptyMeta, Envelope } from '../envelope';
import { Flag01, Id, LocalDate as LocalDateOf } from '../inputs';

/** Shapes only; that the date exists and the slots are in order is a domain rule (422). */
const LocalDate = LocalDateOf();
const WallTime = Type.String({
  pattern: '^\\d{2}:\\d{2}$',
  maxLength: 5,
  description: 'local wall time HH:MM; `to` may be 24:00',
});

export const ScheduleSlot = Type.Object({ from: WallTime, to: WallTime });
const Slots = Type.Array(ScheduleSlot, { maxItems: 48 });
const Dates = Type.Array(LocalDate, { maxItems: 366 });

const StaffIds = Type.Optional(Type.Array(Id(), { maxItems: 500 }));
const Include = Type.Optional(
  Type.Array(Type.Union([Type.Literal('busy_intervals'), Type.Literal('off_day_type')]), {
    maxItems: 2,
  }),
);

/** Arrays come as `staff_ids[]=1&staff_ids[]=2` (the contract's spelling) or `staff_ids=1`. */
export const StaffScheduleQuery = Type.Object({
  start_date: Type.Optional(LocalDate),
  end_date: Type.Optional(LocalDate),
  staff_ids: StaffIds,
  'staff_ids[]': StaffIds,
  'team_member_ids[]': StaffIds,
  include: Include,
  'include[]': Include,
});

export const BusyInterval = Type.Object({
  entity_type: Type.Optional(Type.Union([Type.Literal('record'), Type.Literal('activity')])),
  entity_id: Type.Optional(Type.Integer()),
  from: Type.String(),
  to: Type.String(),
});

export const StaffScheduleObject = Type.Object({
  staff_id: Type.Integer(),
  date: Type.String(),
  slots: Type.Array(ScheduleSlot),
  busy_intervals: Type.Optional(Type.Array(BusyInterval)),
  off_day_type: Type.Union([Type.Integer(), Type.Null()], {
    description: 'off-day kinds are not modelled: always null',
  }),
});

export const StaffScheduleListEnvelope = Envelope(Type.Array(StaffScheduleObject), CountMeta);

export const StaffScheduleBody = Type.Object({
  schedules_to_set: Type.Optional(
    Type.Array(
      Type.Object({
        staff_id: Id({ description: 'alias: team_member_id' }),
        dates: Dates,
        slots: Slots,
      }),
      { maxItems: 366 },
    ),
  ),
  schedules_to_delete: Type.Optional(
    Type.Array(
      Type.Object({
        staff_id: Id({ description: 'alias: team_member_id' }),
        dates: Dates,
      }),
      { maxItems: 366 },
    ),
  ),
});

/** The deprecated per-member form: `/schedule/{company_id}/{staff_id}/...`. */
export const StaffScheduleDayParams = Type.Object({
  company_id: Id(),
  staff_id: Id(),
  start_date: LocalDate,
  end_date: LocalDate,
});

export const StaffScheduleDayObject = Type.Object({
  date: Type.String(),
  is_working: Type.Integer({ minimum: 0, maximum: 1 }),
  slots: Type.Array(ScheduleSlot),
});

export const StaffScheduleDayListEnvelope = Envelope(Type.Array(StaffScheduleDayObject), EmptyMeta);

export const StaffScheduleDaysBody = Type.Array(
  Type.Object({
    date: LocalDate,
    is_working: Type.Union([Type.Boolean(), Flag01()]),
    slots: Type.Optional(Slots),
  }),
  { maxItems: 366 },
);
