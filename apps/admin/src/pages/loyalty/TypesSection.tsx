import { useState } from 'react';
import { mediaPath, v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { ConfirmDelete } from './ConfirmDelete';
import { Problem, useLoad } from '../../components/status';
import { useMoney, useSession } from '../../session';
import type { GiftCardType, MembershipType } from '../../types';
import { GiftCardTypeForm } from './GiftCardTypeForm';
import { MembershipTypeForm } from './MembershipTypeForm';
import { TypeImage } from './TypeImage';
import { todayIn } from '../../time';
import { useChainLocations } from './use-chain-catalog';
import { unitName } from './units';

type Kind = 'membership' | 'giftcard';
type AnyType = MembershipType | GiftCardType;
const SEGMENT: Record<Kind, string> = {
  membership: 'abonement_types',
  giftcard: 'certificate_types',
};
const NAMES: Record<Kind, [string, string]> = {
  membership: ['Membership types', 'membership type'],
  giftcard: ['Gift card types', 'gift card type'],
};

/** The chain's membership or gift card types: cards with image, price, issued count, sale switch. */
export function TypesSection(props: { kind: Kind }) {
  const { location, canInChain } = useSession();
  const money = useMoney();
  const base = `/chain/${location.chain_id}/loyalty/${SEGMENT[props.kind]}`;
  const list = useLoad(async () => (await v1.get<AnyType[]>(base)).data, [base]);
  const [editing, setEditing] = useState<AnyType | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AnyType | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [plural, singular] = NAMES[props.kind];
  const canWrite = canInChain('catalog:write');

  async function remove(type: AnyType) {
    setError(null);
    try {
      await v1.del(`${base}/${type.id}`);
      setDeleting(null);
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  const current = editing === 'new' ? null : editing;
  const chain = useChainLocations();
  const where = (ids: number[]) =>
    ids.length
      ? ` · at ${ids.map((id) => chain.find((l) => l.id === id)?.title ?? `location ${id}`).join(', ')}`
      : '';
  const expires = (t: GiftCardType) =>
    t.expiration_type_id === 1 && t.expiration_date
      ? ` · until ${todayIn(location.timezone, new Date(t.expiration_date))}`
      : t.expiration_type_id === 2
        ? ` · ${t.expiration_timeout} ${unitName(t.expiration_timeout_unit_id, t.expiration_timeout ?? 2)}`
        : ' · never expires';
  const describe = (t: AnyType) =>
    'cost' in t
      ? `${money(t.cost)} · ${t.is_united_balance_unlimited ? 'unlimited visits' : `${t.united_balance_services_count} visits`} · ${t.period} ${unitName(t.period_unit_id, t.period)}${where(t.attached_salon_ids)}`
      : `${money(t.balance)} face value · ${t.is_multi ? 'several visits' : 'single use'}${expires(t)}${where(t.salon_ids)}`;
  const onSale = (t: AnyType) =>
    'cost' in t ? t.is_online_sale_enabled : t.online_sale_is_enabled;

  return (
    <section aria-labelledby={`${props.kind}-h`}>
      <div className="page-head">
        <h2 id={`${props.kind}-h`}>{plural}</h2>
        {canWrite ? (
          <button type="button" onClick={() => setEditing('new')}>
            + New {singular}
          </button>
        ) : null}
      </div>
      {list.error ? (
        <Problem error={list.error} right="catalog:read" chain onRetry={list.reload} />
      ) : null}
      {list.data?.length === 0 ? <p className="empty">No {plural.toLowerCase()} yet.</p> : null}
      <ul className="type-cards">
        {list.data?.map((t) => (
          <li key={t.id} className="card type-card">
            {t.image ? (
              <img className="thumb" src={mediaPath(t.image.thumb)} alt="" />
            ) : (
              <div className="thumb placeholder" aria-hidden="true" />
            )}
            <div className="grow">
              <h3>{t.title}</h3>
              <p className="muted">{describe(t)}</p>
              <p>
                {onSale(t) ? <span className="badge app">Sold online</span> : null}{' '}
                <span className="badge">{t.released_total} issued</span>
              </p>
            </div>
            {canWrite ? (
              <div className="type-actions">
                <button type="button" className="secondary" onClick={() => setEditing(t)}>
                  Edit <span className="sr-only">{t.title}</span>
                </button>
                <button type="button" className="danger-outline" onClick={() => setDeleting(t)}>
                  Delete <span className="sr-only">{t.title}</span>
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {editing ? (
        <Dialog
          wide
          title={current ? `Edit ${current.title}` : `New ${singular}`}
          onClose={() => {
            setEditing(null);
            list.reload();
          }}
        >
          {current && current.released_total > 0 ? (
            <p className="notice">
              {current.released_total} already issued:{' '}
              {props.kind === 'membership'
                ? 'issued memberships keep their visits and end date; services, freezing and places follow the change. It can no longer be deleted.'
                : 'the server keeps this type as it was sold; it can no longer be changed or deleted.'}
            </p>
          ) : null}
          {props.kind === 'membership' ? (
            <MembershipTypeForm
              chainId={location.chain_id}
              type={current as MembershipType | null}
              onSaved={(t) => setEditing(t)}
            />
          ) : (
            <GiftCardTypeForm
              chainId={location.chain_id}
              type={current as GiftCardType | null}
              onSaved={(t) => setEditing(t)}
            />
          )}
          {current ? (
            <TypeImage
              path={`${base}/${current.id}/image`}
              image={current.image}
              canWrite={canWrite}
              onChange={(image) => setEditing({ ...current, image })}
            />
          ) : (
            <p className="muted">Create the type first; then you can add its card image.</p>
          )}
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDelete
          title={deleting.title}
          refusal={error}
          onKeep={() => setDeleting(null)}
          onDelete={() => void remove(deleting)}
        >
          The type disappears from the desk and from online sale.
        </ConfirmDelete>
      ) : null}
    </section>
  );
}
