import { useState } from 'react';
import { v1 } from '../../api';
import { Problem, useLoad } from '../../components/status';
import { useMoney, useSession } from '../../session';
import type { Membership } from '../../types';
import { loadChainInstruments, validity } from './instruments';
import { SellDialog, type SellKind } from './SellDialog';

/** The client's memberships (freeze/unfreeze), gift cards and loyalty cards; selling at the desk. */
export function ClientLoyalty(props: { phone: string }) {
  const { location, can } = useSession();
  const money = useMoney();
  const data = useLoad(
    () => loadChainInstruments(location.id, props.phone),
    [location.id, props.phone],
  );
  const [selling, setSelling] = useState<SellKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [freezeDays, setFreezeDays] = useState<Record<number, number>>({});
  const writable = can('clients:write');

  async function freeze(m: Membership, on: boolean) {
    setError(null);
    try {
      const base = `/chain/${location.chain_id}/loyalty/abonements/${m.id}`;
      if (on) await v1.post(`${base}/freeze`, { freeze_days: freezeDays[m.id] ?? 7 });
      else await v1.post(`${base}/unfreeze`, {});
      setNotice(on ? `Membership №${m.number} frozen.` : `Membership №${m.number} unfrozen.`);
      data.reload();
    } catch (e) {
      setError(e);
    }
  }

  const d = data.data;
  const where = (salonIds: number[]) => {
    const v = validity(salonIds, location.id, d?.locations ?? []);
    return <span className={v.here ? 'validity muted' : 'validity badge waiting'}>{v.text}</span>;
  };
  const sellButton = (kind: SellKind, label: string) =>
    writable ? (
      <button type="button" className="secondary" onClick={() => setSelling(kind)}>
        {label}
      </button>
    ) : null;

  return (
    <section aria-labelledby="loyalty-h" className="client-loyalty">
      <h2 id="loyalty-h">Loyalty</h2>
      {data.error ? (
        <Problem error={data.error} right="clients:read" onRetry={data.reload} />
      ) : null}
      {error ? <Problem error={error} right="clients:write" /> : null}
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {d ? (
        <div className="cards three">
          <section className="card" aria-labelledby="memberships-h">
            <div className="page-head">
              <h3 id="memberships-h">Memberships</h3>
              {sellButton('membership', 'Sell membership')}
            </div>
            {d.memberships.length === 0 ? <p className="muted">None.</p> : null}
            <ul className="instrument-list">
              {d.memberships.map((m) => (
                <li key={m.id}>
                  <strong>{m.type.title}</strong> №{m.number}
                  <br />
                  {m.balance === null ? 'Unlimited visits' : `${m.balance} visits left`} · until{' '}
                  {m.expiration_date.slice(0, 10)}
                  <br />
                  {where(m.salon_ids)}
                  {m.is_frozen ? (
                    <span className="badge waiting">
                      {' '}
                      Frozen until {m.frozen_until?.slice(0, 10)}
                    </span>
                  ) : null}
                  {writable && m.type.allow_freeze ? (
                    m.is_frozen ? (
                      <button type="button" className="link" onClick={() => void freeze(m, false)}>
                        Unfreeze
                      </button>
                    ) : m.freeze_period > 0 ? (
                      <span className="row freeze">
                        <label>
                          Days to freeze ({m.freeze_period} left)
                          <input
                            type="number"
                            min={1}
                            max={m.freeze_period}
                            value={freezeDays[m.id] ?? Math.min(7, m.freeze_period)}
                            onChange={(e) =>
                              setFreezeDays({ ...freezeDays, [m.id]: Number(e.target.value) })
                            }
                          />
                        </label>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => void freeze(m, true)}
                        >
                          Freeze
                        </button>
                      </span>
                    ) : null
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="giftcards-h">
            <div className="page-head">
              <h3 id="giftcards-h">Gift cards</h3>
              {sellButton('giftcard', 'Sell gift card')}
            </div>
            {d.giftCards.length === 0 ? <p className="muted">None.</p> : null}
            <ul className="instrument-list">
              {d.giftCards.map((g) => (
                <li key={g.id}>
                  <strong>{g.type.title}</strong> №{g.number}
                  <br />
                  {money(g.balance)} of {money(g.default_balance)} left
                  {g.expiration_date ? ` · until ${g.expiration_date.slice(0, 10)}` : ''}
                  <br />
                  {where(g.salon_ids)}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="cards-h">
            <div className="page-head">
              <h3 id="cards-h">Loyalty cards</h3>
              {sellButton('card', 'Issue card')}
            </div>
            {d.cards.length === 0 ? <p className="muted">None.</p> : null}
            <ul className="instrument-list">
              {d.cards.map((c) => (
                <li key={c.id}>
                  <strong>{c.type.title}</strong> №{c.number}
                  <br />
                  Bonus {money(c.balance)} · discount {c.discount}% · {c.visits_count} visits
                  <br />
                  {where(c.salon_ids)}
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
      {selling ? (
        <SellDialog
          kind={selling}
          phone={props.phone}
          onClose={() => setSelling(null)}
          onSold={(message) => {
            setSelling(null);
            setNotice(message);
            data.reload();
          }}
        />
      ) : null}
    </section>
  );
}
