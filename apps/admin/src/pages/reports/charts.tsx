/** Small SVG charts: bars per day, optionally stacked; labels and values readable by screen readers. */
export interface Series {
  label: string;
  className: string;
  values: number[];
}

export function BarChart(props: {
  title: string;
  dates: string[];
  series: Series[];
  format?: (n: number) => string;
}) {
  const width = 640;
  const height = 180;
  const pad = { left: 40, right: 8, top: 10, bottom: 22 };
  const totals = props.dates.map((_, i) =>
    props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
  );
  const max = niceCeiling(Math.max(1, ...totals));
  const step = (width - pad.left - pad.right) / Math.max(1, props.dates.length);
  const bar = Math.max(2, Math.min(28, step * 0.7));
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const format = props.format ?? ((n: number) => String(n));
  const ticks = [0, max / 2, max];
  const labelEvery = Math.ceil(props.dates.length / 10);
  return (
    <figure className="chart">
      <figcaption>
        <span>{props.title}</span>
        {props.series.length > 1 ? (
          <span className="legend">
            {props.series.map((s) => (
              <span key={s.label} className="legend-item">
                <span className={`swatch ${s.className}`} aria-hidden="true" />
                {s.label}
              </span>
            ))}
          </span>
        ) : null}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${props.title} per day`}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {format(Math.round(v))}
            </text>
          </g>
        ))}
        {props.dates.map((date, i) => {
          let base = 0;
          const x = pad.left + i * step + (step - bar) / 2;
          return (
            <g key={date}>
              <title>{`${date}: ${props.series.map((s) => `${s.label} ${format(s.values[i] ?? 0)}`).join(', ')}`}</title>
              {props.series.map((s) => {
                const v = s.values[i] ?? 0;
                const top = y(base + v);
                const rect = (
                  <rect
                    key={s.label}
                    x={x}
                    y={top}
                    width={bar}
                    height={y(base) - top}
                    rx={2}
                    className={s.className}
                  />
                );
                base += v;
                return rect;
              })}
              {i % labelEvery === 0 ? (
                <text x={x + bar / 2} y={height - 6} textAnchor="middle" className="axis">
                  {date.slice(8)}.{date.slice(5, 7)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {/* The same numbers for screen readers: a chart's <title>s are not reliably announced. */}
      <table className="sr-only">
        <caption>{`${props.title} per day`}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {props.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.dates.map((date, i) => (
            <tr key={date}>
              <th scope="row">{date}</th>
              {props.series.map((s) => (
                <td key={s.label}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** 2, 4, 6, 8, 10, 20, 40…: the axis ends on an even round number, so its middle tick stays whole. */
function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [2, 4, 6, 8, 10])
    if (value <= step * magnitude) return Math.max(2, step * magnitude);
  return 10 * magnitude;
}
