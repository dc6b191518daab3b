// One boarding house: facts, safety checks (and recording one), the team, the poster, and the
// landlord's contact revealed only with a logged reason where policy allows it.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../../api';
import { describedBy, errorText, Field, FormError, Loading, toFieldErrors, type FieldErrors } from '../../ui';
import { ht, localDate } from './strings';
import type { House, SafetyCheck, Team } from './types';
import { HouseForm } from './Forms';

const ITEMS = ['fire_extinguisher', 'escape_route', 'smoke_alarm', 'electrical_safe'] as const;

export function HousePage(props: { id: number }) {
  const [house, setHouse] = useState<House | null>(null);
  const [error, setError] = useState('');
  const [teams, setTeams] = useState<Team[] | undefined>(undefined);
  const reload = () => get<House>('/houses/' + props.id).then(setHouse, (e) => setError(errorText(e)));
  useEffect(() => {
    if (house?.can_organise && !teams) get<{ items: Team[] }>('/teams').then((d) => setTeams(d.items), () => setTeams(undefined));
  }, [house?.can_organise]);
  useEffect(() => {
    setHouse(null);
    reload();
  }, [props.id]);
  if (error) return <p class="form-error" role="alert">{error}</p>;
  if (!house) return <Loading />;
  return (
    <div class="house-page" data-house-id={house.id}>
      <p>
        <a href="/officer/housing">{ht('back')}</a>
      </p>
      <h1>{house.name}</h1>
      <div class="case-grid">
        <section class="card">
          <dl class="facts">
            <dt>{ht('address')}</dt>
            <dd>{house.address}</dd>
            <dt>{ht('area')}</dt>
            <dd>{house.area_name ?? house.area_code}</dd>
            <dt>{ht('residents')}</dt>
            <dd>{house.residents}</dd>
            <dt>{ht('rooms')}</dt>
            <dd>{house.rooms}</dd>
            <dt>{ht('team')}</dt>
            <dd>
              {house.team_id ? <a href={'/officer/housing/teams/' + house.team_id}>{house.team_name}</a> : house.needs_team ? ht('needs_team') : ht('no_team')}
            </dd>
            <dt>{ht('landlord')}</dt>
            <dd>{house.landlord_name ?? '—'}</dd>
          </dl>
          <p>
            <a class="poster-link" href={'/api/v1/houses/' + house.id + '/poster'} target="_blank" rel="noopener">
              🖨️ {ht('poster')}
            </a>
          </p>
          {house.can_reveal_landlord && <RevealLandlord id={house.id} />}
          {house.can_edit && (
            <details class="add">
              <summary>{ht('edit')}</summary>
              <HouseForm key={house.updated_at} house={house} teams={house.can_organise ? teams : undefined} onSaved={setHouse} />
            </details>
          )}
        </section>
        <section class="card">
          <h2>{ht('safety')}</h2>
          <Checks checks={house.checks ?? []} />
          {house.can_edit && <CheckForm id={house.id} onSaved={reload} />}
        </section>
      </div>
    </div>
  );
}

function Checks(props: { checks: SafetyCheck[] }) {
  if (!props.checks.length) return <p class="muted">{ht('no_check')}</p>;
  return (
    <table class="table checks">
      <thead>
        <tr>
          <th>{ht('checked_on')}</th>
          {ITEMS.map((k) => (
            <th>{ht(k)}</th>
          ))}
          <th>{ht('notes')}</th>
        </tr>
      </thead>
      <tbody>
        {props.checks.map((c) => (
          <tr>
            <td>{c.checked_on}</td>
            {ITEMS.map((k) => (
              <td>{c[k] ? '✅' : '❌'}</td>
            ))}
            <td>{c.notes ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CheckForm(props: { id: number; onSaved: () => void }) {
  const today = localDate();
  const [date, setDate] = useState(today);
  const [items, setItems] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await post('/houses/' + props.id + '/checks', { checked_on: date, ...items, notes: notes || undefined });
      setErrors({});
      setNotes('');
      props.onSaved();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <form class="check-form" onSubmit={submit} noValidate>
      <h3>{ht('add_check')}</h3>
      <Field id="checked_on" label={ht('checked_on')} error={errors.checked_on}>
        <input id="checked_on" type="date" max={today} value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} {...describedBy('checked_on', errors.checked_on)} />
      </Field>
      {ITEMS.map((k) => (
        <label class="check">
          <input type="checkbox" checked={!!items[k]} onChange={(e) => setItems({ ...items, [k]: (e.target as HTMLInputElement).checked })} /> {ht(k)}
        </label>
      ))}
      <Field id="check-notes" label={ht('notes')} error={errors.notes}>
        <textarea id="check-notes" rows={2} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} />
      </Field>
      <FormError error={errors['']} />
      <button type="submit" class="secondary">
        {ht('save')}
      </button>
    </form>
  );
}

function RevealLandlord(props: { id: number }) {
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await post<{ contact: string }>('/houses/' + props.id + '/reveal-landlord', { reason });
      setContact(r.contact);
      setErrors({});
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  if (contact) return <p class="contact" role="status">📞 {contact}</p>;
  return (
    <form class="reveal" onSubmit={submit} noValidate>
      <Field id="landlord-reason" label={ht('reveal_reason')} error={errors.reason}>
        <input id="landlord-reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} {...describedBy('landlord-reason', errors.reason)} />
      </Field>
      <FormError error={errors['']} />
      <button type="submit" class="secondary">
        {ht('reveal_landlord')}
      </button>
    </form>
  );
}
