// One case: facts, history, status transitions, messages to the reporter, and reveal-contact
// with a reason where the policy allows it (the case says so in can_reveal_contact).
import { useEffect, useState } from 'preact/hooks';
import { post, get, type Answer, type CaseDetail, type CaseEvent, type Deadline } from '../api';
import { answerStatusLabel, channelLabel, eventLabel, formatDate, overdueText, priorityLabel, statusLabel, t } from '../i18n';
import { categoryLabel, describedBy, errorText, Field, FormError, Loading, toFieldErrors, useCategories, type FieldErrors } from '../ui';
import { Links, Photos, Referrals } from './CaseCoordination';

export function CasePage(props: { id: number }) {
  const cats = useCategories();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState('');
  const reload = () =>
    get<CaseDetail>('/cases/' + props.id).then(
      (d) => setCase(d),
      (e) => setError(errorText(e)),
    );
  useEffect(() => {
    setCase(null);
    setError('');
    reload();
  }, [props.id]);

  if (error) return <p class="form-error" role="alert">{error}</p>;
  if (!c) return <Loading />;
  return (
    <div class="case-page">
      <p>
        <a href="/officer">{t('back_inbox')}</a>
      </p>
      <h1>
        {t('case')} #{c.id} · {categoryLabel(c.category, cats)}{' '}
        <span class={'status status-' + c.status} data-status={c.status}>
          {statusLabel(c.status)}
        </span>
        {c.overdue && <span class="badge overdue-badge">⏰ {t('overdue')}</span>}
        {(c.escalation_level ?? 0) > 0 && (
          <span class="badge escalated-badge" data-level={c.escalation_level}>
            ⬆ {t('escalated')} ×{c.escalation_level}
          </span>
        )}
      </h1>
      <div class="case-grid">
        <section class="card">
          <p class="description">{c.description}</p>
          <dl class="facts">
            <dt>{t('area')}</dt>
            <dd>{c.area_name ?? c.area_code}</dd>
            {c.enterprise_name && (
              <>
                <dt>{t('enterprise_name')}</dt>
                <dd>{c.enterprise_name}</dd>
              </>
            )}
            <dt>{t('org')}</dt>
            <dd>{c.org_name}</dd>
            {c.priority != null && (
              <>
                <dt>{t('priority')}</dt>
                <dd>{priorityLabel(c.priority)}</dd>
              </>
            )}
            <dt>{t('created')}</dt>
            <dd>{formatDate(c.created_at)}</dd>
            {(c.deadlines ?? []).map((d) => (
              <DeadlineFact d={d} />
            ))}
            {c.incident_at && (
              <>
                <dt>{t('incident_time')}</dt>
                <dd>{formatDate(c.incident_at)}</dd>
              </>
            )}
            {c.channel && (
              <>
                <dt>{t('channel')}</dt>
                <dd>{channelLabel(c.channel)}</dd>
              </>
            )}
            {c.lat != null && c.lon != null && (
              <>
                <dt>{t('coordinates')}</dt>
                <dd>
                  {c.lat.toFixed(4)}, {c.lon.toFixed(4)}
                </dd>
              </>
            )}
          </dl>
          <h2>{t('history')}</h2>
          <History events={c.history ?? []} />
        </section>
        <aside class="case-actions">
          <Transitions c={c} onDone={setCase} />
          {c.can_message && <MessageReporter id={c.id} onDone={reload} />}
          {(c.can_answer || c.enterprise_name) && <Answers caseId={c.id} onChange={reload} />}
          {c.can_reveal_contact && <RevealContact id={c.id} hasContact={c.has_contact} />}
          <Photos caseId={c.id} canAdd={!!c.can_message} />
          {(c.allowed_transitions?.length ?? 0) > 0 || c.can_message ? <Referrals caseId={c.id} onChange={reload} /> : null}
          <Links caseId={c.id} />
        </aside>
      </div>
    </div>
  );
}

// Which deadline is missed and by how much: "Hạn tiếp nhận 12/11/2025 08:00 — Quá hạn 36 giờ".
function DeadlineFact(props: { d: Deadline }) {
  const d = props.d;
  return (
    <>
      <dt>{t(d.kind === 'acknowledge' ? 'deadline_acknowledge' : 'deadline_resolve')}</dt>
      <dd class={d.missed ? 'overdue' : undefined} data-deadline={d.kind} data-missed={d.missed ? d.overdue_hours ?? 0 : undefined}>
        {formatDate(d.due_at)}
        {d.done ? ` · ${t('deadline_met')}` : ''}
        {d.missed && d.overdue_hours != null && <strong class="overdue-text"> — {overdueText(d.overdue_hours)}</strong>}
      </dd>
    </>
  );
}

