import { useApp } from '../context';
import {
  addMonths,
  formatDay,
  formatLength,
  formatMoney,
  formatTime,
  monthGrid,
  monthTitle,
  weekday,
} from '../format';
import type { BookableService, BookableStaff, BookableTime } from '../types';
import { Empty, Icon, initials } from '../ui';

export function ServicesStep(props: {
  services: BookableService[];
  chosen: number[];
  currency: string;
  onChange: (ids: number[]) => void;
}) {
  const { t, prefs } = useApp();
  if (props.services.length === 0) return <Empty>{t('book.no_services')}</Empty>;
  return (
    <fieldset className="choices">
      <legend>{t('book.choose_services')}</legend>
      {props.services.map((s) => {
        const on = props.chosen.includes(s.id);
        const price =
          s.price_min === s.price_max
            ? formatMoney(s.price_min, props.currency, prefs.locale)
            : `${formatMoney(s.price_min, props.currency, prefs.locale)}–${formatMoney(s.price_max, props.currency, prefs.locale)}`;
        return (
          <label key={s.id} className={`choice ${on ? 'on' : ''}`}>
            <input
              type="checkbox"
              checked={on}
              onChange={() =>
                props.onChange(
                  on ? props.chosen.filter((id) => id !== s.id) : [...props.chosen, s.id],
                )
              }
            />
            <span className="grow">
              <span className="choice-title">{s.title}</span>
              <span className="muted small">{formatLength(s.seance_length, prefs.locale)}</span>
            </span>
            <span className="price">{price}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function StaffStep(props: {
  staff: BookableStaff[];
  chosen: number | null;
  onChoose: (id: number) => void;
}) {
  const { t, prefs } = useApp();
  const nearest = (m: BookableStaff) =>
    m.seance_date && m.seances[0]
      ? t('book.nearest', {
          when: `${formatDay(m.seance_date, prefs)} ${formatTime(m.seances[0].time, prefs)}`,
        })
      : '';
  return (
    <fieldset className="choices">
      <legend>{t('book.choose_staff')}</legend>
      <label className={`choice ${props.chosen === 0 ? 'on' : ''}`}>
        <input
          type="radio"
          name="staff"
          checked={props.chosen === 0}
          onChange={() => props.onChoose(0)}
        />
        <span className="avatar" aria-hidden="true">
          <Icon name="user" />
        </span>
        <span className="grow">
          <span className="choice-title">{t('book.any_staff')}</span>
          <span className="muted small">{t('book.any_staff_hint')}</span>
        </span>
      </label>
      {props.staff
        .filter((m) => m.bookable)
        .map((m) => (
          <label key={m.id} className={`choice ${props.chosen === m.id ? 'on' : ''}`}>
            <input
              type="radio"
              name="staff"
              checked={props.chosen === m.id}
              onChange={() => props.onChoose(m.id)}
            />
            <span className="avatar" aria-hidden="true">
              {m.avatar ? <img src={m.avatar} alt="" /> : initials(m.name)}
            </span>
            <span className="grow">
              <span className="choice-title">{m.name}</span>
              <span className="muted small">
                {[m.specialization, nearest(m)].filter(Boolean).join(' · ')}
              </span>
            </span>
          </label>
        ))}
    </fieldset>
  );
}

/** A month of dates; only the bookable ones can be chosen. */
export function DateStep(props: {
  month: string;
  bookable: string[] | undefined;
  chosen: string | null;
  today: string;
  onMonth: (month: string) => void;
  onChoose: (date: string) => void;
}) {
  const { t, prefs } = useApp();
  const cells = monthGrid(props.month);
  const open = new Set(props.bookable ?? []);
  // 2024-01-01 was a Monday: the grid's weekday headings, Monday first.
  const names = [1, 2, 3, 4, 5, 6, 7].map((d) => weekday(`2024-01-0${d}`, prefs.locale));
  const canGoBack = props.month.slice(0, 7) > props.today.slice(0, 7);
  return (
    <div className="calendar">
      <div className="calendar-head">
        <button
          type="button"
          className="icon-button"
          aria-label={t('book.prev_month')}
          disabled={!canGoBack}
          onClick={() => props.onMonth(addMonths(props.month, -1))}
        >
          <Icon name="back" />
        </button>
        <h2 aria-live="polite">{monthTitle(props.month, prefs.locale)}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('book.next_month')}
          onClick={() => props.onMonth(addMonths(props.month, 1))}
        >
          <Icon name="chevron" />
        </button>
      </div>
      <div className="calendar-grid" role="group" aria-label={t('book.choose_date')}>
        {names.map((n, i) => (
          <span key={`h${i}`} className="calendar-dow" aria-hidden="true">
            {n}
          </span>
        ))}
        {cells.map((date, i) =>
          date ? (
            <button
              key={date}
              type="button"
              className={`day ${props.chosen === date ? 'on' : ''}`}
              disabled={!open.has(date)}
              aria-pressed={props.chosen === date}
              onClick={() => props.onChoose(date)}
            >
              {Number(date.slice(8))}
              <span className="visually-hidden">, {formatDay(date, prefs)}</span>
            </button>
          ) : (
            <span key={`e${i}`} aria-hidden="true" />
          ),
        )}
      </div>
      {props.bookable && props.bookable.length === 0 ? <Empty>{t('book.no_dates')}</Empty> : null}
    </div>
  );
}

export function TimeStep(props: {
  times: BookableTime[];
  chosen: string | null;
  onChoose: (time: BookableTime) => void;
}) {
  const { t, prefs } = useApp();
  if (props.times.length === 0) return <Empty>{t('book.no_times')}</Empty>;
  return (
    <div className="times" role="group" aria-label={t('book.choose_time')}>
      {props.times.map((slot) => (
        <button
          key={slot.datetime}
          type="button"
          className={`time ${props.chosen === slot.datetime ? 'on' : ''}`}
          aria-pressed={props.chosen === slot.datetime}
          onClick={() => props.onChoose(slot)}
        >
          {formatTime(slot.time, prefs)}
        </button>
      ))}
    </div>
  );
}
