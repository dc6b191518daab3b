// One case: facts, history, status transitions, messages to the reporter, and reveal-contact
// with a reason where the policy allows it (the case says so in can_reveal_contact).
import { useEffect, useState } from 'preact/hooks';
import { post, get, type CaseDetail, type CaseEvent } from '../api';
import { eventLabel, formatDate, priorityLabel, statusLabel, t } from '../i18n';
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
                <dt>{t('enterprise')}</dt>
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
            {c.resolve_due_at && (
              <>
                <dt>{t('due')}</dt>
                <dd class={c.overdue ? 'overdue' : undefined}>{formatDate(c.resolve_due_at)}</dd>
              </>
            )}
            {c.incident_at && (
              <>
                <dt>{t('incident_at')}</dt>
                <dd>{formatDate(c.incident_at)}</dd>
              </>
            )}
            {c.channel && (
              <>
                <dt>{t('channel')}</dt>
                <dd>{c.channel}</dd>
              </>
            )}
            {c.lat != null && c.lon != null && (
              <>
                <dt>GPS</dt>
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
          {c.can_reveal_contact && <RevealContact id={c.id} hasContact={c.has_contact} />}
          <Photos caseId={c.id} canAdd={!!c.can_message} />
          {(c.allowed_transitions?.length ?? 0) > 0 || c.can_message ? <Referrals caseId={c.id} onChange={reload} /> : null}
          <Links caseId={c.id} />
        </aside>
      </div>
    </div>
  );
}

function History(props: { events: CaseEvent[] }) {
  return (
    <ol class="timeline">
      {props.events.map((e) => (
        <li class={'event event-' + e.kind}>
          <time>{formatDate(e.at)}</time> · <strong>{e.actor_name || (e.actor_kind ? eventLabel(e.actor_kind) : '')}</strong>{' '}
          {e.to_status ? (
            <span>
              {e.from_status ? statusLabel(e.from_status) + ' → ' : ''}
              {statusLabel(e.to_status)}
            </span>
          ) : (
            <span class="muted">{eventLabel(e.kind)}</span>
          )}
          {e.body && <p class="event-body">{e.body}</p>}
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
          <Field id="note" label={t('note')} error={errors.note}>
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