// Some event bodies carry codes written by the server ("normal → urgent", "duplicate #12"):
// shown with their labels.
function eventBody(e: CaseEvent): string {
  const body = e.body ?? '';
  const prio = e.kind === 'priority' && /^([a-z]+) → ([a-z]+)$/.exec(body);
  if (prio) return `${priorityLabel(prio[1])} → ${priorityLabel(prio[2])}`;
  const link = e.kind === 'link' && /^(duplicate|related) (#\d+)$/.exec(body);
  if (link) return `${t(link[1] === 'duplicate' ? 'link_duplicate' : 'link_related')} ${link[2]}`;
  return body;
}

function History(props: { events: CaseEvent[] }) {
  return (
    <ol class="timeline">
      {props.events.map((e) => (
        <li class={'event event-' + e.kind}>
          <time>{formatDate(e.at)}</time> · <strong>{e.actor_name || (e.actor_kind ? eventLabel(e.actor_kind) : '')}</strong>
          {e.actor_org_name ? ` (${e.actor_org_name}${e.relayed_by_org_name ? ` — ${t('relayed_by')} ${e.relayed_by_org_name}` : ''})` : ''}{' '}
          {e.to_status ? (
            <span>
              {e.from_status ? statusLabel(e.from_status) + ' → ' : ''}
              {statusLabel(e.to_status)}
            </span>
          ) : (
            <span class="muted">{eventLabel(e.kind)}</span>
          )}
          {e.body && <p class="event-body">{eventBody(e)}</p>}
          {e.visible_to_reporter && <span class="tag">{t('visible_to_reporter')}</span>}
        </li>
      ))}
    </ol>
  );
}

function Transitions(props: { c: CaseDetail; onDone: (c: CaseDetail) => void }) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const go = async (to: string) => {
    setBusy(true);
    try {
      const updated = await post<CaseDetail>(`/cases/${props.c.id}/transition`, note.trim() ? { to, note: note.trim() } : { to });
      setNote('');
      setErrors({});
      // The answer is the case; fetch it again if the server answered with less.
      props.onDone(updated?.history ? updated : await get<CaseDetail>('/cases/' + props.c.id));
    } catch (e) {
      setErrors(toFieldErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const allowed = props.c.allowed_transitions ?? [];
  return (
    <section class="card transitions">
      <h2>{t('transitions')}</h2>
      {allowed.length === 0 ? (
        <p class="muted">{t('no_transitions')}</p>
      ) : (
        <>
          <Field id="note" label={allowed.includes('rejected') ? t('note_reject') : t('note')} error={errors.note}>
            <textarea id="note" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} {...describedBy('note', errors.note)} />
          </Field>
          <div class="actions">
            {allowed.map((s) => (
              <button type="button" class={'transition to-' + s} data-to={s} disabled={busy} onClick={() => go(s)}>
                → {statusLabel(s)}
              </button>
            ))}
          </div>
          <FormError error={errors[''] || errors.to} />
        </>
      )}
    </section>
  );
}

function MessageReporter(props: { id: number; onDone: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('required') });
      return;
    }
    try {
      await post(`/cases/${props.id}/messages`, { text: text.trim() });
      setText('');
      setErrors({});
      setSent(true);
      props.onDone();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <form class="card" onSubmit={send}>
      <h2>{t('message_reporter')}</h2>
      <Field id="reply-text" label={t('messages')} hint={t('message_hint')} error={errors.text}>
        <textarea id="reply-text" rows={3} value={text} onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setSent(false); }} {...describedBy('reply-text', errors.text, true)} />
      </Field>
      <FormError error={errors['']} />
      {sent && <p role="status" class="ok">{t('sent')}</p>}
      <button type="submit" class="primary">{t('send')}</button>
    </form>
  );
}

function RevealContact(props: { id: number; hasContact?: boolean }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [contact, setContact] = useState<string | null>(null);
  if (props.hasContact === false) {
    return (
      <section class="card">
        <h2>{t('reveal_contact')}</h2>
        <p class="muted">{t('no_contact')}</p>
      </section>
    );
  }
  const reveal = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setErrors({ reason: t('required') });
      return;
    }
    try {
      const r = await post<{ contact: string }>(`/cases/${props.id}/reveal-contact`, { reason: reason.trim() });
      setContact(r.contact ?? '');
      setErrors({});
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  return (
    <form class="card" onSubmit={reveal}>
      <h2>{t('reveal_contact')}</h2>
      {contact !== null ? (
        <p class="contact" data-contact>{contact || t('no_contact')}</p>
      ) : (
        <>
          <Field id="reason" label={t('reveal_reason')} error={errors.reason}>
            <input id="reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} {...describedBy('reason', errors.reason)} />
          </Field>
          <FormError error={errors['']} />
          <button type="submit" class="secondary">{t('reveal')}</button>
        </>
      )}
    </form>
  );
}

