// One self-management team: its houses, its roster (phones only for those who manage it) and
// its monthly meetings; logging a meeting can raise an issue, which opens a case.
import { useEffect, useState } from 'preact/hooks';
import { api, get, post, randomKey } from '../../api';
import { statusLabel } from '../../i18n';
import { categoryLabel, describedBy, errorText, Field, FormError, Loading, toFieldErrors, useCategories, type FieldErrors } from '../../ui';
import { ht, localDate } from './strings';
import type { Meeting, Team } from './types';
import { HouseForm } from './Forms';

export function TeamPage(props: { id: number }) {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState('');
  const reload = () => get<Team>('/teams/' + props.id).then(setTeam, (e) => setError(errorText(e)));
  useEffect(() => {
    setTeam(null);
    reload();
  }, [props.id]);
  if (error) return <p class="form-error" role="alert">{error}</p>;
  if (!team) return <Loading />;
  return (
    <div class="team-page" data-team-id={team.id}>
      <p>
        <a href="/officer/housing?tab=teams">{ht('back')}</a>
      </p>
      <h1>{team.name}</h1>
      <dl class="facts">
        <dt>{ht('area')}</dt>
        <dd>{team.area_name ?? team.area_code}</dd>
        <dt>{ht('leader')}</dt>
        <dd>
          {team.leader_name}
          {team.leader_phone ? ' — ' + team.leader_phone : ''}
        </dd>
        <dt>{ht('founded_on')}</dt>
        <dd>{team.founded_on}</dd>
        <dt>{ht('residents')}</dt>
        <dd>{team.residents}</dd>
      </dl>
      <div class="case-grid">
        <section class="card">
          <h2>{ht('meetings')}</h2>
          {team.can_edit && <MeetingForm team={team} onSaved={reload} />}
          <MeetingList meetings={team.meetings ?? []} />
        </section>
        <section class="card">
          <h2>{ht('houses')}</h2>
          <ul class="house-list">
            {(team.house_list ?? []).map((h) => (
              <li>
                <a href={'/officer/housing/houses/' + h.id}>{h.name}</a> — {h.residents} · {h.address}
              </li>
            ))}
          </ul>
          {team.can_edit && (
            <details class="add">
              <summary>{ht('add_house')}</summary>
              <HouseForm teamId={team.id} onSaved={reload} />
            </details>
          )}
          <h2>{ht('roster')}</h2>
          <Roster team={team} onChanged={reload} />
        </section>
      </div>
    </div>
  );
}

