import { useId, type InputHTMLAttributes } from 'react';
import type { ApiError } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(props: {
  label: string;
  hint?: string;
  error?: string | undefined;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        {...props.input}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <small id={`${id}-hint`} className="muted">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={`${id}-error`} className="field-error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}

/** The error of a request that no field shows. */
export function FormError(props: { error: ApiError | null; skipFields?: string[] }) {
  const { error } = props;
  const { t } = useApp();
  if (!error) return null;
  const shownByField = Object.keys(error.fields).some((f) => props.skipFields?.includes(f));
  if (shownByField) return null;
  return (
    <p className="form-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