// The enterprise answers a case about itself; the union or federation reviews each answer and
// passes its message on to the reporter, or keeps it back. The server decides who may do which.
function Answers(props: { caseId: number; onChange: () => void }) {
  const [items, setItems] = useState<Answer[]>([]);
  const [canAnswer, setCanAnswer] = useState(false);
  const [form, setForm] = useState({ action_taken: '', evidence: '', proposed_fix: '', message_to_reporter: '' });
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const load = () =>
    get<{ items: Answer[]; can_answer: boolean }>(`/cases/${props.caseId}/answers`).then(
      (r) => {
        setItems(r.items);
        setCanAnswer(r.can_answer);
      },
      () => setItems([]),
    );
  useEffect(() => {
    load();
  }, [props.caseId]);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!form.action_taken.trim()) return setErrors({ action_taken: t('required') });
    const body: Record<string, string> = { action_taken: form.action_taken.trim() };
    for (const k of ['evidence', 'proposed_fix', 'message_to_reporter'] as const) if (form[k].trim()) body[k] = form[k].trim();
    try {
      await post(`/cases/${props.caseId}/answers`, body);
      setForm({ action_taken: '', evidence: '', proposed_fix: '', message_to_reporter: '' });
      setErrors({});
      await load();
      props.onChange();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  const review = async (a: Answer, decision: 'pass_on' | 'keep_back') => {
    const text = (edits[a.id] ?? a.message_to_reporter ?? '').trim();
    try {
      await post(`/cases/${props.caseId}/answers/${a.id}/review`, decision === 'pass_on' && text ? { decision, text } : { decision });
      setErrors({});
      await load();
      props.onChange();
    } catch (err) {
      setErrors(toFieldErrors(err));
    }
  };
  if (!canAnswer && items.length === 0) return null;
  const field = (k: keyof typeof form, label: string, rows = 2) => (
    <Field id={'answer-' + k} label={label} error={errors[k]}>
      <textarea id={'answer-' + k} rows={rows} value={form[k]} onInput={(e) => setForm({ ...form, [k]: (e.target as HTMLTextAreaElement).value })} {...describedBy('answer-' + k, errors[k])} />
    </Field>
  );
  return (
    <section class="card answers">
      <h2>{t('answers')}</h2>
      <p class="hint">{t('answer_hint')}</p>
      {items.length === 0 && <p class="muted">{t('answer_none')}</p>}
      <ol class="answer-list">
        {items.map((a) => (
          <li data-answer={a.id} data-status={a.status}>
            <strong>{a.org_name}</strong> · <span class="muted">{formatDate(a.created_at)}</span> · <span class="tag">{answerStatusLabel(a.status)}</span>
            <p>{a.action_taken}</p>
            {a.evidence && <p class="event-body">{t('answer_evidence')}: {a.evidence}</p>}
            {a.proposed_fix && <p class="event-body">{t('answer_fix')}: {a.proposed_fix}</p>}
            {a.can_review ? (
              <>
                <Field id={'answer-review-' + a.id} label={t('answer_review_text')} error={errors.text}>
                  <textarea id={'answer-review-' + a.id} rows={2} value={edits[a.id] ?? a.message_to_reporter ?? ''} onInput={(e) => setEdits({ ...edits, [a.id]: (e.target as HTMLTextAreaElement).value })} />
                </Field>
                <div class="actions">
                  <button type="button" class="primary" data-review="pass_on" onClick={() => review(a, 'pass_on')}>{t('answer_pass_on')}</button>
                  <button type="button" class="secondary" data-review="keep_back" onClick={() => review(a, 'keep_back')}>{t('answer_keep_back')}</button>
                </div>
              </>
            ) : (
              a.message_to_reporter && <p class="event-body">{t('messages')}: {a.message_to_reporter}</p>
            )}
          </li>
        ))}
      </ol>
      {canAnswer && (
        <form onSubmit={send} noValidate>
          {field('action_taken', t('answer_action'), 3)}
          {field('evidence', t('answer_evidence'))}
          {field('proposed_fix', t('answer_fix'))}
          {field('message_to_reporter', t('answer_message'))}
          <FormError error={errors['']} />
          <button type="submit" class="primary">{t('answer_send')}</button>
        </form>
      )}
      {!canAnswer && <FormError error={errors['']} />}
    </section>
  );
}
