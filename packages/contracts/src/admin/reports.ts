import Type from 'typebox';
import { ObjectEnvelope } from '../envelope';

const LocalDate = (description: string) =>
  Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxLength: 10,
    description: `${description}, local YYYY-MM-DD`,
  });

export const ReportParams = Type.Object({
  company_id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const ReportQuery = Type.Object({
  from: LocalDate('first day'),
  to: LocalDate('last day (included; at most 366 days)'),
});

const counts = {
  appointments: Type.Integer({ description: 'live appointments (not cancelled) starting then' }),
  revenue: Type.Number({ description: 'services’ cost of those that are not no-shows' }),
  clients: Type.Integer({ description: 'distinct clients' }),
  new_clients: Type.Integer({ description: 'clients whose first appointment here falls in it' }),
  returning_clients: Type.Integer({ description: 'clients who had come before' }),
  clients_with_app: Type.Integer({ description: 'of the clients, those using the client app' }),
};

export const ReportDayObject = Type.Object({ date: Type.String(), ...counts });

export const ReportObject = Type.Object({
  from: Type.String(),
  to: Type.String(),
  timezone: Type.String(),
  days: Type.Array(ReportDayObject),
  totals: Type.Object({
    ...counts,
    base_clients: Type.Integer({ description: 'all client cards of the location' }),
    base_clients_with_app: Type.Integer({ description: 'cards whose phone uses the app' }),
  }),
});

export const ReportEnvelope = ObjectEnvelope(ReportObject);
