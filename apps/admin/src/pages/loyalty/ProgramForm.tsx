import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { fieldError, Problem } from '../../components/status';
import type { CardType, Program } from '../../types';
import { isAccumulative, PROGRAM_TYPES } from './program-kinds';

interface Rule {
  parameter: number;
  value: number;
}

/** A program: what it gives (discount/cashback), how much (rules with thresholds), on which cards. */
export function ProgramForm(props: {
  chainId: number;
  locationId: number;
  cardTypes: CardType[];
  program: Program | null;
  onSaved: () => void;
}) {
  const p = props.program;
  const [title, setTitle] = useState(p?.title ?? '');
  const [type, setType] = useState(p?.type ?? 'discount_static');
  const [unit, setUnit] = useState(p?.value_unit ?? 'percent');
  const [rules, setRules] = useState<Rule[]>(
    p?.rules?.map((r) => ({ parameter: r.parameter, value: r.value })) ?? [
      { parameter: 0, value: 10 },
    ],
  );
  const [cards, setCards] = useState<number[]>(
    p?.loyalty_card_types?.map((c) => c.id) ?? props.cardTypes.map((c) => c.id).slice(0, 1),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const growing = isAccumulative(type);
  const setRule = (i: number, patch: Partial<Rule>) =>
    setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: title.trim(),
      type,
      value_unit: unit,
      company_ids: [props.locationId],
      service_item_type: 'any_allowed',
      good_item_type: 'any_allowed',
      rules: (growing ? rules : rules.slice(0, 1)).map((r) => ({
        parameter: growing ? r.parameter : 0,
        value: r.value,
      })),
      loyalty_card_type_ids: cards,
    };
    const base = `/chain/${props.chainId}/loyalty/programs`;
    try {
      if (p) await v1.put(`${base}/${p.id}`, body);
      else await v1.post(base, body);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void save(e)}>
      <label>
        Program title
        <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="row">
        <label className="grow">
          Kind
          <select value={type} onChange={(e) => setType(e.target.value)}>
            {PROGRAM_TYPES.map(([t, name]) => (
              <option key={t} value={t}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value in
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="percent">percent</option>
            <option value="amount">amount</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{growing ? 'Levels' : 'Value'}</legend>
        {(growing ? rules : rules.slice(0, 1)).map((r, i) => (
          <div className="row" key={i}>
            {growing ? (
              <label>
                From (visits or amount)
                <input
                  type="number"
                  min={0}
                  value={r.parameter}
                  onChange={(e) => setRule(i, { parameter: Number(e.target.value) })}
                  aria-label={`Level ${i + 1}: from`}
                />
              </label>
            ) : null}
            <label>
              {growing ? `Level ${i + 1}: value` : 'Value'}
              <input
                type="number"
                min={0}
                step="0.01"
                value={r.value}
                onChange={(e) => setRule(i, { value: Number(e.target.value) })}
                aria-invalid={fieldError(error, `rules.${i}.value`) ? true : undefined}
              />
            </label>
          </div>
        ))}
        {growing ? (
          <button
            type="button"
            className="link"
            onClick={() => setRules([...rules, { parameter: 0, value: 0 }])}
          >
            + Add a level
          </button>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>On loyalty cards of type</legend>
        {props.cardTypes.length === 0 ? (
          <p className="muted">No card types yet: add one under Loyalty cards first.</p>
        ) : null}
        {props.cardTypes.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={cards.includes(c.id)}
              onChange={(e) =>
                setCards(e.target.checked ? [...cards, c.id] : cards.filter((x) => x !== c.id))
              }
            />
            {c.title}
          </label>
        ))}
      </fieldset>
      {error ? <Problem error={error} right="catalog:write" chain /> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {p ? 'Save program' : 'Create program'}
        </button>
      </div>
    </form>
  );
}
