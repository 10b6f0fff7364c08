import { useState, type FormEvent } from 'react';
import { v1 } from '../../api';
import { Dialog } from '../../components/dialog';
import { fieldError, Problem, useLoad, useAction } from '../../components/status';
import { useMoney, useSession } from '../../session';
import { formatDuration } from '../../time';
import type { Appointment, FreeTime, TeamMember } from '../../types';
import { ClientPicker, type ChosenClient } from './ClientPicker';
import { loadServices } from './data';
import { TimePicker } from './TimePicker';

export interface NewAppointmentPreset {
  date: string;
  staffId?: number;
  minutes?: number;
}

export function NewAppointmentDialog(props: {
  preset: NewAppointmentPreset;
  members: TeamMember[];
  onClose: () => void;
  onCreated: (a: Appointment) => void;
}) {
  const { location } = useSession();
  const money = useMoney();
  const services = useLoad(() => loadServices(location.id), [location.id]);
  const { busy, error, perform } = useAction();
  const [client, setClient] = useState<ChosenClient | null>(null);
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const [staffId, setStaffId] = useState<number | null>(props.preset.staffId ?? null);
  const [date, setDate] = useState(props.preset.date);
  const [time, setTime] = useState<FreeTime | null>(null);
  const [comment, setComment] = useState('');

  const chosen = (services.data ?? []).filter((s) => serviceIds.includes(s.id));
  // Only members who provide every chosen service can be picked.
  const able = props.members.filter((m) =>
    chosen.every((s) => s.staff.some((link) => link.id === m.id)),
  );
  const member = able.find((m) => m.id === staffId) ?? null;

  function toggle(id: number) {
    setServiceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!client || !member || !time) return;
    await perform(async () => {
      const res = await v1.post<Appointment[]>(`/records/${location.id}`, {
        staff_id: member.id,
        services: serviceIds.map((id) => ({ id })),
        client: { phone: client.phone, name: client.name },
        datetime: time.datetime,
        comment,
      });
      props.onCreated(res.data[0]!);
    });
  }

  const missing = !client
    ? 'Choose or enter the client.'
    : chosen.length === 0
      ? 'Choose at least one service.'
      : !member
        ? 'Choose the team member.'
        : !time
          ? 'Choose a free time.'
          : null;

  return (
    <Dialog title="New appointment" onClose={props.onClose} wide>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <ClientPicker value={client} onChange={setClient} />
        {fieldError(error, 'client.phone', 'phone') ? (
          <p className="field-error">{fieldError(error, 'client.phone', 'phone')}</p>
        ) : null}
        <fieldset>
          <legend>Services</legend>
          {services.error ? <Problem error={services.error} right="catalog:read" /> : null}
          <div className="service-list">
            {(services.data ?? []).map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={serviceIds.includes(s.id)}
                  onChange={() => toggle(s.id)}
                />
                <span>{s.title}</span>
                <span className="muted">
                  {formatDuration(s.duration)} · {money(s.price_min)}
                  {s.price_max > s.price_min ? `–${money(s.price_max)}` : ''}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <label>
            Team member
            <select
              value={member?.id ?? ''}
              onChange={(e) => setStaffId(e.target.value ? Number(e.target.value) : null)}
              required
            >
              <option value="">Choose…</option>
              {able.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Date
            <input
              type="date"
              value={date}
              onChange={(e) => e.target.value && setDate(e.target.value)}
              required
            />
          </label>
        </div>
        {member && chosen.length ? (
          <TimePicker
            staffId={member.id}
            date={date}
            serviceIds={serviceIds}
            value={time?.datetime ?? null}
            preferMinutes={
              date === props.preset.date && member.id === props.preset.staffId
                ? props.preset.minutes
                : undefined
            }
            onChange={setTime}
          />
        ) : null}
        <label>
          <span>
            Comment <span className="muted">(optional)</span>
          </span>
          <textarea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={2}
            maxLength={2000}
          />
        </label>
        {error ? <Problem error={error} right="records:write" /> : null}
        <div className="actions">
          {missing ? <span className="muted">{missing}</span> : null}
          <button type="button" className="secondary" onClick={props.onClose}>
            Close
          </button>
          <button type="submit" disabled={busy || missing !== null}>
            {busy ? 'Booking…' : 'Book appointment'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
