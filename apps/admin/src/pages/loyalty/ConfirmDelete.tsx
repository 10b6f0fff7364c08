import type { ReactNode } from 'react';
import { Dialog } from '../../components/dialog';
import { Problem } from '../../components/status';

/** "Delete X?" for the chain's loyalty types and programs, with the server's refusal shown. */
export function ConfirmDelete(props: {
  title: string;
  children: ReactNode;
  refusal: unknown;
  onKeep: () => void;
  onDelete: () => void;
}) {
  return (
    <Dialog title={`Delete ${props.title}?`} onClose={props.onKeep}>
      <p>{props.children}</p>
      {props.refusal ? <Problem error={props.refusal} right="catalog:write" chain /> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onKeep}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={props.onDelete}>
          Yes, delete
        </button>
      </div>
    </Dialog>
  );
}
