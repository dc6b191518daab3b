// Forms to register or change a boarding house and to set up a team. The API decides who may
// do what (a team leader's houses join their team; teams are set up by officers).
import { useState } from 'preact/hooks';
import { api, post } from '../../api';
import { AreaPicker, describedBy, Field, FormError, toFieldErrors, type AreaValue, type FieldErrors } from '../../ui';
import { ht, localDate } from './strings';
import type { House, Team } from './types';

function num(v: string): number | undefined {
  return v.trim() === '' ? undefined : Number(v);
}

// Create (no `house`) or change a house. `teams` lists the teams it may be assigned to.
export function HouseForm(props: { house?: House; teamId?: number; teams?: Team[]; onSaved: (h: House) => void }) {
  const h = props.house;
  const [name, setName] = useState(h?.name ?? '');
  const [address, setAddress] = useState(h?.address ?? '');
  const [area, setArea] = useState<AreaValue>({ province: '', commune: '' });
  const [residents, setResidents] = useState(h ? String(h.residents) : '');
  const [rooms, setRooms] = useState(h ? String(h.rooms) : '');
  const [landlord, setLandlord] = useState(h?.landlord_name ?? '');
  const [contact, setContact] = useState('');
  const [team, setTeam] = useState(h?.team_id ? String(h.team_id) : props.teamId ? String(props.teamId) : '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      name: name.trim() || undefined,
      address: address.trim() || undefined,
      residents: num(residents),
      rooms: num(rooms),
      landlord_name: landlord.trim() || undefined,
      landlord_contact: contact.trim() || undefined,
    };
    if (area.province) body.area_code = area.commune || area.province;
    if (area.lat != null && area.lon != null) {
      body.lat = +area.lat.toFixed(5);
      body.lon = +area.lon.toFixed(5);
    }
    const original = h?.team_id ? String(h.team_id) : '';
    if (!h) {
      if (team) body.team_id = Number(team);
    } else if (props.teams && team !== original) body.team_id = team ? Number(team) : null;
    setBusy(true);
    try {
      const saved = h ? await api<House>('PATCH', '/houses/' + h.id, { body }) : await post<House>('/houses', body);
      setErrors({});
      setContact('');
      props.onSaved(saved);
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const input = (id: string, value: string, set: (v: string) => void, field: string, extra: Record<string, string> = {}) => (
    <input id={id} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} {...extra} {...describedBy(id, errors[field])} />
  );
  return (
    <form class="house-form" onSubmit={submit} noValidate>
      <Field id="house-name" label={ht('name')} error={errors.name}>
        {input('house-name', name, setName, 'name')}
      </Field>
      <Field id="house-address" label={ht('address')} error={errors.address}>
        {input('house-address', address, setAddress, 'address')}
      </Field>
      {h && <p class="hint">{ht('area_keep')}</p>}
      <AreaPicker value={area} onChange={setArea} idPrefix="house-area" error={errors.area_code || errors.lat || errors.lon} />
      <Field id="house-residents" label={ht('residents')} error={errors.residents}>
        {input('house-residents', residents, setResidents, 'residents', { inputMode: 'numeric' })}
      </Field>
      <Field id="house-rooms" label={ht('rooms')} error={errors.rooms}>
        {input('house-rooms', rooms, setRooms, 'rooms', { inputMode: 'numeric' })}
      </Field>
      <Field id="house-landlord" label={ht('landlord')} error={errors.landlord_name}>
        {input('house-landlord', landlord, setLandlord, 'landlord_name')}
      </Field>
      <Field id="house-contact" label={ht('landlord_contact')} hint={ht('landlord_contact_hint')} error={errors.landlord_contact}>
        {input('house-contact', contact, setContact, 'landlord_contact', { inputMode: 'tel' })}
      </Field>
      {props.teams && (
        <Field id="house-team" label={ht('team')} error={errors.team_id}>
          <select id="house-team" value={team} onChange={(e) => setTeam((e.target as HTMLSelectElement).value)}>
            <option value="">{ht('no_team')}</option>
            {props.teams.map((t) => (
              <option value={String(t.id)}>{t.name}</option>
            ))}
          </select>
        </Field>
      )}
      <FormError error={errors['']} />
      <button type="submit" class="primary" disabled={busy}>
        {ht('save')}
      </button>
    </form>
  );
}

export function TeamForm(props: { onSaved: (t: Team) => void }) {
  const [name, setName] = useState('');
  const [area, setArea] = useState<AreaValue>({ province: '', commune: '' });
  const [leader, setLeader] = useState('');
  const [phone, setPhone] = useState('');
  const [founded, setFounded] = useState(localDate());
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const t = await post<Team>('/teams', {
        name: name.trim() || undefined,
        area_code: area.commune || area.province || undefined,
        leader_name: leader.trim() || undefined,
        leader_phone: phone.trim() || undefined,
        founded_on: founded || undefined,
      });
      setErrors({});
      props.onSaved(t);
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <form class="team-form" onSubmit={submit} noValidate>
      <Field id="team-name" label={ht('name')} error={errors.name}>
        <input id="team-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} {...describedBy('team-name', errors.name)} />
      </Field>
      <AreaPicker value={area} onChange={setArea} idPrefix="team-area" allowLocation={false} error={errors.area_code} />
      <Field id="team-leader" label={ht('leader')} error={errors.leader_name}>
        <input id="team-leader" value={leader} onInput={(e) => setLeader((e.target as HTMLInputElement).value)} {...describedBy('team-leader', errors.leader_name)} />
      </Field>
      <Field id="team-phone" label={ht('leader_phone')} hint={ht('leader_phone_hint')} error={errors.leader_phone}>
        <input id="team-phone" inputMode="tel" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} {...describedBy('team-phone', errors.leader_phone, true)} />
      </Field>
      <Field id="team-founded" label={ht('founded_on')} error={errors.founded_on}>
        <input id="team-founded" type="date" max={localDate()} value={founded} onInput={(e) => setFounded((e.target as HTMLInputElement).value)} />
      </Field>
      <FormError error={errors['']} />
      <button type="submit" class="primary">
        {ht('save')}
      </button>
    </form>
  );
}
