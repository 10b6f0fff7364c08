import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';
import { LocalDate } from '../inputs';

export const CalendarMarkerQuery = Type.Object({
  start_date: LocalDate({ description: 'first local day the calendar shows' }),
  end_date: LocalDate({ description: 'last local day (included; at most 42 days)' }),
});

/** Changes whenever an appointment, group event, stored working day or team member shown then does. */
export const CalendarMarkerEnvelope = ObjectEnvelope(
  Type.Object({ marker: Type.String({ description: 'opaque; compare for equality only' }) }),
);