function MeetingList(props: { meetings: Meeting[] }) {
  const cats = useCategories();
  if (!props.meetings.length) return <p class="muted">{ht('no_meetings')}</p>;
  return (
    <ol class="meetings">
      {props.meetings.map((m) => (
        <li data-meeting-id={m.id}>
          <strong>{m.held_on}</strong> · {ht('attendance')}: {m.attendance}
          <br />
          {m.topics}
          {m.notes && <div class="muted">{m.notes}</div>}
          {m.cases.length > 0 && (
            <div>
              {ht('cases_raised')}:{' '}
              {m.cases.map((c) => (
                <a class="case-link" data-case-id={c.case_id} href={'/officer/cases/' + c.case_id}>
                  #{c.case_id} {categoryLabel(c.category, cats)} ({statusLabel(c.status)}){' '}
                </a>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function MeetingForm(props: { team: Team; onSaved: () => void }) {
  const cats = useCategories();
  const today = localDate();
  const [heldOn, setHeldOn] = useState(today);
  const [attendance, setAttendance] = useState('');
  const [topics, setTopics] = useState('');
  const [notes, setNotes] = useState('');
  const [issueCategory, setIssueCategory] = useState('dormitory_safety');
  const [issue, setIssue] = useState('');
  const [issueHouse, setIssueHouse] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // One key per filled-in form: a retry after a lost answer never logs the meeting twice.
  const [key, setKey] = useState(randomKey);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = { held_on: heldOn, attendance: Number(attendance), topics, notes: notes || undefined };
    if (attendance.trim() === '' || !/^\d+$/.test(attendance.trim())) {
      setErrors({ attendance: ht('attendance') + '?' });
      return;
    }
    if (issue.trim())
      body.issues = [{ category: issueCategory, description: issue.trim(), boarding_house_id: issueHouse ? Number(issueHouse) : undefined }];
    setBusy(true);
    try {
      await post('/teams/' + props.team.id + '/meetings', body, { 'Idempotency-Key': key });
      setKey(randomKey());
      setErrors({});
      setTopics('');
      setNotes('');
      setIssue('');
      setAttendance('');
      setSaved(true);
      props.onSaved();
    } catch (err) {
      const fe = toFieldErrors(err);
      for (const k of Object.keys(fe)) if (k.startsWith('issues[')) fe.issue = fe[k];
      setErrors(fe);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="meeting-form" onSubmit={submit} noValidate>
      <h3>{ht('new_meeting')}</h3>
      <Field id="held_on" label={ht('held_on')} error={errors.held_on}>
        <input id="held_on" type="date" max={today} value={heldOn} onInput={(e) => setHeldOn((e.target as HTMLInputElement).value)} {...describedBy('held_on', errors.held_on)} />
      </Field>
      <Field id="attendance" label={ht('attendance')} error={errors.attendance}>
        <input id="attendance" inputMode="numeric" value={attendance} onInput={(e) => setAttendance((e.target as HTMLInputElement).value)} {...describedBy('attendance', errors.attendance)} />
      </Field>
      <Field id="topics" label={ht('topics')} error={errors.topics}>
        <textarea id="topics" rows={2} value={topics} onInput={(e) => setTopics((e.target as HTMLTextAreaElement).value)} {...describedBy('topics', errors.topics)} />
      </Field>
      <Field id="notes" label={ht('notes')} error={errors.notes}>
        <textarea id="notes" rows={2} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} {...describedBy('notes', errors.notes)} />
      </Field>
      <fieldset>
        <legend>{ht('issue')}</legend>
        <p class="hint">{ht('issue_hint')}</p>
        <select id="issue-category" aria-label="category" value={issueCategory} onChange={(e) => setIssueCategory((e.target as HTMLSelectElement).value)}>
          {cats.map((c) => (
            <option value={c.code}>{categoryLabel(c.code, cats)}</option>
          ))}
        </select>
        <select id="issue-house" aria-label={ht('issue_house')} value={issueHouse} onChange={(e) => setIssueHouse((e.target as HTMLSelectElement).value)}>
          <option value="">{ht('issue_house')}: —</option>
          {(props.team.house_list ?? []).map((h) => (
            <option value={String(h.id)}>{h.name}</option>
          ))}
        </select>
        <Field id="issue" label={ht('issue_text')} error={errors.issue}>
          <textarea id="issue" rows={3} value={issue} onInput={(e) => setIssue((e.target as HTMLTextAreaElement).value)} {...describedBy('issue', errors.issue)} />
        </Field>
      </fieldset>
      <FormError error={errors['']} />
      {saved && <p role="status" class="ok">{ht('saved')}</p>}
      <button type="submit" class="primary" disabled={busy}>
        {ht('save')}
      </button>
    </form>
  );
}

function Roster(props: { team: Team; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('member');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      await post('/teams/' + props.team.id + '/members', { name, role, phone: phone || undefined });
      setName('');
      setPhone('');
      setErrors({});
      props.onChanged();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await api('DELETE', '/teams/' + props.team.id + '/members/' + id);
      props.onChanged();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <>
      <ul class="roster">
        {(props.team.roster ?? []).map((m) => (
          <li>
            {m.name} · {m.role === 'deputy' ? ht('deputy') : ht('member')}
            {m.phone ? ' · ' + m.phone : ''}
            {m.house_name ? ' · ' + m.house_name : ''}{' '}
            {props.team.can_edit && (
              <button type="button" class="link" onClick={() => remove(m.id)}>
                {ht('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.team.can_edit && (
        <form class="member-form" onSubmit={add} noValidate>
          <h3>{ht('add_member')}</h3>
          <Field id="member-name" label={ht('name')} error={errors.name}>
            <input id="member-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} {...describedBy('member-name', errors.name)} />
          </Field>
          <Field id="member-role" label={ht('role')} error={errors.role}>
            <select id="member-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
              <option value="member">{ht('member')}</option>
              <option value="deputy">{ht('deputy')}</option>
            </select>
          </Field>
          <Field id="member-phone" label={ht('phone')} error={errors.phone}>
            <input id="member-phone" inputMode="tel" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} />
          </Field>
          <FormError error={errors['']} />
          <button type="submit" class="secondary">
            {ht('add_member')}
          </button>
        </form>
      )}
    </>
  );
}
