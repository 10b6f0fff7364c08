import { useEffect, useState } from 'react';
import { v1 } from '../../api';
import { Problem } from '../../components/status';
import { useSession } from '../../session';
import type { ClientHit } from '../../types';

export interface ChosenClient {
  id?: number;
  name: string;
  phone: string;
}

/** Find the client by name or phone, or enter a new one (the server finds or creates by phone). */
export function ClientPicker(props: {
  value: ChosenClient | null;
  onChange: (c: ChosenClient | null) => void;
}) {
  const { location } = useSession();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<ClientHit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isNew, setIsNew] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');

  useEffect(() => {
    if (isNew || text.trim().length < 2) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      v1.post<ClientHit[]>(`/company/${location.id}/clients/search`, {
        page_size: 6,
        fields: ['id', 'name', 'surname', 'phone', 'has_app', 'visits_count'],
        filters: [{ type: 'quick_search', state: { value: text.trim() } }],
      }).then(
        (res) => {
          setHits(res.data);
          setError(null);
        },
        (e: unknown) => setError(e),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text, isNew, location.id]);

  useEffect(() => {
    if (isNew)
      props.onChange(
        name.trim() && phone.trim() ? { name: name.trim(), phone: phone.trim() } : null,
      );
  }, [isNew, name, phone]);

  if (props.value?.id)
    return (
      <div className="chosen">
        <span>
          <strong>{props.value.name}</strong> <span className="muted">{props.value.phone}</span>
        </span>
        <button type="button" className="link" onClick={() => props.onChange(null)}>
          Change client
        </button>
      </div>
    );

  return (
    <fieldset className="client-picker">
      <legend>Client</legend>
      {isNew ? (
        <div className="row">
          <label>
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoComplete="off"
            />
          </label>
          <label>
            Phone
            <input
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              required
              inputMode="tel"
              placeholder="+49 151 …"
              autoComplete="off"
            />
          </label>
        </div>
      ) : (
        <>
          <label>
            Find by name or phone
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="e.g. Clara or 0151"
              autoComplete="off"
            />
          </label>
          {error ? <Problem error={error} right="clients:read" /> : null}
          {hits.length ? (
            <ul className="hits" aria-label="Matching clients">
              {hits.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    className="hit"
                    onClick={() =>
                      props.onChange({
                        id: h.id!,
                        name: [h.name, h.surname].filter(Boolean).join(' '),
                        phone: h.phone ?? '',
                      })
                    }
                  >
                    <span>{[h.name, h.surname].filter(Boolean).join(' ')}</span>
                    <span className="muted">{h.phone}</span>
                    {h.has_app ? <span className="badge app">App</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : text.trim().length >= 2 ? (
            <p className="muted">No client matches “{text}”.</p>
          ) : null}
        </>
      )}
      <button type="button" className="link" onClick={() => setIsNew(!isNew)}>
        {isNew ? 'Search existing clients instead' : '+ New client'}
      </button>
    </fieldset>
  );
}
