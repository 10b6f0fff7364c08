import type { NotificationType } from '../../types';

const UNITS: Record<string, string> = {
  hours_before_visit: 'hours before the visit',
  days_after_visit: 'days after the visit',
  hours_after_visit: 'hours after the visit',
  local_send_hour: 'o’clock (local time)',
  days_before_expiry: 'days before it expires',
};

/** One of the 13 types: on/off, its template and, for scheduled ones, when it is sent. */
export function NotificationTypeCard(props: {
  value: NotificationType;
  onChange: (next: NotificationType) => void;
  templateError?: string;
  timingError?: string;
  placeholders: string[];
}) {
  const t = props.value;
  const id = `type-${t.type}`;
  const range = t.timing_range;
  const set = (patch: Partial<NotificationType>) => props.onChange({ ...t, ...patch });
  return (
    <section className={`card notification-type${t.enabled ? '' : ' off'}`} aria-labelledby={id}>
      <div className="type-head">
        <h2 id={id}>
          <span className="type-no">{t.type}</span> {t.title}
        </h2>
        <label className="check switch">
          <input
            type="checkbox"
            role="switch"
            checked={t.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
            aria-label={`${t.title}: on`}
          />
          {t.enabled ? 'On' : 'Off'}
        </label>
      </div>
      <label>
        Template
        <textarea
          rows={2}
          maxLength={2000}
          value={t.template}
          onChange={(e) => set({ template: e.target.value })}
          aria-label={`${t.title}: template`}
          aria-invalid={props.templateError ? true : undefined}
          aria-describedby={`${id}-template-help`}
        />
        <small
          id={`${id}-template-help`}
          className={props.templateError ? 'field-error' : undefined}
        >
          {props.templateError ??
            `Placeholders: ${props.placeholders.map((p) => `{${p}}`).join(' ')}`}
        </small>
      </label>
      {range && t.timing_unit ? (
        <label className="inline-field">
          <span>Send</span>
          <input
            type="number"
            min={range[0]}
            max={range[1]}
            required
            value={t.timing ?? ''}
            onChange={(e) => set({ timing: e.target.value === '' ? null : Number(e.target.value) })}
            aria-label={`${t.title}: timing (${UNITS[t.timing_unit] ?? t.timing_unit})`}
            aria-invalid={props.timingError ? true : undefined}
            aria-describedby={`${id}-timing-help`}
          />
          <span>{UNITS[t.timing_unit] ?? t.timing_unit}</span>
          <small id={`${id}-timing-help`} className={props.timingError ? 'field-error' : undefined}>
            {props.timingError ?? `From ${range[0]} to ${range[1]}.`}
          </small>
        </label>
      ) : null}
    </section>
  );
}
