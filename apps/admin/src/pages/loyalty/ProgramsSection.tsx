import { useState } from 'react';
import { query, v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { ConfirmDelete } from './ConfirmDelete';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { CardType, Program } from '../../types';
import { EXPIRY_UNITS } from './ProgramExpiry';
import { PROGRAM_INCLUDE, ProgramForm } from './ProgramForm';
import { programTypeName } from './program-kinds';

const where = (p: Program) =>
  [
    p.company_ids.length ? (p.companies ?? []).map((c) => c.title).join(', ') : 'every location',
    p.service_item_type === 'custom_allowed'
      ? (p.applicable_items ?? []).map((i) => i.title).join(', ')
      : p.service_item_type === 'not_allowed'
        ? 'no services'
        : 'every service',
  ].join(' · ');

const expiry = (p: Program) =>
  p.expiration_timeout > 0
    ? `${p.expiration_timeout} ${EXPIRY_UNITS.find(([u]) => u === p.expiration_timeout_unit)?.[1] ?? ''}${p.expiration_notification_timeout ? `, warned ${p.expiration_notification_timeout} days before` : ''}`
    : 'never';

export function ProgramsSection(props: { cardTypes: CardType[] }) {
  const { location, canInChain } = useSession();
  const base = `/chain/${location.chain_id}/loyalty/programs`;
  const list = useLoad(
    () => v1.bare<Program[]>(`${base}${query({ include: PROGRAM_INCLUDE })}`),
    [base],
  );
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Program | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canWrite = canInChain('catalog:write');
  const editable = canWrite;

  const programs = list.data ?? [];
  async function remove(p: Program) {
    try {
      await v1.del(`${base}/${p.id}`);
      setDeleting(null);
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="programs-h">
      <div className="page-head">
        <h2 id="programs-h">Loyalty programs</h2>
        {canWrite ? (
          <button type="button" onClick={() => setEditing('new')}>
            + New program
          </button>
        ) : null}
      </div>
      {list.error ? (
        <Problem error={list.error} right="catalog:read" chain onRetry={list.reload} />
      ) : null}
      {list.data && programs.length === 0 ? <p className="empty">No programs yet.</p> : null}
      {programs.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">Cards</th>
              <th scope="col">Where</th>
              <th scope="col">Expiry</th>
              {editable ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {programs.map((p) => (
              <tr key={p.id}>
                <td>{p.title}</td>
                <td>{programTypeName(p.type)}</td>
                <td>
                  {(p.rules ?? [])
                    .map(
                      (r) =>
                        `${r.parameter ? `from ${r.parameter}: ` : ''}${r.value}${p.value_unit === 'percent' ? '%' : ''}`,
                    )
                    .join(', ')}
                </td>
                <td>{(p.loyalty_card_types ?? []).map((c) => c.title).join(', ') || '—'}</td>
                <td>{where(p)}</td>
                <td>{expiry(p)}</td>
                {editable ? (
                  <td className="row-actions">
                    <button type="button" className="link" onClick={() => setEditing(p)}>
                      Edit <span className="sr-only">{p.title}</span>
                    </button>
                    <button
                      type="button"
                      className="link danger-text"
                      onClick={() => setDeleting(p)}
                    >
                      Delete <span className="sr-only">{p.title}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <Dialog
          wide
          title={editing === 'new' ? 'New loyalty program' : `Edit ${editing.title}`}
          onClose={() => setEditing(null)}
        >
          <ProgramForm
            chainId={location.chain_id}
            locationId={location.id}
            cardTypes={props.cardTypes}
            program={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              list.reload();
            }}
          />
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDelete
          title={deleting.title}
          refusal={error}
          onKeep={() => setDeleting(null)}
          onDelete={() => void remove(deleting)}
        >
          Cards keep what they earned; the program no longer applies to future visits.
        </ConfirmDelete>
      ) : null}
    </section>
  );
}
