import { useId } from 'react';
import { FieldNote, invalidProps } from './FieldNote';

/** A program's message: its own text (`{type: 'custom', body}`), or the location's template. */
export interface TemplateValue {
  custom: boolean;
  body: string;
  /** A non-custom template type the program had (e.g. `big`), kept when not replaced. */
  keptType: string | null;
}

const PLACEHOLDERS = '{client} {location} {discount} {amount} {date} {link}';

function TemplateField(props: {
  label: string;
  value: TemplateValue;
  onChange: (next: TemplateValue) => void;
  error?: string;
}) {
  const note = useId();
  const field = useId();
  const v = props.value;
  return (
    <div className="stack">
      <label className="check">
        <input
          type="checkbox"
          checked={v.custom}
          onChange={(e) => props.onChange({ ...v, custom: e.target.checked })}
        />
        {props.label}: own text
      </label>
      {v.custom ? (
        <>
          {/* A label of its own (not wrapping): the field's name stays the label, not its text. */}
          <label htmlFor={field}>{props.label}</label>
          <textarea
            id={field}
            rows={2}
            maxLength={2000}
            required
            value={v.body}
            onChange={(e) => props.onChange({ ...v, body: e.target.value })}
            {...invalidProps(note, props.error)}
          />
        </>
      ) : (
        <small className="muted">Uses the location’s template (Notifications).</small>
      )}
      <FieldNote id={note} message={v.custom ? props.error : undefined} />
    </div>
  );
}

/** The two messages of a program: when the card's discount or bonus changes, and before expiry. */
export function ProgramTemplates(props: {
  changed: TemplateValue;
  expiring: TemplateValue;
  onChange: (patch: { changed?: TemplateValue; expiring?: TemplateValue }) => void;
  error: (field: string) => string | undefined;
}) {
  return (
    <fieldset>
      <legend>Messages to the client</legend>
      <small className="muted">Placeholders: {PLACEHOLDERS}</small>
      <TemplateField
        label="When the discount or bonus changes"
        value={props.changed}
        onChange={(changed) => props.onChange({ changed })}
        error={props.error('on_changed_notification_template.body')}
      />
      <TemplateField
        label="Before it expires"
        value={props.expiring}
        onChange={(expiring) => props.onChange({ expiring })}
        error={props.error('on_expiration_notification_template.body')}
      />
    </fieldset>
  );
}

export const templateOf = (
  t: { type: string; body: string } | null | undefined,
): TemplateValue => ({
  custom: t?.type === 'custom',
  body: t?.type === 'custom' ? t.body : '',
  keptType: t && t.type !== 'custom' ? t.type : null,
});

export const templateBody = (v: TemplateValue) =>
  v.custom ? { type: 'custom', body: v.body } : v.keptType ? { type: v.keptType } : null;
