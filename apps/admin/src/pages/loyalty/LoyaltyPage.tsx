import { useState } from 'react';
import { v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useSession } from '../../session';
import type { CardType } from '../../types';
import { CardTypesSection } from './CardTypesSection';
import { ProgramsSection } from './ProgramsSection';
import { TypesSection } from './TypesSection';

const TABS = [
  ['memberships', 'Memberships'],
  ['giftcards', 'Gift cards'],
  ['programs', 'Loyalty cards and programs'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The chain's loyalty offer: membership and gift card types, card types and programs. */
export function LoyaltyPage() {
  const { location } = useSession();
  const [tab, setTab] = useState<Tab>('memberships');
  const cardTypes = useLoad(
    async () => (await v1.get<CardType[]>(`/chain/${location.chain_id}/loyalty/card_types`)).data,
    [location.chain_id],
  );
  return (
    <div>
      <div className="page-head">
        <h1>Loyalty</h1>
        <span className="muted">for the whole chain: {location.chain_title}</span>
      </div>
      <div className="segmented tabs" role="group" aria-label="Loyalty area">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" aria-pressed={tab === id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'memberships' ? <TypesSection kind="membership" /> : null}
      {tab === 'giftcards' ? <TypesSection kind="giftcard" /> : null}
      {tab === 'programs' ? (
        <>
          {cardTypes.error ? <Problem error={cardTypes.error} right="catalog:read" chain /> : null}
          <CardTypesSection types={cardTypes.data} onChange={cardTypes.reload} />
          <ProgramsSection cardTypes={cardTypes.data ?? []} />
        </>
      ) : null}
    </div>
  );
}
