import { useState } from 'react';
import type { ReportObject } from '@visita/contracts';
import type { Static } from 'typebox';
import { query, request } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useMoney, useSession } from '../../session';
import { addDays, formatRange, todayIn } from '../../time';
import { BarChart } from './charts';

type Report = Static<typeof ReportObject>;

const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
];

/**
 * The report as CSV, one row per day (what a spreadsheet or an accountant wants). The header says
 * in which zone the days are counted and in which currency the revenue is.
 */
export function reportCsv(report: Report, currency: string): string {
  const header = [
    `date (${report.timezone})`,
    'appointments',
    `revenue (${currency})`,
    'clients',
    'new_clients',
    'returning_clients',
    'clients_with_app',
  ];
  const rows = report.days.map((d) =>
    [
      d.date,
      d.appointments,
      d.revenue.toFixed(2),
      d.clients,
      d.new_clients,
      d.returning_clients,
      d.clients_with_app,
    ].join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}

export function ReportsPage() {
  const { location } = useSession();
  const money = useMoney();
  const today = todayIn(location.timezone);
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(addDays(today, -29));
  const { data, error, reload } = useLoad(
    async () =>
      (
        await request<Report>(
          'GET',
          `/api/admin/v1/locations/${location.id}/reports/summary${query({ from, to })}`,
        )
      ).data,
    [location.id, from, to],
  );

  function download() {
    if (!data) return;
    const url = URL.createObjectURL(
      new Blob([reportCsv(data, location.currency)], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = `visita-report-${location.id}-${data.from}-${data.to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const t = data?.totals;
  const percent = (part: number, whole: number) =>
    whole ? `${Math.round((part / whole) * 100)}%` : '—';
  const dates = data?.days.map((d) => d.date) ?? [];
  return (
    <div>
      <div className="page-head">
        <h1>Reports</h1>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Period">
            {PERIODS.map((p) => (
              <button
                key={p.days}
                type="button"
                aria-pressed={to === today && from === addDays(today, -(p.days - 1))}
                onClick={() => {
                  setTo(today);
                  setFrom(addDays(today, -(p.days - 1)));
                }}
              >
                {p.label}
              </button>
            ))}
          </div>
          <label className="date-input">
            <span className="sr-only">From</span>
            <input
              type="date"
              aria-label="From"
              value={from}
              max={to}
              onChange={(e) => e.target.value && setFrom(e.target.value)}
            />
          </label>
          <label className="date-input">
            <span className="sr-only">To</span>
            <input
              type="date"
              aria-label="To"
              value={to}
              min={from}
              onChange={(e) => e.target.value && setTo(e.target.value)}
            />
          </label>
          <button type="button" className="secondary" disabled={!data} onClick={download}>
            Export CSV
          </button>
        </div>
      </div>
      {data ? <p className="range-title">{formatRange(data.from, data.to)}</p> : null}
      {error ? <Problem error={error} right="reports:read" onRetry={reload} /> : null}
      {data && t ? (
        <>
          <div className="kpis">
            <section className="card stat" aria-label="Appointments">
              <h2>Appointments</h2>
              <p className="big">{t.appointments}</p>
            </section>
            <section className="card stat" aria-label="Revenue">
              <h2>Revenue</h2>
              <p className="big">{money(t.revenue)}</p>
            </section>
            <section className="card stat" aria-label="New clients">
              <h2>New clients</h2>
              <p className="big">{t.new_clients}</p>
              <p className="muted">{t.returning_clients} returning</p>
            </section>
            <section className="card stat" aria-label="App adoption">
              <h2>App adoption</h2>
              <p className="big">{percent(t.clients_with_app, t.clients)}</p>
              <p className="muted">
                of this period’s clients · {percent(t.base_clients_with_app, t.base_clients)} of all{' '}
                {t.base_clients}
              </p>
            </section>
          </div>
          <div className="charts">
            <BarChart
              title="Appointments"
              dates={dates}
              series={[
                {
                  label: 'Appointments',
                  className: 'c-brand',
                  values: data.days.map((d) => d.appointments),
                },
              ]}
            />
            <BarChart
              title="Revenue"
              dates={dates}
              format={money}
              series={[
                { label: 'Revenue', className: 'c-ok', values: data.days.map((d) => d.revenue) },
              ]}
            />
            <BarChart
              title="New vs returning clients"
              dates={dates}
              series={[
                { label: 'New', className: 'c-brand', values: data.days.map((d) => d.new_clients) },
                {
                  label: 'Returning',
                  className: 'c-soft',
                  values: data.days.map((d) => d.returning_clients),
                },
              ]}
            />
            <BarChart
              title="Clients with the app"
              dates={dates}
              series={[
                {
                  label: 'With the app',
                  className: 'c-app',
                  values: data.days.map((d) => d.clients_with_app),
                },
                {
                  label: 'Without',
                  className: 'c-soft',
                  values: data.days.map((d) => d.clients - d.clients_with_app),
                },
              ]}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
