import { errorResponses, ReportEnvelope, ReportParams, ReportQuery } from '@visita/contracts';
import { getLocationReport, type ReportDay } from '@visita/core';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../../deps';
import { needsRight } from '../../../plugins/auth';
import { ok, typed, userSecurity } from '../../typed';

const counts = (d: Omit<ReportDay, 'date'>) => ({
  appointments: d.appointments,
  revenue: d.revenue,
  clients: d.clients,
  new_clients: d.newClients,
  returning_clients: d.returningClients,
  clients_with_app: d.clientsWithApp,
});

export function adminReportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  typed(app).get(
    '/locations/:company_id/reports/summary',
    {
      schema: {
        tags: ['Back office'],
        summary: 'The dashboard: appointments, revenue, new vs returning clients, app adoption',
        description:
          'Per local day of the period and for the whole period, in the location’s time zone. Needs `reports:read` (owners and administrators).',
        security: userSecurity,
        params: ReportParams,
        querystring: ReportQuery,
        response: { 200: ReportEnvelope, ...errorResponses },
      },
      preHandler: needsRight(deps.db, 'reports:read'),
    },
    async (request) => {
      const report = await getLocationReport(deps, {
        locationId: request.params.company_id,
        from: request.query.from,
        to: request.query.to,
      });
      return ok({
        from: report.from,
        to: report.to,
        timezone: report.timeZone,
        days: report.days.map((d) => ({ date: d.date, ...counts(d) })),
        totals: {
          ...counts(report.totals),
          base_clients: report.totals.baseClients,
          base_clients_with_app: report.totals.baseClientsWithApp,
        },
      });
    },
  );
}
