/** The server's message for one field, next to it; `id` is what the field's aria-describedby names. */
export function FieldNote(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p className="field-error" id={props.id} role="alert">
      {props.message}
    </p>
  ) : null;
}

/** `aria-invalid` / `aria-describedby` for a field with the server's message (or without). */
export const invalidProps = (id: string, message: string | undefined) =>
  message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
